import {
  academicYearOf,
  type CoverageBreakdownRow,
  type CoverageCharacteristics,
  coverageGap,
  type CoverageLearnerRow,
  type CoverageLearnersResponse,
  type CoverageResponse,
  type CoverageRow,
  coverageSubgroups,
  type PolicyLookup,
  RULE_IDS,
  type RuleId,
  type RuleStatuses,
  tallyFromCounts,
  todayIsoDate,
  coverageKey,
  parseCoverageKey,
  PLANNED_EVIDENCE_RULES,
  academicYearStart,
  coverageHoursGaps,
  type HoursFigures,
  hoursHistogram,
  histogramMedian,
  type HoursHistogram,
  lastDayOfFebruary,
  type MeaningfulChecklist,
  type OfferRuleId,
  palThreeOffer,
  type RuleStatus,
  trustOfferStatus,
  WEX_RULE_IDS,
  type WexRuleId,
  type EncounterCategory,
  type AcademyEvaluationType,
} from '@encounters/domain';
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { learnerInScopeSql } from '../common/access/learner-scope';
import { type AccessScope, seesWholeAcademy } from '../common/access/policy';
import { checklistJsonSql } from '../common/checklist-columns';
import { learnerNameSql } from '../common/learner-sql';
import { SqlParams } from '../common/sql-params';
import type { CoverageQueryDto } from './dto/coverage-query.dto';
import { keepAnswer } from '../common/kept-answer';
import { preparedRead } from '../common/prepared-read';
import { loadPolicyLookup, POLICY_VERSION_SQL } from './policy-lookup';

/** The access of a trust-wide role: no condition on academies or groups. */
const TRUST_WIDE: AccessScope = { trustWide: true, academyIds: [], groupIds: [], memberAcademyIds: [] };

interface ResolvedScope {
  academicYear: number;
  asAt: string;
  /** SQL conditions on `e` (enrolment) selecting the learners of the scope. */
  conditions: string[];
  parameters: unknown[];
  key: string;
  label: string;
  /** How the first row divides into the rows after it when no breakdown is asked for. */
  children: { column: string; label: string } | null;
  /** The policies' version, read with the scope's own lookup where it has one. */
  policyVersion?: string;
}

const col = (rule: RuleId) => rule.toLowerCase();

/** Each rule's tally columns by name, worked out once rather than for every row and group. */
const TALLY_COLUMN_NAMES = Object.fromEntries(
  RULE_IDS.map((rule) => [
    rule,
    {
      applicable: `${col(rule)}_applicable`,
      met: `${col(rule)}_met`,
      missed: `${col(rule)}_missed`,
      atRisk: `${col(rule)}_at_risk`,
    },
  ]),
) as Record<RuleId, { applicable: string; met: string; missed: string; atRisk: string }>;

/** Each work-experience rule's hours columns by name. */
const HOURS_COLUMN_NAMES = Object.fromEntries(
  WEX_RULE_IDS.map((rule) => [
    rule,
    {
      zero: `${col(rule)}_zero`,
      below: `${col(rule)}_below`,
      at: `${col(rule)}_at`,
      hours: `${col(rule)}_hours`,
    },
  ]),
) as Record<WexRuleId, { zero: string; below: string; at: string; hours: string }>;

/**
 * Child rows in label order, numbers in labels by value ("Year 7" before "Year 10"). One collator: `localeCompare`
 * with a locale and options builds one on every call, which took 4 ms of a 100-academy trust view.
 */
const LABEL_ORDER = new Intl.Collator('en-GB', { numeric: true });

/**
 * R-WEX-8: a work-experience rule whose done + planned hours reach the target (met by the end of its window:
 * a met-on date after the as-at date) stays on track inside the at-risk period.
 */
const atRiskAlso = (rule: RuleId) =>
  PLANNED_EVIDENCE_RULES.includes(rule) ? ` AND p.${col(rule)}_met_on IS NULL` : '';

/** `count(*) FILTER` for each status of each rule, at the as-at date in $2. */
const TALLY_COLUMNS = RULE_IDS.map((rule) => {
  const notMet = `(p.${col(rule)}_met_on IS NULL OR p.${col(rule)}_met_on > $2::date)`;
  return `count(*) FILTER (WHERE p.${col(rule)}_window_end IS NOT NULL)::int AS ${col(rule)}_applicable,
    count(*) FILTER (WHERE p.${col(rule)}_met_on <= $2::date)::int AS ${col(rule)}_met,
    count(*) FILTER (WHERE p.${col(rule)}_window_end < $2::date AND ${notMet})::int AS ${col(rule)}_missed,
    count(*) FILTER (WHERE p.${col(rule)}_window_end >= $2::date
      AND p.${col(rule)}_window_end - $2::date <= p.at_risk_days AND ${notMet}${atRiskAlso(rule)})::int AS ${col(rule)}_at_risk`;
}).join(',\n    ');

