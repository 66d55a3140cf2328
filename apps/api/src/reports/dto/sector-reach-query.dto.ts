import { OmitType } from '@nestjs/swagger';
import type { SectorReachQuery } from '@encounters/domain';
import { ComplianceReportQueryDto } from './compliance-report-query.dto';

/** The compliance report's scope without the file format: the year, the as-at date and the academy. */
export class SectorReachQueryDto
  extends OmitType(ComplianceReportQueryDto, ['format'] as const)
  implements SectorReachQuery {}
