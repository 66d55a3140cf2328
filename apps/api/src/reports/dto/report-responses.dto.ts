import {
  ORGANISATION_TYPES,
  type OrganisationEngagementRow,
  type OrganisationType,
  RULE_IDS,
  type RuleId,
  SECTORS,
  type Sector,
  type SectorReachResponse,
  type SectorReachRow,
} from '@encounters/domain';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { AcademyEngagement, OrganisationEngagementAnswer } from '../organisation-report.service';
import type { SnapshotComparison, SnapshotView } from '../snapshots.service';

/** A file answer (CSV or PDF): the document says so with a binary string, as OpenAPI 3.0 has it. */
export const FILE_SCHEMA = { type: 'string' as const, format: 'binary' };

export class SectorReachRowDto implements SectorReachRow {
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ description: "A local priority sector of the trust's policy for the year." })
  priority: boolean;
  @ApiProperty({ description: 'Encounters held with at least one organisation of the sector.' })
  encounters: number;
  @ApiProperty({ description: 'Learners on roll at the as-at date who attended one of them, each once.' })
  learners: number;
}

export class SectorReachResponseDto implements SectorReachResponse {
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'date' }) asAt: string;
  @ApiProperty({ description: 'Encounters held in the year up to the as-at date.' }) totalEncounters: number;
  @ApiProperty({ description: 'Learners on roll at the as-at date.' }) totalLearners: number;
  @ApiProperty() prioritySectors: number;
  @ApiProperty({ description: 'Priority sectors with at least one learner reached.' })
  priorityReached: number;
  @ApiProperty({
    type: [SectorReachRowDto],
    description: 'Every sector: priority sectors first, then by learners reached.',
  })
  rows: SectorReachRowDto[];
}

export class AcademyEngagementDto implements AcademyEngagement {
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty() academyName: string;
  @ApiProperty() encounters: number;
  @ApiProperty() learnersReached: number;
}

export class OrganisationReportRowDto implements OrganisationEngagementRow {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type: OrganisationType;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty() encounters: number;
  @ApiProperty({ description: 'Distinct learners who attended at least one of its encounters.' })
  learnersReached: number;
  @ApiProperty({
    type: [AcademyEngagementDto],
    description: 'The same figures per academy, for thanking each organisation where it helped.',
  })
  academies: AcademyEngagementDto[];
}

/** `GET /api/reports/organisations?format=json`. */
export class OrganisationReportDto implements OrganisationEngagementAnswer {
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) academicYear: number | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The academy asked for, if any.',
  })
  academyId: string | null;
  @ApiProperty({ type: [OrganisationReportRowDto], description: 'Most learners reached first.' })
  rows: OrganisationReportRowDto[];
}

export class SnapshotDto implements SnapshotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['trust', 'academy'] }) scope: 'trust' | 'academy';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) academyId: string | null;
  @ApiProperty({ example: 'Kilnside Learning Trust, 31 December 2025' }) label: string;
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'date' }) asAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** An object with one property per rule id (`O2`, `B5`, …), each of the given schema. */
const perRule = (schema: Record<string, unknown>) => ({
  type: 'object' as const,
  required: [...RULE_IDS],
  properties: Object.fromEntries(RULE_IDS.map((rule) => [rule, schema])),
});

export class SnapshotFigureDto {
  @ApiProperty() met: number;
  @ApiProperty() applicable: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Met / applicable; null when none apply.' })
  percent: number | null;
}

export class SnapshotRuleChangeDto {
  @ApiProperty({ type: SnapshotFigureDto, nullable: true }) frozen: SnapshotFigureDto | null;
  @ApiProperty({ type: SnapshotFigureDto, nullable: true }) now: SnapshotFigureDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Now minus frozen, in points.' })
  changePoints: number | null;
}

class SnapshotLearnersDto {
  @ApiProperty({ type: Number, nullable: true }) frozen: number | null;
  @ApiProperty({ type: Number, nullable: true }) now: number | null;
}

@ApiExtraModels(SnapshotRuleChangeDto)
export class SnapshotComparisonRowDto {
  @ApiProperty({ example: 'yearGroup:10' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: SnapshotLearnersDto }) learners: SnapshotLearnersDto;
  @ApiProperty({
    ...perRule({ $ref: getSchemaPath(SnapshotRuleChangeDto) }),
    description: 'Per rule: the frozen figure, the figure now, and the change in points.',
  })
  rules: Record<RuleId, SnapshotRuleChangeDto>;
}

export class SnapshotComparisonDto implements SnapshotComparison {
  @ApiProperty({ type: SnapshotDto }) snapshot: SnapshotDto;
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'date', description: 'The later date.' }) asAt: string;
  @ApiProperty({ type: [SnapshotComparisonRowDto] }) rows: SnapshotComparisonRowDto[];
}
