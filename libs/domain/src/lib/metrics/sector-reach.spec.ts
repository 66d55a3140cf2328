import { SECTORS } from '../taxonomy';
import { sectorReachOf } from './sector-reach';

describe(sectorReachOf.name, () => {
  const base = { academicYear: 2025, asAt: '2026-03-31', totalEncounters: 10, totalLearners: 200 };

  it('lists every sector once, priority sectors first, then by learners reached', () => {
    const sut = sectorReachOf({
      ...base,
      prioritySectors: ['Digital', 'Care services'],
      counts: [
        { sector: 'Engineering and manufacturing', encounters: 3, learners: 90 },
        { sector: 'Digital', encounters: 1, learners: 30 },
        { sector: 'Creative and design', encounters: 4, learners: 120 },
      ],
    });

    expect(sut.rows).toHaveLength(SECTORS.length);
    expect(
      sut.rows.slice(0, 4).map((row) => [row.sector, row.priority, row.encounters, row.learners]),
    ).toEqual([
      ['Digital', true, 1, 30],
      ['Care services', true, 0, 0],
      ['Creative and design', false, 4, 120],
      ['Engineering and manufacturing', false, 3, 90],
    ]);
  });

  it('counts a priority sector as reached when one learner on roll was reached', () => {
    const sut = sectorReachOf({
      ...base,
      prioritySectors: ['Digital', 'Care services', 'Hair and beauty'],
      counts: [
        { sector: 'Digital', encounters: 1, learners: 1 },
        // Held, but nobody now on roll attended it: not reached.
        { sector: 'Care services', encounters: 2, learners: 0 },
      ],
    });

    expect([sut.prioritySectors, sut.priorityReached]).toEqual([3, 1]);
  });

  it('carries the totals the shares are taken of', () => {
    const sut = sectorReachOf({ ...base, prioritySectors: [], counts: [] });

    expect([sut.totalEncounters, sut.totalLearners, sut.asAt]).toEqual([10, 200, '2026-03-31']);
  });
});