/**
 * R-WEX-4, R-WEX-6: each work-experience rule's counted hours at the as-at date ($2), from the steps kept with
 * the progress (those of the last step on or before it, 0 before the first); null where the rule does not apply.
 */
const HOURS_AT = `CROSS JOIN LATERAL (SELECT ${WEX_RULE_IDS.map((rule) => {
  const on = `p.${col(rule)}_hours_on`;
  const hours = `p.${col(rule)}_hours`;
  // The steps are in date order: no step, or every step on or before the as-at date (most learners, most
  // days), is answered without unnesting the steps.
  return `CASE WHEN p.${col(rule)}_window_end IS NULL THEN NULL
      WHEN coalesce(cardinality(${on}), 0) = 0 OR ${on}[1] > $2::date THEN 0
      WHEN ${on}[cardinality(${on})] <= $2::date THEN ${hours}[cardinality(${hours})]
      ELSE (SELECT s.h FROM unnest(${on}, ${hours}) AS s(d, h)
        WHERE s.d <= $2::date ORDER BY s.d DESC LIMIT 1) END AS ${col(rule)}`;
}).join(', ')}) h`;

/**
 * R-WEX-6, R-WEX-9: the learners to whom each work-experience rule applies at 0 counted hours, below their
 * year's target and at or above it, and their counted hours (the median is taken over the groups added up,
 * which a median cannot be from medians). Unordered: {@link withHistograms} turns them into a histogram.
 */
const HOURS_COLUMNS = WEX_RULE_IDS.map(
  (rule) => `count(*) FILTER (WHERE h.${col(rule)} <= 0)::int AS ${col(rule)}_zero,
    count(*) FILTER (WHERE h.${col(rule)} > 0 AND h.${col(rule)} < p.${col(rule)}_target)::int AS ${col(rule)}_below,
    count(*) FILTER (WHERE h.${col(rule)} > 0 AND h.${col(rule)} >= p.${col(rule)}_target)::int AS ${col(rule)}_at,
    coalesce(array_agg(h.${col(rule)}::float8) FILTER (WHERE h.${col(rule)} IS NOT NULL), '{}') AS ${col(rule)}_hours`,
).join(',\n    ');

/**
 * R-S-1, R-S-2, R-WEX-8 in SQL: the same decision as `statusFromProgress` in the rules library, for the
 * progress row `p` at the as-at date in the parameter `asAt` (`$2`, or one a `SqlParams` numbered).
 */
export function ruleStatusSql(rule: RuleId, asAt: string): string {
  return `CASE WHEN p.${col(rule)}_window_end IS NULL THEN 'not_applicable'
      WHEN p.${col(rule)}_met_on <= ${asAt}::date THEN 'met'
      WHEN p.${col(rule)}_window_end < ${asAt}::date THEN 'missed'
      WHEN p.${col(rule)}_window_end - ${asAt}::date <= p.at_risk_days${atRiskAlso(rule)} THEN 'at_risk'
      ELSE 'on_track' END`;
}

/** Each rule with the column of its status in STATUS_COLUMNS, worked out once rather than per row (issue 20). */
const STATUS_COLUMN_NAMES = RULE_IDS.map((rule) => [rule, `${col(rule)}_status`] as const);

/** A row's statuses, rule by rule in RULE_IDS order (the order of the JSON answer). */
function statusesOf(row: Record<string, unknown>): RuleStatuses {
  const statuses: Record<string, unknown> = {};
  for (const [rule, column] of STATUS_COLUMN_NAMES) statuses[rule] = row[column];
  return statuses as RuleStatuses;
}

export const STATUS_COLUMNS = RULE_IDS.map(
  (rule) => `${ruleStatusSql(rule, '$2')} AS ${col(rule)}_status`,
).join(',\n    ');

/**
 * R-G-2, R-G-4: the learner counts through this progress row's enrolment at the as-at date ($2): on roll,
 * and, for a learner who moved academy during the year, the enrolment of that date. The spans come from
 * `coverageSpans` in the rules library, kept with the row.
 */
export const COUNTS_AT = `p.counts_at @> $2::date`;

/**
 * The progress rows with the enrolment facts they carry, under the two names the conditions use: `p` for
 * the progress, `e` for the enrolment. The lateral projection costs nothing; PostgreSQL flattens it.
 */
const PROGRESS_WITH_ENROLMENT = `learner_progress p
  CROSS JOIN LATERAL (SELECT p.learner_id, p.academic_year, p.academy_id, p.year_group, p.registration_group_id,
    p.pupil_premium, p.sen_status, p.eal, p.looked_after, p.admission_date, p.leaving_date) e`;

