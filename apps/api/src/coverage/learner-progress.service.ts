import {
  addDays,
  coverageSpans,
  type DateSpan,
  type IsoDate,
  type HoursStep,
  learnerProgress,
  type LearnerYearProgress,
  type LearnerRecord,
  RULE_IDS,
  type RuleId,
  shareEvaluation,
  WEX_RULE_IDS,
} from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { cpuTurns } from '../common/cpu-turns';
import { SqlParams } from '../common/sql-params';
import { loadLearnerRecordsWith } from './learner-records';
import { loadPolicyLookup, POLICY_VERSION_SQL } from './policy-lookup';

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

const progressColumns = (rules: readonly RuleId[]) =>
  rules.flatMap((rule) => [`${rule.toLowerCase()}_window_end`, `${rule.toLowerCase()}_met_on`]);

/** R-DEST-2: the rules whose columns the destinations migration (1764996000000) adds. */
const DESTINATION_RULE_IDS: readonly RuleId[] = ['DEST_16', 'DEST_18'];

/**
 * R-WEX-6: each work-experience rule's target and counted hours as steps. Arrays travel as their text
 * literals (a parameter of arrays of arrays would be flattened by `unnest`) and are cast when written.
 */
const HOURS_COLUMNS: [string, string][] = WEX_RULE_IDS.flatMap((rule): [string, string][] => [
  [`${rule.toLowerCase()}_target`, 'numeric'],
  [`${rule.toLowerCase()}_hours_on`, 'date[]'],
  [`${rule.toLowerCase()}_hours`, 'numeric[]'],
]);

/** An array literal of the steps' dates or hours: `{2025-10-01,2026-03-02}`. */
const arrayLiteral = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/** Every column written with a schema, in order; the key first. Built once per kind of schema. */
const writtenColumns = new Map<string, [string, string][]>();
function writtenColumnsOf(schema: ProgressSchema): [string, string][] {
  const kind = `${schema.hours} ${schema.destinations}`;
  let found = writtenColumns.get(kind);
  if (!found) {
    found = [
      ...ENROLMENT_COLUMNS,
      ...progressColumns(rulesIn(schema)).map((name): [string, string] => [name, 'date']),
      ...(schema.hours ? HOURS_COLUMNS : []),
    ];
    writtenColumns.set(kind, found);
  }
  return found;
}
const KEY = ['academic_year', 'learner_id', 'academy_id'];

/** What a migration older than the one adding some columns finds: the columns it may write. */
interface ProgressSchema {
  /** R-WEX-6: the hours columns (1764991000000). */
  hours: boolean;
  /** R-DEST-2: the `DEST_16`/`DEST_18` columns and the destination tables (1764996000000). */
  destinations: boolean;
}

/**
 * Which of the later columns `learner_progress` has yet: a migration older than the one that adds them
 * (each such migration recomputes everyone) runs this code. Known per data source once complete; asked
 * until then.
 */
const completeSchema = new WeakSet<object>();
async function progressSchema(manager: EntityManager): Promise<ProgressSchema> {
  if (completeSchema.has(manager.connection)) return { hours: true, destinations: true };
  const [row]: ProgressSchema[] = await manager.query(
    `SELECT bool_or(column_name = $1) AS hours, bool_or(column_name = $2) AS destinations
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'learner_progress' AND column_name IN ($1, $2)`,
    [HOURS_COLUMNS[0][0], 'dest_16_window_end'],
  );
  const schema = { hours: row.hours === true, destinations: row.destinations === true };
  if (schema.hours && schema.destinations) completeSchema.add(manager.connection);
  return schema;
}

/** The rules whose columns a schema has. */
const rulesIn = (schema: ProgressSchema): readonly RuleId[] =>
  schema.destinations ? RULE_IDS : RULE_IDS.filter((rule) => !DESTINATION_RULE_IDS.includes(rule));

