import {
  type AcademicYear,
  type ActualDestinationCategory,
  type AnniversaryFigures,
  anniversaryDate,
  DESTINATION_ANNIVERSARIES,
  DESTINATION_YEAR_GROUPS,
  type DestinationCategory,
  type DestinationStatus,
  type IsoDate,
  isInEducationEmploymentOrTraining,
} from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlParams } from '../common/sql-params';
import { COUNTS_AT, ruleStatusSql } from '../coverage/coverage.service';
import type { ReportScope } from './report-scope';

/** One learner of the local authority's return: Year 11 or 13, with their intended destination if any. */
export interface DestinationReturnRow {
  upn: string;
  legal_surname: string;
  legal_forename: string;
  /** YYYY-MM-DD; null only once pseudonymised. */
  date_of_birth: string | null;
  academy_name: string;
  year_group: number;
  category: DestinationCategory | null;
  provider: string | null;
  status: DestinationStatus | null;
  /** The day of the latest status change. */
  status_on: string | null;
  /** R-DEST-3: marked by a careers lead, or `DEST_16`/`DEST_18` at risk or missed at the as-at date. */
  neet_risk: boolean;
}

/** R-DEST-5: one year group's intended destinations at one academy, no learner named. */
export interface DestinationYearFigures {
  yearGroup: number;
  /**
   * Learners on roll at the as-at date, as /api/coverage counts them for `DEST_16`/`DEST_18`; once the
   * confirm-by date has passed, those on roll at that date.
   */
  learners: number;
  /** With an intended destination recorded. */
  recorded: number;
  /** `DEST_16`/`DEST_18` met at the as-at date: accepted or enrolled by the confirm-by date. */
  confirmed: number;
  percentConfirmed: number | null;
  /** R-DEST-3: marked, or flagged automatically; a count only. */
  neetRisk: number;
  /** Learners by category; `none` for those with nothing recorded. */
  categories: Partial<Record<DestinationCategory | 'none', number>>;
  /** Learners by latest status; `none` for those with nothing recorded. */
  statuses: Partial<Record<DestinationStatus | 'none', number>>;
}

/** R-DEST-4, R-DEST-5: the leavers of one year group of one academic year, at each anniversary passed. */
export interface LeaverCohortFigures {
  leftIn: AcademicYear;
  yearGroup: number;
  leavers: number;
  /** The anniversaries on or before the as-at date only. */
  anniversaries: Omit<AnniversaryFigures, 'gaps'>[];
}

export interface AcademyDestinationFigures {
  id: string;
  name: string;
  /** Year 11, then Year 13, where the academy has learners in them. */
  years: DestinationYearFigures[];
  /** Most recent cohort first, Year 11 before Year 13. */
  leavers: LeaverCohortFigures[];
}

export interface DestinationFigures {
  academicYear: AcademicYear;
  asAt: IsoDate;
  /** R-DEST-2: the day `DEST_16`/`DEST_18` close this year. */
  confirmBy: IsoDate;
  /** Academies with learners in Year 11 or 13 or leavers followed up, by name. */
  academies: AcademyDestinationFigures[];
}

/** The status of the progress row `p`'s destination rule at the as-at date in `asAt`. */
const destinationRuleStatus = (asAt: string) =>
  `CASE WHEN p.year_group = 11 THEN ${ruleStatusSql('DEST_16', asAt)} ELSE ${ruleStatusSql('DEST_18', asAt)} END`;

/** The day a destination reached its latest status: its last change, same-day changes in the order made. */
const LATEST_CHANGE = `LEFT JOIN LATERAL (
    SELECT x."on"::text AS status_on FROM destination_status_change x
     WHERE x.destination_id = d.id ORDER BY x."on" DESC, x.seq DESC LIMIT 1) latest ON TRUE`;

const percentOf = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);