/** What R-PAL-4 reads about an academy: read with the academy's coverage version, or on its own. */
interface OfferInputRow {
  id: string;
  evaluation_type: AcademyEvaluationType;
  sixth_form: boolean;
  encounters: {
    id: string;
    date: string;
    categories: EncounterCategory[];
    offeredTo: number[];
    meaningful: MeaningfulChecklist;
  }[];
}

/**
 * R-PAL-4's inputs for the academy `a`: its evaluation type, whether it has learners in Years 12 and 13 in
 * the year (parameter `year`), and the PAL provider encounters it held in window 3 (`from` to `to`) offered
 * to both. Always read afresh: an encounter's offer can change without any learner's progress changing.
 */
const OFFER_INPUT_COLUMNS = (year: string, from: string, to: string) => `a.evaluation_type,
      EXISTS (SELECT 1 FROM enrolment e
               WHERE e.academy_id = a.id AND e.academic_year = ${year} AND e.year_group IN (12, 13)) AS sixth_form,
      coalesce((SELECT json_agg(json_build_object('id', x.id, 'date', x.date::text,
                 'categories', x.categories, 'offeredTo', x.offered_to,
                 'meaningful', ${checklistJsonSql('x')}) ORDER BY x.id)
          FROM encounter x
         WHERE x.academy_id = a.id AND x.deleted_at IS NULL AND x.date BETWEEN ${from}::date AND ${to}::date
           AND 'pal_provider_encounter' = ANY(x.categories) AND x.offered_to @> '{12,13}'), '[]') AS encounters`;

/**
 * Every academy asked for (all of them, or the academy `$2`) with its progress version for the year `$1`, its
 * name, the policies' version and what its window 3 offer reads (`$3` to `$4`). Prepared: with an academy's
 * subqueries, planning it took as long as running it.
 */
const ACADEMY_VERSIONS_SQL = `SELECT a.id, a.name, coalesce(v.version, 0)::text AS version, ${POLICY_VERSION_SQL} AS policy_version,
         ${OFFER_INPUT_COLUMNS('$1', '$3', '$4')}
    FROM academy a LEFT JOIN coverage_version v ON v.academy_id = a.id AND v.academic_year = $1
   WHERE $2::uuid IS NULL OR a.id = $2::uuid`;

/** A digest of all of {@link ACADEMY_VERSIONS_SQL}'s rows (named `v` in a `WITH`), in a fixed order. */
const VERSIONS_FINGERPRINT_SQL = `(SELECT md5(count(*)::text || ':' || coalesce(string_agg(f::text, ',' ORDER BY f.id), '')) FROM v f)`;

const academyVersionParameters = (scope: ResolvedScope): unknown[] => [
  scope.academicYear,
  scope.key === 'trust' ? null : scope.parameters[0],
  academicYearStart(scope.academicYear),
  lastDayOfFebruary(scope.academicYear + 1),
];

/** A trust answer's key: what was asked, and the digest of everything it is made of. */
const answerFingerprint = (asked: string, digest: string) => `${asked}#${digest}`;

/** R-PAL-4: each academy's window 3 offer from its inputs. */
function offersFrom(
  rows: readonly OfferInputRow[],
  scope: ResolvedScope,
  policyFor: PolicyLookup,
): Map<string, Record<OfferRuleId, RuleStatus>> {
  const { academicYear, asAt } = scope;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        PAL3_OFFER: palThreeOffer({
          academicYear,
          asAt,
          hasSixthFormLearners: row.sixth_form,
          evaluationType: row.evaluation_type,
          encounters: row.encounters,
          policyFor,
        }).status,
      },
    ]),
  );
}

/**
 * Each group's counted hours as a histogram ({@link HOURS_COLUMNS}): made once when the tallies are read, so
 * that cached groups add up without sorting every learner's hours again on each request.
 */
function withHistograms(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows) {
    for (const rule of WEX_RULE_IDS) {
      const column = `${col(rule)}_hours`;
      row[column] = hoursHistogram(row[column] as number[]);
    }
  }
  return rows;
}

/** The group of the class view, and the policies' version for the cached lookup. */
const GROUP_SQL = `SELECT name, academy_id, academic_year, ${POLICY_VERSION_SQL} AS policy_version FROM learning_group WHERE id = $1`;

const YEAR_GROUP_LABEL = (yearGroup: number) => `Year ${yearGroup}`;

/** Grouped tallies of one academy kept in this process, with the `coverage_version` they were counted at. */
interface CachedTallies {
  version: string;
  rows: Record<string, unknown>[];
}

