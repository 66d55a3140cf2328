import { type Policy, type Sector, sectorReachOf, type SectorReachResponse } from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTS_AT } from '../coverage/coverage.service';
import { SqlParams } from '../common/sql-params';
import type { ReportScope } from './report-scope';

/**
 * Sectors reached (defined in `libs/domain`, `sectorReachOf`), counted in SQL: the one source of the
 * dashboard's panel (`GET /api/reports/sector-reach`) and of the compliance PDF's sectors page.
 */
@Injectable()
export class SectorReachQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(scope: ReportScope, policy: Policy): Promise<SectorReachResponse> {
    const p = new SqlParams([scope.academicYear, scope.asAt]);
    const academy = scope.academy ? p.add(scope.academy.id) : null;
    const academyFilter = academy ? `AND e.academy_id = ${academy}` : '';
    const progressFilter = academy ? `AND p.academy_id = ${academy}` : '';
    const [counts, [totals]] = await Promise.all([
      this.dataSource.query(
        `WITH held AS (
           SELECT e.id FROM encounter e
            WHERE e.academic_year = $1 AND e.date <= $2::date AND e.deleted_at IS NULL ${academyFilter}
         ), by_sector AS (
           SELECT DISTINCT s.sector, held.id AS encounter_id
             FROM held
             JOIN encounter_organisation eo ON eo.encounter_id = held.id
             JOIN organisation o ON o.id = eo.organisation_id
             CROSS JOIN LATERAL unnest(o.sectors) AS s(sector)
         ), on_roll AS (
           SELECT p.learner_id FROM learner_progress p
            WHERE p.academic_year = $1 AND ${COUNTS_AT} ${progressFilter}
         )
         SELECT by_sector.sector,
                count(DISTINCT by_sector.encounter_id)::int AS encounters,
                count(DISTINCT at.learner_id) FILTER (WHERE at.status = 'attended' AND on_roll.learner_id IS NOT NULL)::int AS learners
           FROM by_sector
           LEFT JOIN attendance at ON at.encounter_id = by_sector.encounter_id
           LEFT JOIN on_roll ON on_roll.learner_id = at.learner_id
          GROUP BY by_sector.sector`,
        p.values,
      ) as Promise<{ sector: Sector; encounters: number; learners: number }[]>,
      this.dataSource.query(
        `SELECT (SELECT count(*) FROM encounter e
                  WHERE e.academic_year = $1 AND e.date <= $2::date AND e.deleted_at IS NULL ${academyFilter})::int AS encounters,
                (SELECT count(*) FROM learner_progress p WHERE p.academic_year = $1 AND ${COUNTS_AT} ${progressFilter})::int AS learners`,
        p.values,
      ) as Promise<{ encounters: number; learners: number }[]>,
    ]);
    return sectorReachOf({
      academicYear: scope.academicYear,
      asAt: scope.asAt,
      totalEncounters: totals.encounters,
      totalLearners: totals.learners,
      prioritySectors: policy.localPrioritySectors,
      counts,
    });
  }
}
