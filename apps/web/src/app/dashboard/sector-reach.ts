import { IsoDate, Sector, SECTORS } from '@encounters/domain';

import { SectorReachSource } from '../core/sector-reach-api';

export interface SectorReachRow {
  sector: Sector;
  priority: boolean;
  /** Encounters with at least one organisation of the sector; a fair with three such employers counts once. */
  encounters: number;
  /** Of all the period's encounters with any sector, as a whole percentage. */
  share: number | null;
  /** Learner attendances at those encounters: a learner at two encounters counts twice. */
  attendances: number;
  organisations: number;
}

export interface SectorReach {
  rows: SectorReachRow[];
  encounters: number;
  prioritySectors: number;
  priorityReached: number;
  /** Share of encounters that involved at least one priority sector. */
  priorityShare: number | null;
}

/** Counts each encounter up to the as-at date once per sector its organisations work in. */
export function sectorReach(
  source: SectorReachSource,
  prioritySectors: readonly Sector[],
  asAt: IsoDate,
): SectorReach {
  const sectorsOf = new Map(
    source.organisations.map((organisation) => [organisation.id, organisation.sectors]),
  );
  const encounters = source.encounters.filter((encounter) => encounter.date <= asAt);
  const tallies = new Map<Sector, { encounters: number; attendances: number; organisations: Set<string> }>(
    SECTORS.map((sector) => [sector, { encounters: 0, attendances: 0, organisations: new Set<string>() }]),
  );
  let withPriority = 0;
  for (const encounter of encounters) {
    const sectors = new Set<Sector>();
    for (const organisation of encounter.organisations) {
      for (const sector of sectorsOf.get(organisation.id) ?? []) {
        sectors.add(sector);
        tallies.get(sector)?.organisations.add(organisation.id);
      }
    }
    for (const sector of sectors) {
      const tally = tallies.get(sector);
      if (!tally) continue;
      tally.encounters += 1;
      tally.attendances += encounter.attendedCount;
    }
    if ([...sectors].some((sector) => prioritySectors.includes(sector))) withPriority += 1;
  }
  const rows = SECTORS.map((sector): SectorReachRow => {
    const tally = tallies.get(sector) ?? { encounters: 0, attendances: 0, organisations: new Set<string>() };
    return {
      sector,
      priority: prioritySectors.includes(sector),
      encounters: tally.encounters,
      share: encounters.length ? Math.round((100 * tally.encounters) / encounters.length) : null,
      attendances: tally.attendances,
      organisations: tally.organisations.size,
    };
  })
    .filter((row) => row.priority || row.encounters > 0)
    .sort((a, b) => Number(b.priority) - Number(a.priority) || b.encounters - a.encounters);
  return {
    rows,
    encounters: encounters.length,
    prioritySectors: prioritySectors.length,
    priorityReached: rows.filter((row) => row.priority && row.encounters > 0).length,
    priorityShare: encounters.length ? Math.round((100 * withPriority) / encounters.length) : null,
  };
}