/** Academies' tallies kept at most; each is a few hundred bytes to a few kilobytes. */
const CACHED_TALLIES = 20_000;
/** Trust answers kept at most (a few as-at dates and breakdowns); each is tens to hundreds of kilobytes. */
const CACHED_ANSWERS = 16;

@Injectable()
export class CoverageService {
  /** Keyed by year, as-at date, scope, breakdown and academy; oldest use first. */
  private readonly tallies = new Map<string, CachedTallies>();
  /** Trust-scope answers by their inputs' fingerprint ({@link cachedByAcademy}); oldest first. */
  private readonly answers = new Map<string, CoverageResponse>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async coverage(query: CoverageQueryDto, access: AccessScope): Promise<CoverageResponse> {
    const found: { answerKey?: string } = {};
    const answer = await this.counted(query, access, found);
    if (found.answerKey) {
      this.answers.set(found.answerKey, keepAnswer(answer));
      while (this.answers.size > CACHED_ANSWERS)
        this.answers.delete(this.answers.keys().next().value as string);
    }
    return answer;
  }

  /**
   * The answer; for the trust scope, the one made before when nothing it is made of has changed since (sets
   * `found.answerKey` when a new one is worth keeping).
   */
  private async counted(
    query: CoverageQueryDto,
    access: AccessScope,
    found: { answerKey?: string },
  ): Promise<CoverageResponse> {
    const scope = await this.resolve(query, access);
    const breakdown = query.breakdown;
    const dimensions = breakdown
      ? [
          'e.pupil_premium',
          'e.sen_status',
          'e.eal',
          `coalesce(l.gender, '')`,
          'e.looked_after',
          'f.free_school_meals',
        ]
      : scope.children
        ? [scope.children.column]
        : [];
    const tallies = (
      where: string,
      parameters: unknown[],
      byAcademy: boolean,
    ): Promise<Record<string, unknown>[]> => {
      const groups = [...(byAcademy ? ['e.academy_id'] : []), ...dimensions.map((_, index) => `d${index}`)];
      return this.dataSource
        .query(
          `SELECT ${byAcademy ? 'e.academy_id AS academy, ' : ''}${dimensions.map((dimension, index) => `${dimension} AS d${index}, `).join('')}
          count(*)::int AS learners,
          ${TALLY_COLUMNS},
          ${HOURS_COLUMNS}
         FROM ${PROGRESS_WITH_ENROLMENT}
         ${HOURS_AT}
         ${breakdown === 'gender' ? 'JOIN learner l ON l.id = e.learner_id' : 'LEFT JOIN LATERAL (SELECT NULL::text AS gender) l ON true'}
         ${
           // Free school meals is read from the enrolment itself: the progress rows do not copy it (issue 14).
           breakdown === 'freeSchoolMeals'
             ? 'JOIN enrolment f ON f.learner_id = p.learner_id AND f.academic_year = p.academic_year AND f.academy_id = p.academy_id'
             : 'LEFT JOIN LATERAL (SELECT false AS free_school_meals) f ON true'
         }
         WHERE ${where}
         ${groups.length ? `GROUP BY ${groups.join(', ')}` : ''}`,
          parameters,
        )
        .then(withHistograms);
    };
    let grouped: Record<string, unknown>[];
    let policyFor: PolicyLookup;
    /** Read with the academies' versions on the cached path: their names and what their offers read. */
    let academies: { names: Map<string, string>; offerInputs: OfferInputRow[] } | null = null;
    // The gender and free-school-meals breakdowns read the learner's and the enrolment's own rows, which the
    // progress version does not follow.
    const wholeAcademies =
      query.scope === 'trust' || query.scope === 'academy' || query.scope === 'yearGroup';
    if (wholeAcademies && breakdown !== 'gender' && breakdown !== 'freeSchoolMeals') {
      // Whole academies: the same figures for everyone allowed to ask, so counted once per academy and
      // version, and only the academies whose progress changed since are counted again.
      const variant = breakdown ?? 'children';
      if (query.scope === 'trust') {
        // Its rows are the academies' cached tallies, their names, the policies and the offers' inputs, all
        // in the fingerprint: the same fingerprint makes the same answer, so it is not made again (a trust
        // of a hundred academies spent 1.3 ms of its 6 ms on it). The fingerprint alone comes first, one
        // short row whatever the number of academies: the answer kept for it is sent as it is.
        const [{ fingerprint }] = await preparedRead<{ fingerprint: string }>(
          this.dataSource,
          `WITH v AS (${ACADEMY_VERSIONS_SQL}) SELECT ${VERSIONS_FINGERPRINT_SQL} AS fingerprint`,
          academyVersionParameters(scope),
        );
        const made = this.answers.get(answerFingerprint(this.answerKeyOf(scope, variant), fingerprint));
        if (made) return made;
      }
      const cached = await this.cachedByAcademy(scope, variant, tallies);
      // Kept under the fingerprint read with the figures it is made of.
      if (query.scope === 'trust') found.answerKey = cached.fingerprint;
      grouped = cached.rows;
      academies = cached;
      policyFor = await loadPolicyLookup(this.dataSource.manager, cached.policyVersion);
    } else {
      const { where, parameters } = this.filter(scope, access);
      grouped = await tallies(where, parameters, false);
      policyFor = await loadPolicyLookup(this.dataSource.manager, scope.policyVersion);
    }
    const context = this.context(query, scope, policyFor);
    const total = this.row(scope.key, scope.label, grouped);
    if (breakdown) {
      const combinations = grouped.map((group) => ({
        characteristics: {
          pupilPremium: group['d0'] as boolean,
          senStatus: group['d1'] as 'N' | 'K' | 'E',
          eal: group['d2'] as boolean,
          gender: group['d3'] as string,
          lookedAfter: group['d4'] as boolean,
          freeSchoolMeals: group['d5'] as boolean,
        } satisfies CoverageCharacteristics,
        group,
      }));
      const rows: CoverageBreakdownRow[] = coverageSubgroups(
        breakdown,
        combinations.map((combination) => combination.characteristics),
      ).map(({ key, label, includes }) => {
        const inside = combinations.filter((c) => includes(c.characteristics)).map((c) => c.group);
        const rest = combinations.filter((c) => !includes(c.characteristics)).map((c) => c.group);
        const row = this.row(key, label, inside);
        const restRow = this.row(coverageKey(key, 'rest'), '', rest);
        const gaps = Object.fromEntries(
          RULE_IDS.map((rule) => [rule, coverageGap(row.rules[rule], restRow.rules[rule])]),
        ) as Record<RuleId, number | null>;
        return { ...row, gaps, hoursGaps: coverageHoursGaps(row, restRow) };
      });
      return {
        ...context,
        rows: [await this.withOffers(total, scope, policyFor, academies?.offerInputs), ...rows],
      };
    }
    if (!scope.children)
      return { ...context, rows: [await this.withOffers(total, scope, policyFor, academies?.offerInputs)] };
    const labels =
      scope.children.label === 'academy' && academies
        ? academies.names
        : await this.childLabels(
            scope,
            grouped.map((group) => group['d0']),
          );
    const children = grouped
      .map((group) => {
        const value = group['d0'];
        return this.row(
          coverageKey(scope.children!.label, value as string | number | null),
          labels.get(String(value)) ?? 'No group',
          [group],
        );
      })
      .sort((a, b) => LABEL_ORDER.compare(a.label, b.label));
    if (scope.key !== 'trust')
      return {
        ...context,
        rows: [await this.withOffers(total, scope, policyFor, academies?.offerInputs), ...children],
      };
    // R-PAL-4: each academy's offer on its row, and the trust's from all of theirs.
    const offers = await this.offers(scope, null, policyFor, academies?.offerInputs);
    const withOffers = children.map((child) => ({
      ...child,
      offers: offers.get(parseCoverageKey(child.key).parts[0] as string),
    }));
    return {
      ...context,
      rows: [
        { ...total, offers: { PAL3_OFFER: trustOfferStatus([...offers.values()].map((o) => o.PAL3_OFFER)) } },
        ...withOffers,
      ],
    };
  }