/** The last day of any rule's window in a stored row: evidence dated after it changes nothing in that row. */
const lastWindowEndSql = (rules: readonly RuleId[]) =>
  `GREATEST(${rules.map((rule) => `${rule.toLowerCase()}_window_end`).join(', ')})`;

export interface LearnersChangedOptions {
  /**
   * The earliest date of any evidence the write added, removed or changed (an attendance write: the
   * encounter's date). Years whose stored rows have every window closed before it are left as they are;
   * leave it out when enrolments, policies or several dates changed.
   */
  evidenceFrom?: IsoDate;
}

/**
 * Keeps `learner_progress` in step with the records that evidence it. Every write that changes a learner's
 * enrolments, attendance or guidance meetings calls `learnersChanged` inside its own transaction, so the
 * coverage figures are right the moment the write has answered.
 */
@Injectable()
export class LearnerProgressService {
  /** Recomputes every year of these learners that has an enrolment, and drops rows of years that lost theirs. */
  async learnersChanged(
    manager: EntityManager,
    learnerIds: readonly string[],
    options: LearnersChangedOptions = {},
  ): Promise<void> {
    const ids = [...new Set(learnerIds)];
    for (let start = 0; start < ids.length; start += BATCH) {
      await this.recompute(manager, ids.slice(start, start + BATCH), options.evidenceFrom ?? null);
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

  private async recompute(
    manager: EntityManager,
    learnerIds: string[],
    evidenceFrom: IsoDate | null,
  ): Promise<void> {
    // Two writes about the same learner recompute one after the other, the second reading what the first
    // committed; in id order, so that two batches can never wait on each other. The policies' version comes
    // with it, so that the policies themselves are read only when they changed.
    const locked: { id: string; policy_version: string }[] = await manager.query(
      `SELECT id, ${POLICY_VERSION_SQL} AS policy_version FROM learner WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [learnerIds],
    );
    // The records, read after the lock, and in the same statement the years whose every window closed before
    // the changed evidence: nothing in them can change.
    const schema = await progressSchema(manager);
    const rules = rulesIn(schema);
    const { records, extras } = await loadLearnerRecordsWith(manager, learnerIds, {
      withoutDestinations: !schema.destinations,
      columns: `(SELECT coalesce(json_agg(json_build_array(learner_id, academic_year)), '[]') FROM (
                   SELECT learner_id, academic_year FROM learner_progress
                    WHERE $2::date IS NOT NULL AND learner_id = ANY($1::uuid[])
                    GROUP BY learner_id, academic_year
                   HAVING coalesce(max(${lastWindowEndSql(rules)}), '-infinity') < $2::date) c) AS closed`,
      parameters: [evidenceFrom],
    });
    const closedKeys = extras['closed'] as [string, number][];
    const closed = new Set(closedKeys.map(([learnerId, year]) => `${learnerId}/${year}`));
    const policyFor = await loadPolicyLookup(manager, locked[0]?.policy_version);
    // One row per enrolment: a learner who moved academy during a year has two, each counting on its own dates.
    const progress: {
      enrolment: LearnerRecord['enrolments'][number];
      row: LearnerYearProgress;
      countsAt: string;
    }[] = [];
    // The rules engine is pure CPU (a few tenths of a millisecond per learner and year): a class register's
    // thirty learners in one go held every other request (a teacher's class view) for several milliseconds, so
    // the work gives way to them a slice at a time, in turn with the other writers' (issue 20).
    const slice = cpuTurns.slice();
    for (const record of records) {
      if (slice.due()) await slice.giveWay();
      // The learner's years share what does not depend on the year (windows, which attendances count).
      const shared = shareEvaluation(record, policyFor);
      const years = [...new Set(record.enrolments.map((enrolment) => enrolment.academicYear))].filter(
        (academicYear) => !closed.has(`${record.learnerId}/${academicYear}`),
      );
      for (const academicYear of years) {
        const spans = coverageSpans(record.enrolments, academicYear);
        // Each enrolment's row as the learner counts through it: a move between a school and a post-16
        // academy (R-V-1) changes which rules apply, not only the figures' academy.
        record.enrolments.forEach((enrolment, at) => {
          if (enrolment.academicYear !== academicYear) return;
          progress.push({
            enrolment,
            row: learnerProgress(record, academicYear, policyFor, enrolment, shared),
            countsAt: multirange(spans[at]),
          });
        });
      }
    }
    // Sent as parallel arrays: a single statement whatever the batch size. The
    // enrolment's facts go with it, so that coverage reads this one table.
    const withHours = schema.hours;
    const written = writtenColumnsOf(schema);
    const columns = written.map(([name, type]) => ({ name, type, values: [] as unknown[] }));
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
        ...rules.flatMap((rule) => [row.rules[rule].windowEnd, row.rules[rule].metOn]),
        ...(withHours
          ? WEX_RULE_IDS.flatMap((rule) => {
              const { targetHours, steps } = row.hours[rule];
              const applies = row.rules[rule].windowEnd !== null;
              return [
                applies ? targetHours : null,
                applies ? arrayLiteral(steps.map((step: HoursStep) => step.on)) : null,
                applies ? arrayLiteral(steps.map((step: HoursStep) => step.counted)) : null,
              ];
            })
          : []),
      ];
      values.forEach((value, index) => columns[index].values.push(value));
    }
    // Parameters in the order `upsertSql` numbers them: one array per column, then the learners and the
    // closed years.
    await manager.query(upsertSql(written), [
      ...columns.map((column) => column.values),
      learnerIds,
      closedKeys.map(([learnerId]) => learnerId),
      closedKeys.map(([, year]) => year),
    ]);
  }
}

/** The statement of each set of written columns, built once. */
const upsertStatements = new Map<readonly [string, string][], string>();

/**
 * One statement: rows of years the learners no longer have an enrolment in go (closed years are kept as
 * they are), and the others are upserted, a row written only when something in it changed, so that a write
 * leaves no dead tuples behind for rows it did not change. The key columns' arrays say what is kept.
 */
function upsertSql(written: readonly [string, string][]): string {
  const known = upsertStatements.get(written);
  if (known) return known;
  const p = new SqlParams();
  const arrays = written.map(() => p.add(null));
  const at = (name: string) => arrays[written.findIndex(([column]) => column === name)];
  const updated = written.map(([name]) => name).filter((name) => !KEY.includes(name));
  // Array columns travel as text, one literal per row, and are cast as they are written.
  const unnested = written.map(([, type], index) =>
    type.endsWith('[]') ? `${arrays[index]}::text[]` : `${arrays[index]}::${type}[]`,
  );
  const selected = written.map(([, type], index) =>
    type.endsWith('[]') ? `c${index}::${type}` : `c${index}`,
  );
  const ids = p.add(null);
  const closedLearners = p.add(null);
  const closedYears = p.add(null);
  const remove = `DELETE FROM learner_progress gone
        WHERE gone.learner_id = ANY(${ids}::uuid[])
          AND (gone.learner_id, gone.academic_year) NOT IN (SELECT * FROM unnest(${closedLearners}::uuid[], ${closedYears}::smallint[]))
          AND (gone.learner_id, gone.academic_year, gone.academy_id) NOT IN
              (SELECT * FROM unnest(${at('learner_id')}::uuid[], ${at('academic_year')}::smallint[], ${at('academy_id')}::uuid[]))`;
  const sql = `WITH removed AS (${remove})
       INSERT INTO learner_progress AS p (${written.map(([name]) => name).join(', ')})
       SELECT ${selected.join(', ')}
         FROM unnest(${unnested.join(', ')}) AS u(${written.map((_, index) => `c${index}`).join(', ')})
       ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${updated.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
        WHERE (${updated.map((name) => `p.${name}`).join(', ')}) IS DISTINCT FROM (${updated.map((name) => `EXCLUDED.${name}`).join(', ')})`;
  upsertStatements.set(written, sql);
  return sql;
}
