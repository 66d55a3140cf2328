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