  async learners(query: CoverageQueryDto, access: AccessScope): Promise<CoverageLearnersResponse> {
    const scope = await this.resolve(query, access);
    // The policies (one small statement, their version) and the rows, on two connections at once.
    const filter = this.filter(scope, access);
    const [policyFor, rows] = await Promise.all([
      loadPolicyLookup(this.dataSource.manager, scope.policyVersion),
      preparedRead<Record<string, unknown>>(
        this.dataSource,
        `SELECT e.learner_id, l.upn, ${learnerNameSql('l')} AS name,
              e.year_group, g.name AS group_name,
              ${STATUS_COLUMNS}
         FROM ${PROGRESS_WITH_ENROLMENT}
         JOIN learner l ON l.id = e.learner_id
         LEFT JOIN learning_group g ON g.id = e.registration_group_id
        WHERE ${filter.where}
        ORDER BY lower(coalesce(l.preferred_surname, l.legal_surname)), lower(coalesce(l.preferred_forename, l.legal_forename)), l.upn`,
        filter.parameters,
      ),
    ]);
    return {
      ...this.context(query, scope, policyFor),
      rows: rows.map((row): CoverageLearnerRow => ({
        learnerId: row['learner_id'] as string,
        upn: row['upn'] as string,
        name: row['name'] as string,
        yearGroup: row['year_group'] as number,
        group: (row['group_name'] as string | null) ?? null,
        statuses: statusesOf(row),
      })),
    };
  }

