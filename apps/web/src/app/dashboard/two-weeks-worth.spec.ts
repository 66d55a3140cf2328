import { CoverageBreakdownRow, CoverageRow, RULE_IDS, RuleTallies, tallyStatuses } from '@encounters/domain';

import { gapText, palThreeOffer, twoWeeksFigures, wexHours } from './two-weeks-worth';

function row(key: string, extra: object = {}, gaps?: Partial<Record<string, number | null>>): CoverageRow {
  const rules = Object.fromEntries(
    RULE_IDS.map((rule) => [
      rule,
      tallyStatuses(rule.startsWith('WEX') ? ['met', 'on_track'] : ['not_applicable']),
    ]),
  ) as RuleTallies;
  const base = { key, label: key, learners: 2, rules, ...extra };
  return gaps
    ? ({
        ...base,
        gaps: Object.fromEntries(RULE_IDS.map((rule) => [rule, gaps[rule] ?? null])),
      } as CoverageBreakdownRow)
    : base;
}

const KS3 = { zero: 3, belowTarget: 10, atTarget: 7, median: 12.5 };
const KS4 = { zero: 1, belowTarget: 4, atTarget: 15, median: 30 };

describe("the two weeks' worth card", () => {
  it('reads the hours figures at the tally or beside it', () => {
    const atTally = row('academy:a');
    (atTally.rules.WEX_KS3 as object as { hours: unknown }).hours = KS3;
    expect(wexHours(atTally, 'WEX_KS3')).toEqual(KS3);
    expect(wexHours(row('academy:a', { hours: { WEX_KS4: KS4 } }), 'WEX_KS4')).toEqual(KS4);
    expect(wexHours(row('academy:a'), 'WEX_KS4')).toBeNull();
  });

  it('reads the PAL3 offer of the row', () => {
    expect(palThreeOffer(row('academy:a', { offers: { PAL3_OFFER: 'met' } }))).toBe('met');
    expect(palThreeOffer(row('academy:a'))).toBeNull();
  });

  it('puts the counts, the median and the pupil-premium and SEN gaps side by side', () => {
    const total = row('academy:a', {
      hours: { WEX_KS3: KS3, WEX_KS4: KS4 },
      offers: { PAL3_OFFER: 'at_risk' },
    });
    const figures = twoWeeksFigures(
      'Northfield Academy',
      [total, row('pupilPremium:yes', {}, { WEX_KS3: -12.5, WEX_KS4: 0 }), row('pupilPremium:no', {}, {})],
      [total, row('sen:N', {}, {}), row('sen:K', {}, { WEX_KS4: 4.25 }), row('sen:E', {}, { WEX_KS3: null })],
    );
    expect(figures?.rules).toEqual(['WEX_KS3', 'WEX_KS4']);
    expect(figures?.pal3Offer).toBe('at_risk');
    const measure = (label: string) => figures?.measures.find((entry) => entry.label === label)?.cells;
    expect(measure('Learners at 0 hours')).toEqual({ WEX_KS3: { text: '3' }, WEX_KS4: { text: '1' } });
    expect(measure('At or above the target')?.WEX_KS4.text).toBe('15');
    expect(measure('Median hours (counted)')).toEqual({
      WEX_KS3: { text: '12.5 hours' },
      WEX_KS4: { text: '30 hours' },
    });
    expect(measure('Pupil premium gap')).toEqual({
      WEX_KS3: { text: '−12.5 pts', behind: true },
      WEX_KS4: { text: 'level', behind: false },
    });
    expect(measure('SEN support gap')?.WEX_KS4).toEqual({ text: '+4.3 pts', behind: false });
    expect(measure('EHC plan gap')?.WEX_KS3).toEqual({ text: '—', behind: false });
  });

  it('shows a dash where the hours are not given, and nothing without rows', () => {
    const figures = twoWeeksFigures('A', [row('academy:a')], [row('academy:a')]);
    expect(figures?.measures[0].cells.WEX_KS3.text).toBe('—');
    expect(twoWeeksFigures('A', [], [])).toBeNull();
  });

  it('words gaps as the cohort table does', () => {
    expect(gapText(-3)).toBe('−3.0 pts');
    expect(gapText(null)).toBe('—');
  });
});
