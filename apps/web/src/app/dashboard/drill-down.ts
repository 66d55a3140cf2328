import {
  AcademicYear,
  CoverageBreakdown,
  CoverageQuery,
  IsoDate,
  parseCoverageKey,
} from '@encounters/domain';

/** Where the dashboard is: the whole trust, one academy, or one year group of an academy. */
export interface DrillDownState {
  academyId: string | null;
  yearGroup: number | null;
}

/** One step of the breadcrumb; the last one is where the user is and has no link. */
export interface Crumb {
  label: string;
  state: DrillDownState | null;
}

/** Where clicking a row of the coverage table leads. */
export type ChildTarget =
  | { kind: 'academy'; academyId: string }
  | { kind: 'yearGroup'; yearGroup: number }
  | { kind: 'group'; groupId: string }
  | null;

/**
 * The coverage query for a position. Trust-wide users start at the trust; everyone else at their academy,
 * as the API refuses them the trust scope.
 */
export function coverageQueryFor(
  state: DrillDownState,
  options: { trustWide: boolean; academicYear: AcademicYear; asAt: IsoDate; breakdown?: CoverageBreakdown },
): CoverageQuery | null {
  const common = { academicYear: options.academicYear, asAt: options.asAt, breakdown: options.breakdown };
  if (state.academyId && state.yearGroup !== null) {
    return { ...common, scope: 'yearGroup', academyId: state.academyId, yearGroup: state.yearGroup };
  }
  if (state.academyId) return { ...common, scope: 'academy', id: state.academyId };
  return options.trustWide ? { ...common, scope: 'trust' } : null;
}

/** The row keys of `/api/coverage` without a breakdown: `academy:<id>`, `yearGroup:<n>`, `group:<id>`. */
export function childTarget(key: string): ChildTarget {
  const {
    kind,
    parts: [value],
  } = parseCoverageKey(key);
  if (!value) return null;
  switch (kind) {
    case 'academy':
      return { kind, academyId: value };
    case 'yearGroup': {
      const yearGroup = Number(value);
      return Number.isInteger(yearGroup) ? { kind, yearGroup } : null;
    }
    case 'group':
      return { kind, groupId: value };
    default:
      return null;
  }
}

/** The state after clicking a child row, or null when the row leads off the dashboard (a class). */
export function drillInto(state: DrillDownState, target: ChildTarget): DrillDownState | null {
  if (!target) return null;
  switch (target.kind) {
    case 'academy':
      return { academyId: target.academyId, yearGroup: null };
    case 'yearGroup':
      return state.academyId ? { academyId: state.academyId, yearGroup: target.yearGroup } : null;
    case 'group':
      return null;
  }
}

export function breadcrumbFor(
  state: DrillDownState,
  options: { trustWide: boolean; academyName: (id: string) => string },
): Crumb[] {
  const crumbs: Crumb[] = [];
  if (options.trustWide) crumbs.push({ label: 'All academies', state: { academyId: null, yearGroup: null } });
  if (state.academyId) {
    crumbs.push({
      label: options.academyName(state.academyId),
      state: { academyId: state.academyId, yearGroup: null },
    });
    if (state.yearGroup !== null) {
      crumbs.push({ label: `Year ${state.yearGroup}`, state: { ...state } });
    }
  }
  // The last crumb is the current page.
  if (crumbs.length) crumbs[crumbs.length - 1] = { ...crumbs[crumbs.length - 1], state: null };
  return crumbs;
}

/** What the rows below the whole scope are, for headings: "Academies", "Year groups", "Classes". */
export function childrenNoun(query: CoverageQuery | null): string {
  switch (query?.scope) {
    case 'trust':
      return 'Academy';
    case 'academy':
      return 'Year group';
    case 'yearGroup':
      return 'Class';
    default:
      return 'Group';
  }
}