  /** What the cached tallies of an academy (or, without one, a trust answer) are kept under, besides versions. */
  private answerKeyOf(scope: ResolvedScope, variant: string, academyId = ''): string {
    const { kind } = parseCoverageKey(scope.key);
    const where = kind === 'yearGroup' ? coverageKey(kind, scope.parameters[1] as number) : kind;
    return `${scope.academicYear}|${scope.asAt}|${where}|${variant}|${academyId}`;
  }

  /**
   * The grouped tallies of a scope made of whole academies (the trust, an academy, a year group of one),
   * from the cache for each academy whose `coverage_version` for the year is the one they were counted at,
   * and counted in one statement for the others. The version is bumped in the same transaction as any change
   * to the academy's progress rows (a trigger), so a cached count is never older than what the reader sees.
   */
  private async cachedByAcademy(
    scope: ResolvedScope,
    variant: string,
    tallies: (where: string, parameters: unknown[], byAcademy: boolean) => Promise<Record<string, unknown>[]>,
  ): Promise<{
    rows: Record<string, unknown>[];
    fingerprint: string;
    policyVersion: string;
    names: Map<string, string>;
    offerInputs: OfferInputRow[];
  }> {
    // With the versions, in the same statement: the academies' names (the trust's rows), what their window 3
    // offer reads (R-PAL-4), and the fingerprint of all of it, read from one snapshot.
    const versions: (OfferInputRow & {
      version: string;
      policy_version: string;
      name: string;
      fingerprint: string;
    })[] = await preparedRead(
      this.dataSource,
      `WITH v AS (${ACADEMY_VERSIONS_SQL}) SELECT v.*, ${VERSIONS_FINGERPRINT_SQL} AS fingerprint FROM v`,
      academyVersionParameters(scope),
    );
    const keyOf = (academyId: string) => this.answerKeyOf(scope, variant, academyId);
    const rows: Record<string, unknown>[] = [];
    const stale: { id: string; version: string }[] = [];
    for (const academy of versions) {
      const key = keyOf(academy.id);
      const hit = this.tallies.get(key);
      if (hit && hit.version === academy.version) {
        // Most recently used last, so that the oldest go first when the cache is full.
        this.tallies.delete(key);
        this.tallies.set(key, hit);
        rows.push(...hit.rows);
      } else {
        stale.push(academy);
      }
    }
    if (stale.length) {
      // Counted with the trust-wide conditions: whoever may ask for these scopes sees every learner in them.
      const trustWide = this.filter(scope, TRUST_WIDE);
      const p = new SqlParams(trustWide.parameters);
      const counted = await tallies(
        `${trustWide.where} AND e.academy_id = ANY(${p.add(stale.map((academy) => academy.id))}::uuid[])`,
        p.values,
        true,
      );
      for (const academy of stale) {
        const own = counted.filter((row) => row['academy'] === academy.id);
        this.tallies.set(keyOf(academy.id), { version: academy.version, rows: own });
        rows.push(...own);
      }
      while (this.tallies.size > CACHED_TALLIES)
        this.tallies.delete(this.tallies.keys().next().value as string);
    }
    return {
      rows,
      // Everything the answer is made of besides the tallies, and the versions the tallies were counted at.
      fingerprint: answerFingerprint(keyOf(''), versions[0]?.fingerprint ?? ''),
      policyVersion: versions[0]?.policy_version ?? '',
      names: new Map(versions.map((academy) => [academy.id, academy.name])),
      offerInputs: versions,
    };
  }

  private context(query: CoverageQueryDto, scope: ResolvedScope, policyFor: PolicyLookup) {
    return {
      scope: query.scope,
      academicYear: scope.academicYear,
      asAt: scope.asAt,
      ruleSet: policyFor(scope.academicYear).ruleSet,
    };
  }

  /**
   * Sums grouped counts into one row. A trust view makes one per academy (a hundred at the `hub` preset), so
   * the column names are worked out once ({@link TALLY_COLUMN_NAMES}) and no closure is made per rule.
   */
  private row(key: string, label: string, groups: Record<string, unknown>[]): CoverageRow {
    const sum = (column: string) => {
      let total = 0;
      for (const group of groups) total += Number(group[column]);
      return total;
    };
    const rules = {} as Record<RuleId, unknown>;
    for (const rule of RULE_IDS) {
      const names = TALLY_COLUMN_NAMES[rule];
      const applicable = sum(names.applicable);
      const met = sum(names.met);
      const missed = sum(names.missed);
      const atRisk = sum(names.atRisk);
      rules[rule] = tallyFromCounts({
        met,
        onTrack: applicable - met - missed - atRisk,
        atRisk,
        missed,
        applicable,
      });
    }
    const hours = {} as Record<WexRuleId, HoursFigures>;
    for (const rule of WEX_RULE_IDS) {
      const names = HOURS_COLUMN_NAMES[rule];
      hours[rule] = {
        zero: sum(names.zero),
        belowTarget: sum(names.below),
        atTarget: sum(names.at),
        median: histogramMedian(groups.map((group) => group[names.hours] as HoursHistogram)),
      };
    }
    return {
      key,
      label,
      learners: sum('learners'),
      rules: rules as CoverageRow['rules'],
      hours,
    };
  }

