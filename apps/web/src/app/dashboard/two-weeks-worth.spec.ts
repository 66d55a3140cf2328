import {
  CoverageBreakdownRow,
  CoverageRow,
  HoursGaps,
  RULE_IDS,
  RuleTallies,
  tallyStatuses,
  WexRuleId,
} from '@encounters/domain';

import { gapText, palThreeOffer, twoWeeksFigures, wexHours } from './two-weeks-worth';

const NONE = { zero: 0, belowTarget: 0, atTarget: 0, median: null };
const NO_GAP: HoursGaps = { zero: null, atTarget: null, median: null };
const KS3 = { zero: 3, belowTarget: 10, atTarget: 7, median: 12.5 };
const KS4 = { zero: 1, belowTarget: 4, atTarget: 15, median: 30 };

function row(key: string, extra: Partial<CoverageRow> = {}): CoverageRow {
  const rules = Object.fromEntries(
    RULE_IDS.map((rule) => [
      rule,
      tallyStatuses(rule.startsWith('WEX') ? ['met', 'on_track'] : ['not_applicable']),
    ]),
  ) as RuleTallies;
  return { key, label: key, learners: 2, rules, hours: { WEX_KS3: NONE, WEX_KS4: NONE }, ...extra };
}

function breakdownRow(
  key: string,
  hoursGaps: Partial<Record<WexRuleId, HoursGaps>> = {},
): CoverageBreakdownRow {
  return {
    ...row(key),
    gaps: Object.fromEntries(RULE_IDS.map((rule) => [rule, null])) as CoverageBreakdownRow['gaps'],
    hoursGaps: { WEX_KS3: hoursGaps.WEX_KS3 ?? NO_GAP, WEX_KS4: hoursGaps.WEX_KS4 ?? NO_GAP },
  };
}

describe("the two weeks' worth card", () => {
  it('reads the hours figures of the row', () => {
    expect(wexHours(row('academy:a', { hours: { WEX_KS3: KS3, WEX_KS4: KS4 } }), 'WEX_KS4')).toEqual(KS4);
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
      [
        total,
        breakdownRow('pupilPremium:yes', {
          WEX_KS3: { zero: 10, atTarget: -12.5, median: -3 },
          WEX_KS4: { zero: 0, atTarget: 0, median: 0 },
        }),
        breakdownRow('pupilPremium:no'),
      ],
      [
        total,
        breakdownRow('sen:N'),
        breakdownRow('sen:K', { WEX_KS4: { zero: -2, atTarget: 4.3, median: null } }),
        breakdownRow('sen:E'),
      ],
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
      WEX_KS3: { text: '−12.5\u00a0pts · median\u00a0−3\u00a0h', behind: true },
      WEX_KS4: { text: 'level', behind: false },
    });
    expect(measure('SEN support gap')?.WEX_KS4).toEqual({ text: '+4.3\u00a0pts', behind: false });
    expect(measure('EHC plan gap')?.WEX_KS3).toEqual({ text: '—', behind: false });
  });

  it('shows a dash for a median of nobody, and nothing without rows', () => {
    const figures = twoWeeksFigures('A', [row('academy:a')], [row('academy:a')]);
    expect(figures?.measures[0].cells.WEX_KS3.text).toBe('0');
    expect(figures?.measures[3].cells.WEX_KS3.text).toBe('—');
    expect(twoWeeksFigures('A', [], [])).toBeNull();
  });

  it('words gaps as the cohort table does', () => {
    expect(gapText(-3)).toBe('−3.0\u00a0pts');
    expect(gapText(null)).toBe('—');
  });
});
