import {
  keyStageSummary,
  keyStagesToShow,
  ledgerRows,
  LearnerWorkExperience,
} from './work-experience-ledger';

const hours = (doneHours: number, plannedHours: number, countedHours: number, targetHours = 25) => ({
  doneHours,
  plannedHours,
  countedHours,
  targetHours,
});

describe('work-experience ledger', () => {
  it('says done, planned and target as R-WEX-5 words them', () => {
    const summary = keyStageSummary('ks4', hours(10, 15, 10));
    expect(summary.figures).toBe('Done 10 hours, planned 15 hours, target 25 hours');
    expect(summary.donePercent).toBe(40);
    expect(summary.withPlannedPercent).toBe(100);
    expect(summary.remaining).toBe(
      '15 more hours needed; the planned hours would reach the target once done.',
    );
    expect(summary.virtualCapNote).toBeNull();
  });

  it('explains why 30 virtual KS3 hours count 12.5 (R-WEX-4)', () => {
    const summary = keyStageSummary('ks3', hours(30, 0, 12.5));
    expect(summary.figures).toBe('Done 30 hours, target 25 hours');
    expect(summary.virtualCapNote).toContain('12.5 hours of the 30 hours done count');
    expect(summary.virtualCapNote).toContain('17.5 hours of virtual experience do not count');
    expect(summary.donePercent).toBe(50);
    expect(summary.remaining).toBe('12.5 more hours needed.');
  });

  it('says the target is reached, and caps the bar at 100', () => {
    const summary = keyStageSummary('ks4', hours(60, 0, 60));
    expect(summary.remaining).toBe('Target reached.');
    expect(summary.donePercent).toBe(100);
  });

  it('says what is left after the planned hours when they fall short', () => {
    expect(keyStageSummary('ks3', hours(5, 6, 5)).remaining).toBe(
      '20 more hours needed; after the planned hours, 14 more hours still.',
    );
  });

  it('lists planned experiences first, then the newest', () => {
    const rows = ledgerRows([
      {
        encounterId: 'a',
        date: '2025-10-01',
        title: 'Insight day',
        hours: 6,
        delivery: 'in_person',
        planned: false,
        placement: false,
      },
      {
        encounterId: 'b',
        date: '2026-07-06',
        title: 'Placement',
        hours: 30,
        delivery: 'in_person',
        planned: true,
        placement: false,
      },
      {
        encounterId: 'c',
        date: '2026-01-10',
        title: 'Virtual tour',
        hours: 2,
        delivery: 'virtual',
        planned: false,
        placement: false,
      },
    ]);
    expect(rows.map((row) => row.encounterId)).toEqual(['b', 'c', 'a']);
  });

  it('shows a key stage whose rule applies or that has hours', () => {
    const ledger: LearnerWorkExperience = { ks3: hours(6, 0, 6), ks4: hours(0, 0, 0), items: [] };
    expect(keyStagesToShow(ledger, { WEX_KS3: 'not_applicable', WEX_KS4: 'on_track' })).toEqual([
      'ks3',
      'ks4',
    ]);
    expect(keyStagesToShow(ledger, { WEX_KS3: 'not_applicable', WEX_KS4: 'not_applicable' })).toEqual([
      'ks3',
    ]);
    expect(
      keyStagesToShow(
        { ...ledger, ks3: hours(0, 0, 0) },
        { WEX_KS3: 'not_applicable', WEX_KS4: 'not_applicable' },
      ),
    ).toEqual([]);
  });
});