  /** R-PAL-4 on the row of an academy's scope; other scopes' rows carry no offers. */
  private async withOffers(
    row: CoverageRow,
    scope: ResolvedScope,
    policyFor: PolicyLookup,
    inputs?: readonly OfferInputRow[],
  ): Promise<CoverageRow> {
    const { kind, parts } = parseCoverageKey(scope.key);
    const id = parts[0];
    if (kind === 'trust') {
      const offers = await this.offers(scope, null, policyFor, inputs);
      return {
        ...row,
        offers: { PAL3_OFFER: trustOfferStatus([...offers.values()].map((o) => o.PAL3_OFFER)) },
      };
    }
    if (kind !== 'academy') return row;
    const offers = await this.offers(scope, [id as string], policyFor, inputs);
    return { ...row, offers: offers.get(id as string) };
  }

  /**
   * R-PAL-4: the academies' window 3 offer (all the trust's academies for null), from the PAL provider
   * encounters each held in the window offered to Years 12 and 13: from `inputs` when the caller read them
   * with the academies' versions (they hold every academy asked for), else in one statement. Computed on
   * every request: an encounter's offer can change without changing any learner's progress.
   */
  private async offers(
    scope: ResolvedScope,
    academyIds: string[] | null,
    policyFor: PolicyLookup,
    inputs?: readonly OfferInputRow[],
  ): Promise<Map<string, Record<OfferRuleId, RuleStatus>>> {
    if (inputs) {
      return offersFrom(
        academyIds ? inputs.filter((row) => academyIds.includes(row.id)) : inputs,
        scope,
        policyFor,
      );
    }
    const { academicYear } = scope;
    const rows: OfferInputRow[] = await this.dataSource.query(
      `SELECT a.id, ${OFFER_INPUT_COLUMNS('$1', '$2', '$3')}
         FROM academy a
        WHERE $4::uuid[] IS NULL OR a.id = ANY($4::uuid[])`,
      [academicYear, academicYearStart(academicYear), lastDayOfFebruary(academicYear + 1), academyIds],
    );
    return offersFrom(rows, scope, policyFor);
  }

  /** The enrolments `e` of the scope that `access` may see: children's data is filtered in SQL. */
  private filter(scope: ResolvedScope, access: AccessScope): { where: string; parameters: unknown[] } {
    const p = new SqlParams([scope.academicYear, scope.asAt, ...scope.parameters]);
    const conditions = ['e.academic_year = $1', COUNTS_AT, ...scope.conditions];
    conditions.push(learnerInScopeSql(access, p, 'e.learner_id', 'e.academy_id'));
    return { where: conditions.join(' AND '), parameters: p.values };
  }

  private async childLabels(scope: ResolvedScope, values: unknown[]): Promise<Map<string, string>> {
    const ids = values.filter((value): value is string => typeof value === 'string');
    switch (scope.children?.label) {
      case 'academy': {
        const rows: { id: string; name: string }[] = await this.dataSource.query(
          'SELECT id, name FROM academy WHERE id = ANY($1::uuid[])',
          [ids],
        );
        return new Map(rows.map((row) => [row.id, row.name]));
      }
      case 'group': {
        const rows: { id: string; name: string }[] = await this.dataSource.query(
          'SELECT id, name FROM learning_group WHERE id = ANY($1::uuid[])',
          [ids],
        );
        return new Map(rows.map((row) => [row.id, row.name]));
      }
      case 'yearGroup':
        return new Map(values.map((value) => [String(value), YEAR_GROUP_LABEL(Number(value))]));
      default:
        return new Map();
    }
  }

