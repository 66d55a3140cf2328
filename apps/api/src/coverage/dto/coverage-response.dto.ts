import {
  COVERAGE_SCOPES,
  type CoverageLearnerRow,
  type CoverageLearnersResponse,
  type CoverageResponse,
  type CoverageRow,
  type CoverageScope,
  RULE_IDS,
  RULE_SETS,
  RULE_STATUSES,
  type RuleSet,
  type RuleStatuses,
  type RuleTallies,
  type HoursFigures,
  type HoursGaps,
  OFFER_RULE_IDS,
  type OfferRuleId,
  type RuleStatus,
  WEX_RULE_IDS,
  type WexRuleId,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const tally = {
  type: 'object',
  required: ['met', 'onTrack', 'atRisk', 'missed', 'applicable', 'percent'],
  properties: {
    met: { type: 'integer' },
    onTrack: { type: 'integer' },
    atRisk: { type: 'integer' },
    missed: { type: 'integer' },
    applicable: { type: 'integer' },
    percent: {
      type: 'number',
      nullable: true,
      description: 'Met / applicable, one decimal; null when none apply.',
    },
  },
};
const perRule = (schema: Record<string, unknown>) => ({
  type: 'object' as const,
  required: [...RULE_IDS],
  properties: Object.fromEntries(RULE_IDS.map((rule) => [rule, schema])),
});

const perWexRule = (schema: Record<string, unknown>) => ({
  type: 'object' as const,
  required: [...WEX_RULE_IDS],
  properties: Object.fromEntries(WEX_RULE_IDS.map((rule) => [rule, schema])),
});
const hoursFigures = {
  type: 'object',
  required: ['zero', 'belowTarget', 'atTarget', 'median'],
  properties: {
    zero: { type: 'integer', description: 'Learners at 0 counted hours.' },
    belowTarget: { type: 'integer', description: 'More than 0, less than the target.' },
    atTarget: { type: 'integer', description: 'At or above the target.' },
    median: {
      type: 'number',
      nullable: true,
      description: 'Median counted hours (R-WEX-4) of the learners to whom the rule applies; null for none.',
    },
  },
};
const hoursGaps = {
  type: 'object',
  required: ['zero', 'atTarget', 'median'],
  properties: {
    zero: { type: 'number', nullable: true, description: 'Share at 0 hours minus the rest’s, in points.' },
    atTarget: { type: 'number', nullable: true, description: 'Share at target minus the rest’s, in points.' },
    median: { type: 'number', nullable: true, description: 'Median hours minus the rest’s.' },
  },
};

class CoverageContextDto {
  @ApiProperty({ enum: COVERAGE_SCOPES }) scope: CoverageScope;
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'date' }) asAt: string;
  @ApiProperty({ enum: RULE_SETS }) ruleSet: RuleSet;
}

export class CoverageRowDto implements CoverageRow {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() learners: number;
  @ApiProperty(perRule(tally)) rules: RuleTallies;
  @ApiPropertyOptional({
    ...perRule({ type: 'number', nullable: true }),
    description: 'With `breakdown`: per rule, this group’s percentage minus the rest’s, in points (R-G-3).',
  })
  gaps?: Record<string, number | null>;
  @ApiProperty({
    ...perWexRule(hoursFigures),
    description: 'R-WEX-6, R-WEX-9: the work-experience hours figures of the row’s learners.',
  })
  hours: Record<WexRuleId, HoursFigures>;
  @ApiPropertyOptional({
    ...perWexRule(hoursGaps),
    description: 'With `breakdown`: the hours figures’ gaps, this group’s minus the rest’s (R-WEX-6, R-G-3).',
  })
  hoursGaps?: Record<WexRuleId, HoursGaps>;
  @ApiPropertyOptional({
    type: 'object',
    required: [...OFFER_RULE_IDS],
    properties: Object.fromEntries(
      OFFER_RULE_IDS.map((rule) => [rule, { type: 'string', enum: [...RULE_STATUSES] }]),
    ),
    description:
      'R-PAL-4: the per-academy rules, on the row of an academy (academy scope, and each academy of the trust scope) and on the trust’s row (met when every academy it applies to meets it, else the least favourable status).',
  })
  offers?: Record<OfferRuleId, RuleStatus>;
}

export class CoverageResponseDto extends CoverageContextDto implements CoverageResponse {
  @ApiProperty({ type: [CoverageRowDto] }) rows: CoverageRowDto[];
}

export class CoverageLearnerRowDto implements CoverageLearnerRow {
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty() upn: string;
  @ApiProperty() name: string;
  @ApiProperty() yearGroup: number;
  @ApiProperty({ type: String, nullable: true }) group: string | null;
  @ApiProperty(perRule({ type: 'string', enum: [...RULE_STATUSES] })) statuses: RuleStatuses;
}

export class CoverageLearnersResponseDto extends CoverageContextDto implements CoverageLearnersResponse {
  @ApiProperty({ type: [CoverageLearnerRowDto] }) rows: CoverageLearnerRowDto[];
}
