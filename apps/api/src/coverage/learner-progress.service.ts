import { addDays, coverageSpans, type DateSpan, learnerProgress, RULE_IDS } from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { loadLearnerRecords } from './learner-records';
import { loadPolicyLookup } from './policy-lookup';

/** Learners are recomputed in batches of this size, so that memory stays flat on a whole trust. */
const BATCH = 2000;

/** The enrolment's facts kept beside the progress, in the order they are written. */
const ENROLMENT_COLUMNS: [string, string][] = [
  ['learner_id', 'uuid'],
  ['academic_year', 'smallint'],
  ['rule_set', 'text'],
  ['at_risk_days', 'smallint'],
  ['academy_id', 'uuid'],
  ['year_group', 'smallint'],
  ['registration_group_id', 'uuid'],
  ['pupil_premium', 'boolean'],
  ['sen_status', 'text'],
  ['eal', 'boolean'],
  ['looked_after', 'boolean'],
  ['admission_date', 'date'],
  ['leaving_date', 'date'],
  ['counts_at', 'datemultirange'],
];

/** The spans as a multirange literal: `{[2025-09-01,2026-01-05)}`, upper bounds made exclusive. */
function multirange(spans: readonly DateSpan[]): string {
  return `{${spans.map((span) => `${span.from ? `[${span.from}` : '('},${span.until ? addDays(span.until, 1) : ''})`).join(',')}}`;
}

const PROGRESS_COLUMNS = RULE_IDS.flatMap((rule) => [`${rule.toLowerCase()}_window_end`, `${rule.toLowerCase()}_met_on`]);

/**
 * Keeps `learner_progress` in step with the records that evidence it. Every write that changes a learner's
 * enrolments, attendance or guidance meetings calls `learnersChanged` inside its own transaction, so the
 * coverage figures are right the moment the write has answered.
 */
@Injectable()
export class LearnerProgressService {
  /** Recomputes every year of these learners that has an enrolment, and drops rows of years that lost theirs. */
  async learnersChanged(manager: EntityManager, learnerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(learnerIds)];
    for (let start = 0; start < ids.length; start += BATCH) {
      await this.recompute(manager, ids.slice(start, start + BATCH));
    }
  }

  /** Recomputes every learner enrolled in `academicYear` or later (a policy change). */
  async recomputeFrom(manager: EntityManager, academicYear: number): Promise<void> {
    const rows: { learner_id: string }[] = await manager.query(
      'SELECT DISTINCT learner_id FROM enrolment WHERE academic_year >= $1',
      [academicYear],
    );
    await this.learnersChanged(
      manager,
      rows.map((row) => row.learner_id),
    );
  }

  private async recompute(manager: EntityManager, learnerIds: string[]): Promise<void> {
    // Two writes about the same learner recompute one after the other, the second reading what the first
    // committed; in id order, so that two batches can never wait on each other.
    await manager.query('SELECT id FROM learner WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [learnerIds]);
    const records = await loadLearnerRecords(manager, learnerIds);
    const policyFor = await loadPolicyLookup(manager);
    // One row per enrolment: a learner who moved academy during a year has two, each counting on its own dates.
    const progress = records.flatMap((record) => {
      const years = [...new Set(record.enrolments.map((enrolment) => enrolment.academicYear))];
      return years.flatMap((academicYear) => {
        const row = learnerProgress(record, academicYear, policyFor);
        const spans = coverageSpans(record.enrolments, academicYear);
        return record.enrolments.flatMap((enrolment, index) =>
          enrolment.academicYear === academicYear ? [{ enrolment, row, countsAt: multirange(spans[index]) }] : [],
        );
      });
    });
    await manager.query('DELETE FROM learner_progress WHERE learner_id = ANY($1::uuid[])', [learnerIds]);
    if (!progress.length) return;
    // Sent as parallel arrays: a single statement whatever the batch size. The
    // enrolment's facts go with it, so that coverage reads this one table.
    const columns: { name: string; type: string; values: unknown[] }[] = [
      ...ENROLMENT_COLUMNS.map(([name, type]) => ({ name, type, values: [] as unknown[] })),
      ...PROGRESS_COLUMNS.map((name) => ({ name, type: 'date', values: [] as unknown[] })),
    ];
    for (const { enrolment, row, countsAt } of progress) {
      const values = [
        row.learnerId,
        row.academicYear,
        row.ruleSet,
        row.atRiskDays,
        enrolment.academyId,
        enrolment.yearGroup,
        enrolment.groupId ?? null,
        enrolment.pupilPremium,
        enrolment.senStatus,
        enrolment.eal,
        enrolment.lookedAfter,
        enrolment.admissionDate ?? null,
        enrolment.leavingDate ?? null,
        countsAt,
        ...RULE_IDS.flatMap((rule) => [row.rules[rule].windowEnd, row.rules[rule].metOn]),
      ];
      values.forEach((value, index) => columns[index].values.push(value));
    }
    await manager.query(
      `INSERT INTO learner_progress (${columns.map((column) => column.name).join(', ')})
       SELECT * FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})`,
      columns.map((column) => column.values),
    );
  }
}