/** The SQL of the destinations report: the local authority's return and the figures of the PDF pages. */
@Injectable()
export class DestinationsReportQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every learner enrolled in Year 11 or 13 in the year, once each: through the enrolment that counts at the
   * as-at date, or for a learner who has left, their last (R-G-2). A learner who moved within the trust is
   * in the return of the academy that enrolment belongs to.
   */
  async returnRows(scope: ReportScope): Promise<DestinationReturnRow[]> {
    const p = new SqlParams([scope.academicYear, scope.asAt]);
    const academy = scope.academy ? p.add(scope.academy.id) : null;
    return this.dataSource.query(
      `WITH chosen AS (
         SELECT DISTINCT ON (p.learner_id) p.learner_id, p.academy_id, p.year_group,
                ${destinationRuleStatus('$2')} AS rule_status
           FROM learner_progress p
          WHERE p.academic_year = $1 AND p.year_group IN (${DESTINATION_YEAR_GROUPS.join(', ')})
            ${
              academy
                ? `AND p.learner_id IN (SELECT q.learner_id FROM learner_progress q
                     WHERE q.academic_year = $1 AND q.academy_id = ${academy})`
                : ''
            }
          ORDER BY p.learner_id, ${COUNTS_AT} DESC, p.leaving_date DESC NULLS FIRST,
                   p.admission_date DESC NULLS LAST, p.academy_id
       )
       SELECT l.upn, l.legal_surname, l.legal_forename, l.date_of_birth::text AS date_of_birth,
              a.name AS academy_name, c.year_group, d.category, coalesce(d.provider_name, o.name) AS provider,
              d.status, latest.status_on,
              (n.learner_id IS NOT NULL OR c.rule_status IN ('at_risk', 'missed')) AS neet_risk
         FROM chosen c
         JOIN learner l ON l.id = c.learner_id
         JOIN academy a ON a.id = c.academy_id
         LEFT JOIN intended_destination d ON d.learner_id = c.learner_id AND d.academic_year = $1
         LEFT JOIN organisation o ON o.id = d.organisation_id
         ${LATEST_CHANGE}
         LEFT JOIN neet_risk n ON n.learner_id = c.learner_id
        ${academy ? `WHERE c.academy_id = ${academy}` : ''}
        ORDER BY a.name, c.academy_id, c.year_group, lower(l.legal_surname), lower(l.legal_forename), l.upn`,
      p.values,
    );
  }

  /** R-DEST-5: each academy's figures, from the same progress rows as /api/coverage and the leavers' records. */
  async figures(scope: ReportScope, confirmBy: IsoDate): Promise<DestinationFigures> {
    const [years, leavers] = await Promise.all([
      this.yearFigures(scope, confirmBy),
      this.leaverFigures(scope),
    ]);
    const academies = new Map<string, AcademyDestinationFigures>();
    const academyOf = (id: string, name: string) => {
      let found = academies.get(id);
      if (!found) academies.set(id, (found = { id, name, years: [], leavers: [] }));
      return found;
    };
    for (const row of years) {
      const academy = academyOf(row.academy_id, row.academy_name);
      let year = academy.years.find((candidate) => candidate.yearGroup === row.year_group);
      if (!year) {
        year = {
          yearGroup: row.year_group,
          learners: 0,
          recorded: 0,
          confirmed: 0,
          percentConfirmed: null,
          neetRisk: 0,
          categories: {},
          statuses: {},
        };
        academy.years.push(year);
      }
      year.learners += row.learners;
      year.recorded += row.category ? row.learners : 0;
      year.confirmed += row.confirmed;
      year.neetRisk += row.neet_risk;
      const category = row.category ?? 'none';
      const status = row.status ?? 'none';
      year.categories[category] = (year.categories[category] ?? 0) + row.learners;
      year.statuses[status] = (year.statuses[status] ?? 0) + row.learners;
    }
    for (const academy of academies.values()) {
      academy.years.sort((a, b) => a.yearGroup - b.yearGroup);
      for (const year of academy.years) year.percentConfirmed = percentOf(year.confirmed, year.learners);
    }
    for (const cohort of leavers) {
      academyOf(cohort.academyId, cohort.academyName).leavers.push(cohort.figures);
    }
    for (const academy of academies.values()) {
      academy.leavers.sort((a, b) => b.leftIn - a.leftIn || a.yearGroup - b.yearGroup);
    }
    return {
      academicYear: scope.academicYear,
      asAt: scope.asAt,
      confirmBy,
      academies: [...academies.values()].sort(
        (a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id),
      ),
    };
  }

  /**
   * Learners in Years 11 and 13 by academy, category and status: those on roll at the as-at date, or once the
   * confirm-by date has passed, at that date, so that a year's figures keep the learners who left in the
   * summer (R-G-4 would drop them). Their statuses are those at the as-at date.
   */
  private yearFigures(
    scope: ReportScope,
    confirmBy: IsoDate,
  ): Promise<
    {
      academy_id: string;
      academy_name: string;
      year_group: number;
      category: DestinationCategory | null;
      status: DestinationStatus | null;
      learners: number;
      confirmed: number;
      neet_risk: number;
    }[]
  > {
    const p = new SqlParams([scope.academicYear, scope.asAt, confirmBy]);
    return this.dataSource.query(
      `SELECT p.academy_id, a.name AS academy_name, p.year_group, d.category, d.status,
              count(*)::int AS learners,
              count(*) FILTER (WHERE s.rule_status = 'met')::int AS confirmed,
              count(*) FILTER (WHERE n.learner_id IS NOT NULL OR s.rule_status IN ('at_risk', 'missed'))::int AS neet_risk
         FROM learner_progress p
         CROSS JOIN LATERAL (SELECT ${destinationRuleStatus('$2')} AS rule_status) s
         JOIN academy a ON a.id = p.academy_id
         LEFT JOIN intended_destination d ON d.learner_id = p.learner_id AND d.academic_year = $1
         LEFT JOIN neet_risk n ON n.learner_id = p.learner_id
        WHERE p.academic_year = $1 AND p.counts_at @> least($2::date, $3::date)
          AND p.year_group IN (${DESTINATION_YEAR_GROUPS.join(', ')})
          ${scope.academy ? `AND p.academy_id = ${p.add(scope.academy.id)}` : ''}
        GROUP BY p.academy_id, a.name, p.year_group, d.category, d.status`,
      p.values,
    );
  }

  /**
   * R-DEST-4: the leavers of the three years before, by academy, year left and year group: learners whose
   * last enrolment in the trust (chosen as the destinations follow-up chooses it) was in Year 11 or 13,
   * counted at its academy, with what they were doing at each anniversary passed by the as-at date.
   */
  private async leaverFigures(
    scope: ReportScope,
  ): Promise<{ academyId: string; academyName: string; figures: LeaverCohortFigures }[]> {
    const p = new SqlParams([scope.academicYear]);
    const rows: {
      academy_id: string;
      academy_name: string;
      left_in: number;
      year_group: number;
      leavers: number;
      recorded: { anniversary: number; category: ActualDestinationCategory; learners: number }[];
    }[] = await this.dataSource.query(
      `WITH leavers AS (
         SELECT x.* FROM (
           SELECT DISTINCT ON (e.learner_id) e.learner_id, e.academy_id, e.academic_year AS left_in, e.year_group
             FROM enrolment e
            WHERE e.academic_year BETWEEN $1 - 3 AND $1 - 1 AND e.year_group IN (${DESTINATION_YEAR_GROUPS.join(', ')})
              AND NOT EXISTS (SELECT 1 FROM enrolment later
                               WHERE later.learner_id = e.learner_id AND later.academic_year > e.academic_year)
            ORDER BY e.learner_id, e.academic_year DESC, e.leaving_date DESC NULLS FIRST,
                     e.admission_date DESC NULLS LAST, e.created_at DESC, e.id) x
         ${scope.academy ? `WHERE x.academy_id = ${p.add(scope.academy.id)}` : ''}
       ), cohorts AS (
         SELECT academy_id, left_in, year_group, count(*)::int AS leavers
           FROM leavers GROUP BY academy_id, left_in, year_group
       ), recorded AS (
         SELECT v.academy_id, v.left_in, v.year_group, ad.anniversary, ad.category, count(*)::int AS learners
           FROM leavers v JOIN actual_destination ad ON ad.learner_id = v.learner_id
          GROUP BY v.academy_id, v.left_in, v.year_group, ad.anniversary, ad.category
       )
       SELECT c.academy_id, a.name AS academy_name, c.left_in, c.year_group, c.leavers,
              coalesce((SELECT json_agg(json_build_object('anniversary', r.anniversary, 'category', r.category,
                                                          'learners', r.learners))
                          FROM recorded r
                         WHERE r.academy_id = c.academy_id AND r.left_in = c.left_in
                           AND r.year_group = c.year_group), '[]') AS recorded
         FROM cohorts c JOIN academy a ON a.id = c.academy_id`,
      p.values,
    );
    return rows.map((row) => ({
      academyId: row.academy_id,
      academyName: row.academy_name,
      figures: {
        leftIn: row.left_in,
        yearGroup: row.year_group,
        leavers: row.leavers,
        anniversaries: DESTINATION_ANNIVERSARIES.filter(
          (anniversary) => anniversaryDate(row.left_in, anniversary) <= scope.asAt,
        ).map((anniversary): Omit<AnniversaryFigures, 'gaps'> => {
          const recorded = row.recorded.filter((entry) => entry.anniversary === anniversary);
          const sum = (keep: (category: ActualDestinationCategory) => boolean) =>
            recorded
              .filter((entry) => keep(entry.category))
              .reduce((total, entry) => total + entry.learners, 0);
          const inEet = sum(isInEducationEmploymentOrTraining);
          return {
            anniversary,
            on: anniversaryDate(row.left_in, anniversary),
            leavers: row.leavers,
            recorded: sum(() => true),
            inEet,
            neet: sum((category) => category === 'neet'),
            notKnown: sum((category) => category === 'not_known'),
            percentInEet: percentOf(inEet, row.leavers),
          };
        }),
      },
    }));
  }
}
