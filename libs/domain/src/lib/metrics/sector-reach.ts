import type { AcademicYear, IsoDate } from '../calendar';
import type { SectorReachResponse, SectorReachRow } from '../contracts/report';
import { SECTORS, type Sector } from '../taxonomy';

/**
 * Sectors reached, defined once for the dashboard and the governors' PDF. For the academic year up to the
 * as-at date, and for each sector:
 *  - **encounters**: the encounters held (not deleted) with at least one organisation working in the
 *    sector, each counted once however many such organisations took part;
 *  - **learners reached**: the learners on roll at the as-at date who attended at least one of those
 *    encounters, each counted once however many they attended.
 * A priority sector is reached when at least one learner was. The API computes the counts in SQL (one
 * endpoint, `GET /api/reports/sector-reach`); this function turns them into the rows both screens show.
 */
export function sectorReachOf(input: {
  academicYear: AcademicYear;
  asAt: IsoDate;
  totalEncounters: number;
  totalLearners: number;
  prioritySectors: readonly Sector[];
  counts: readonly { sector: Sector; encounters: number; learners: number }[];
}): SectorReachResponse {
  const bySector = new Map(input.counts.map((count) => [count.sector, count]));
  const priorities = new Set<Sector>(input.prioritySectors);
  const rows = SECTORS.map((sector): SectorReachRow => ({
    sector,
    priority: priorities.has(sector),
    encounters: bySector.get(sector)?.encounters ?? 0,
    learners: bySector.get(sector)?.learners ?? 0,
  })).sort(
    (a, b) =>
      Number(b.priority) - Number(a.priority) || b.learners - a.learners || a.sector.localeCompare(b.sector),
  );
  return {
    academicYear: input.academicYear,
    asAt: input.asAt,
    totalEncounters: input.totalEncounters,
    totalLearners: input.totalLearners,
    prioritySectors: priorities.size,
    priorityReached: rows.filter((row) => row.priority && row.learners > 0).length,
    rows,
  };
}
