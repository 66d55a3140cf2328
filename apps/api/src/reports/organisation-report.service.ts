import {
  academicYearOf,
  ORGANISATION_TYPE_LABELS,
  type OrganisationEngagementReport,
  type OrganisationEngagementRow,
  type OrganisationType,
  type Sector,
  todayIsoDate,
} from '@encounters/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AccessScope, seesWholeAcademy } from '../common/access/policy';
import { SqlParams } from '../common/sql-params';
import { CSV_BOM, csvRecord, safeText } from './report-csv';

export interface AcademyEngagement {
  academyId: string;
  academyName: string;
  encounters: number;
  learnersReached: number;
}

export interface OrganisationEngagement extends OrganisationEngagementRow {
  /** The same figures per academy, for thanking each organisation where it helped. */
  academies: AcademyEngagement[];
}

export interface OrganisationEngagementAnswer extends OrganisationEngagementReport {
  academyId: string | null;
  rows: OrganisationEngagement[];
}

@Injectable()
export class OrganisationReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The academies a caller's report covers; 404 for an academy they may not see. */
  async academiesFor(academyId: string | undefined, access: AccessScope): Promise<string[] | null> {
    if (academyId) {
      const [academy] = await this.dataSource.query('SELECT id FROM academy WHERE id = $1', [academyId]);
      if (!academy || !seesWholeAcademy(access, academyId)) throw new NotFoundException('No such academy.');
      return [academyId];
    }
    return access.trustWide ? null : access.academyIds;
  }

  async report(
    query: { academicYear?: number; academyId?: string },
    access: AccessScope,
  ): Promise<OrganisationEngagementAnswer> {
    const academicYear = query.academicYear ?? academicYearOf(todayIsoDate());
    const academyIds = await this.academiesFor(query.academyId, access);
    return {
      academicYear,
      academyId: query.academyId ?? null,
      rows: await this.engagement({ academicYear, academyIds }),
    };
  }

  /**
   * Each organisation with the year's encounters (to `asAt` when given) and the distinct learners who
   * attended them, in total and per academy, most learners reached first. `academyIds` null: every academy.
   */
  async engagement(options: {
    academicYear: number;
    asAt?: string;
    academyIds: string[] | null;
  }): Promise<OrganisationEngagement[]> {
    const p = new SqlParams();
    const conditions = [`e.academic_year = ${p.add(options.academicYear)}`, 'e.deleted_at IS NULL'];
    if (options.asAt) conditions.push(`e.date <= ${p.add(options.asAt)}::date`);
    if (options.academyIds) conditions.push(`e.academy_id = ANY(${p.add(options.academyIds)}::uuid[])`);
    const rows: {
      organisation_id: string;
      academy_id: string | null;
      academy_name: string | null;
      name: string;
      type: OrganisationType;
      sectors: Sector[];
      encounters: number;
      learners: number;
    }[] = await this.dataSource.query(
      `WITH engaged AS (
         SELECT eo.organisation_id, e.academy_id, e.id AS encounter_id, e.anonymous_attended
           FROM encounter e JOIN encounter_organisation eo ON eo.encounter_id = e.id
          WHERE ${conditions.join(' AND ')}
       ), figures AS (
         SELECT engaged.organisation_id, engaged.academy_id,
                count(DISTINCT engaged.encounter_id)::int AS encounters,
                count(DISTINCT at.learner_id) FILTER (WHERE at.status = 'attended')::int AS learners
           FROM engaged LEFT JOIN attendance at ON at.encounter_id = engaged.encounter_id
          GROUP BY GROUPING SETS ((engaged.organisation_id, engaged.academy_id), (engaged.organisation_id))
       ), erased AS (
         -- Learners erased since (anonymous head counts): each attendance counts, as no identity is left.
         SELECT organisation_id, academy_id, sum(anonymous_attended)::int AS learners
           FROM engaged
          GROUP BY GROUPING SETS ((organisation_id, academy_id), (organisation_id))
       )
       SELECT f.organisation_id, f.academy_id, a.name AS academy_name, o.name, o.type, o.sectors, f.encounters,
              f.learners + coalesce(erased.learners, 0) AS learners
         FROM figures f
         LEFT JOIN erased ON erased.organisation_id = f.organisation_id
           AND erased.academy_id IS NOT DISTINCT FROM f.academy_id
         JOIN organisation o ON o.id = f.organisation_id
         LEFT JOIN academy a ON a.id = f.academy_id
        ORDER BY o.name, a.name NULLS FIRST`,
      p.values,
    );
    const byOrganisation = new Map<string, OrganisationEngagement>();
    for (const row of rows) {
      if (row.academy_id === null) {
        byOrganisation.set(row.organisation_id, {
          organisationId: row.organisation_id,
          name: row.name,
          type: row.type,
          sectors: row.sectors,
          encounters: row.encounters,
          learnersReached: row.learners,
          academies: [],
        });
      } else {
        byOrganisation.get(row.organisation_id)?.academies.push({
          academyId: row.academy_id,
          academyName: row.academy_name as string,
          encounters: row.encounters,
          learnersReached: row.learners,
        });
      }
    }
    return [...byOrganisation.values()].sort(
      (a, b) =>
        b.learnersReached - a.learnersReached ||
        b.encounters - a.encounters ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
  }

  /** One row per organisation and academy, then the organisation's total over the academies. */
  csv(answer: OrganisationEngagementAnswer): string {
    let text =
      CSV_BOM + csvRecord(['Organisation', 'Type', 'Sectors', 'Academy', 'Encounters', 'Learners reached']);
    for (const row of answer.rows) {
      const organisation = [
        safeText(row.name),
        ORGANISATION_TYPE_LABELS[row.type] ?? row.type,
        row.sectors.join('; '),
      ];
      for (const academy of row.academies) {
        text += csvRecord([
          ...organisation,
          safeText(academy.academyName),
          academy.encounters,
          academy.learnersReached,
        ]);
      }
      if (row.academies.length > 1)
        text += csvRecord([...organisation, 'All academies', row.encounters, row.learnersReached]);
    }
    return text;
  }
}
