import { academicYearLabel, type SectorReachResponse } from '@encounters/domain';
import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessScope, type AuthUser } from '../common/access/policy';
import { ComplianceReportService } from './compliance-report.service';
import { DestinationsReportService } from './destinations-report.service';
import type { ComplianceReportQueryDto } from './dto/compliance-report-query.dto';
import type { DestinationsReportQueryDto } from './dto/destinations-report-query.dto';
import type { LearnerRecordQueryDto } from './dto/learner-record-query.dto';
import type { OrganisationReportQueryDto } from './dto/organisation-report-query.dto';
import type { SectorReachQueryDto } from './dto/sector-reach-query.dto';
import { LearnerRecordService } from './learner-record.service';
import { type OrganisationEngagementAnswer, OrganisationReportService } from './organisation-report.service';
import { complianceReportPdf } from './pdf/compliance-report-pdf';
import { renderPdf } from './pdf/pdf-renderer';
import { exportDetails, reportFileName, resolveReportScope } from './report-scope';
import { SectorReachQuery } from './sector-reach.query';
import { loadPolicyLookup } from '../coverage/policy-lookup';

const CSV_TYPE = 'text/csv; charset=utf-8';
const PDF_TYPE = 'application/pdf';

function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

/** Every export is checked against the caller's scope first, then audited, then produced. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceReportService,
    private readonly organisations: OrganisationReportService,
    private readonly learnerRecords: LearnerRecordService,
    private readonly audit: AuditService,
    private readonly sectorReachQuery: SectorReachQuery,
    private readonly destinations: DestinationsReportService,
  ) {}

  /** The sectors reached of the trust or one academy: the figures of the compliance PDF's sectors page. */
  async sectorReach(query: SectorReachQueryDto, user: AuthUser): Promise<SectorReachResponse> {
    const scope = await resolveReportScope(this.dataSource.manager, query, accessScope(user));
    const policyFor = await loadPolicyLookup(this.dataSource.manager);
    return this.sectorReachQuery.load(scope, policyFor(scope.academicYear));
  }

  async complianceReport(
    query: ComplianceReportQueryDto,
    user: AuthUser,
    ip: string | null,
  ): Promise<StreamableFile> {
    const access = accessScope(user);
    const scope = await resolveReportScope(this.dataSource.manager, query, access);
    await this.audit.record({
      userId: user.id,
      action: 'report.export',
      entityType: 'report',
      entityId: 'compliance',
      academyId: scope.academy?.id ?? null,
      details: {
        ...exportDetails('compliance', query.format, scope),
        ...(query.format === 'csv' ? { part: query.part ?? 'learners' } : {}),
      },
      ip,
    });
    if (query.format === 'csv') {
      const part = query.part ?? 'learners';
      const rows =
        part === 'learners'
          ? this.compliance.csv(scope, access)
          : this.compliance.figuresCsv(part, scope, access);
      return new StreamableFile(Readable.from(rows, { objectMode: false }), {
        type: CSV_TYPE,
        disposition: attachment(reportFileName(`compliance-${part}`, scope, 'csv')),
      });
    }
    const pdf = await renderPdf(complianceReportPdf(await this.compliance.data(scope, access), new Date()));
    return new StreamableFile(pdf, {
      type: PDF_TYPE,
      disposition: attachment(reportFileName('compliance', scope, 'pdf')),
    });
  }

  /**
   * R-DEST-5: the intended-destinations return for the local authority (CSV, with the NEET-risk column only
   * for those who may read it), or the figures of each academy (PDF).
   */
  async destinationsReport(
    query: DestinationsReportQueryDto,
    user: AuthUser,
    ip: string | null,
  ): Promise<StreamableFile> {
    const scope = await resolveReportScope(this.dataSource.manager, query, accessScope(user));
    const neetRisk = query.format === 'csv' && this.destinations.includesNeetRisk(user, scope);
    await this.audit.record({
      userId: user.id,
      action: 'report.export',
      entityType: 'report',
      entityId: 'destinations',
      academyId: scope.academy?.id ?? null,
      details: {
        ...exportDetails('destinations', query.format, scope),
        ...(query.format === 'csv' ? { neetRisk } : {}),
      },
      ip,
    });
    if (query.format === 'csv') {
      return new StreamableFile(Buffer.from(await this.destinations.csv(scope, neetRisk), 'utf8'), {
        type: CSV_TYPE,
        disposition: attachment(reportFileName('destinations', scope, 'csv')),
      });
    }
    return new StreamableFile(await this.destinations.pdf(scope), {
      type: PDF_TYPE,
      disposition: attachment(reportFileName('destinations', scope, 'pdf')),
    });
  }

  async organisationReport(
    query: OrganisationReportQueryDto,
    user: AuthUser,
    ip: string | null,
  ): Promise<OrganisationEngagementAnswer | StreamableFile> {
    const answer = await this.organisations.report(query, accessScope(user));
    await this.audit.record({
      userId: user.id,
      action: 'report.export',
      entityType: 'report',
      entityId: 'organisations',
      academyId: query.academyId ?? null,
      details: {
        report: 'organisations',
        format: query.format,
        scope: query.academyId ? 'academy' : accessScope(user).trustWide ? 'trust' : 'own academies',
        academicYear: answer.academicYear,
      },
      ip,
    });
    if (query.format === 'json') return answer;
    return new StreamableFile(Buffer.from(this.organisations.csv(answer), 'utf8'), {
      type: CSV_TYPE,
      disposition: attachment(
        `organisations-${academicYearLabel(answer.academicYear ?? 0).replace('/', '-')}.csv`,
      ),
    });
  }

  async learnerRecord(
    id: string,
    query: LearnerRecordQueryDto,
    user: AuthUser,
    ip: string | null,
  ): Promise<StreamableFile> {
    const { pdf, fileName, academyId } = await this.learnerRecords.pdf(id, user, { ...query, ip });
    await this.audit.record({
      userId: user.id,
      action: 'report.export',
      entityType: 'learner',
      entityId: id,
      academyId,
      details: { report: 'learner-record', format: 'pdf' },
      ip,
    });
    return new StreamableFile(pdf, { type: PDF_TYPE, disposition: attachment(fileName) });
  }
}