  /** Turns the query into SQL conditions, refusing what the caller may not see with 404 (never revealing it exists). */
  private async resolve(query: CoverageQueryDto, access: AccessScope): Promise<ResolvedScope> {
    const asAt = query.asAt ?? todayIsoDate();
    let academicYear = query.academicYear ?? academicYearOf(asAt);
    const base = { academicYear, asAt };
    switch (query.scope) {
      case 'trust':
        if (!access.trustWide) throw new ForbiddenException('Only trust-wide roles see the whole trust.');
        return {
          ...base,
          conditions: [],
          parameters: [],
          key: 'trust',
          label: 'Trust',
          children: { column: 'e.academy_id', label: 'academy' },
        };
      case 'academy': {
        const academy = await this.one<{ name: string }>('SELECT name FROM academy WHERE id = $1', query.id!);
        if (!academy) return this.wrongKindOr404(query.id!, 'academy', access);
        if (!seesWholeAcademy(access, query.id!)) throw new NotFoundException('No such academy.');
        return {
          ...base,
          conditions: ['e.academy_id = $3'],
          parameters: [query.id],
          key: coverageKey('academy', query.id),
          label: academy.name,
          children: { column: 'e.year_group', label: 'yearGroup' },
        };
      }
      case 'yearGroup': {
        const academy = await this.one<{ name: string }>(
          'SELECT name FROM academy WHERE id = $1',
          query.academyId!,
        );
        if (!academy || !seesWholeAcademy(access, query.academyId!))
          throw new NotFoundException('No such academy.');
        return {
          ...base,
          conditions: ['e.academy_id = $3', 'e.year_group = $4'],
          parameters: [query.academyId, query.yearGroup],
          key: coverageKey('yearGroup', query.academyId, query.yearGroup),
          label: `${academy.name}, ${YEAR_GROUP_LABEL(query.yearGroup!)}`,
          children: { column: 'e.registration_group_id', label: 'group' },
        };
      }
      case 'group': {
        // The class view's first statement: prepared, as its rows' (issue 20).
        const [group] = await preparedRead<{
          name: string;
          academy_id: string;
          academic_year: number;
          policy_version: string;
        }>(this.dataSource, GROUP_SQL, [query.id]);
        if (!group) return this.wrongKindOr404(query.id!, 'group', access);
        if (!seesWholeAcademy(access, group.academy_id) && !access.groupIds.includes(query.id!)) {
          throw new NotFoundException('No such group.');
        }
        academicYear = query.academicYear ?? group.academic_year;
        return {
          ...base,
          academicYear,
          // Through the enrolment at the group's academy: a learner who moved away counts here until the move.
          conditions: [
            'e.learner_id IN (SELECT learner_id FROM group_membership WHERE group_id = $3)',
            'e.academy_id = $4',
          ],
          parameters: [query.id, group.academy_id],
          key: coverageKey('group', query.id),
          label: group.name,
          children: null,
          policyVersion: group.policy_version,
        };
      }
      case 'learner': {
        const visible = await this.learnerVisible(query.id!, access);
        if (visible === null) return this.wrongKindOr404(query.id!, 'learner', access);
        if (!visible) throw new NotFoundException('No such learner.');
        return {
          ...base,
          conditions: ['e.learner_id = $3'],
          parameters: [query.id],
          key: coverageKey('learner', query.id),
          label: 'Learner',
          children: null,
        };
      }
    }
  }

  /** True, false (exists but hidden), or null (no such learner). */
  private async learnerVisible(learnerId: string, access: AccessScope): Promise<boolean | null> {
    const p = new SqlParams([learnerId]);
    const rows: { visible: boolean }[] = await this.dataSource.query(
      `SELECT ${learnerInScopeSql(access, p, 'l.id')} AS visible FROM learner l WHERE l.id = $1`,
      p.values,
    );
    return rows.length ? rows[0].visible : null;
  }

  /** An id of another kind than the scope asks for is a 400 when the caller may see it, else a 404. */
  private async wrongKindOr404(
    id: string,
    expected: 'academy' | 'group' | 'learner',
    access: AccessScope,
  ): Promise<never> {
    const academy =
      expected !== 'academy'
        ? await this.one<{ id: string }>('SELECT id FROM academy WHERE id = $1', id)
        : null;
    const group =
      expected !== 'group'
        ? await this.one<{ academy_id: string }>('SELECT academy_id FROM learning_group WHERE id = $1', id)
        : null;
    const learner = expected !== 'learner' ? await this.learnerVisible(id, access) : null;
    const kind =
      academy && seesWholeAcademy(access, id)
        ? 'an academy'
        : group && (seesWholeAcademy(access, group.academy_id) || access.groupIds.includes(id))
          ? 'a group'
          : learner
            ? 'a learner'
            : null;
    if (kind) {
      throw new BadRequestException({
        message: `id is ${kind}'s id, but scope ${expected} needs ${expected === 'academy' ? 'an academy' : `a ${expected}`}'s id.`,
        details: [
          { field: 'id', reason: `not ${expected === 'academy' ? 'an academy' : `a ${expected}`} id` },
        ],
      });
    }
    throw new NotFoundException(`No such ${expected}.`);
  }

  private async one<T>(sql: string, id: string): Promise<T | null> {
    const rows: T[] = await this.dataSource.query(sql, [id]);
    return rows[0] ?? null;
  }
}
