import { countShortfall, joinInEnglish, ruleStatus, stillNeededText } from './rule-status';

const year = { start: '2025-09-01', end: '2026-08-31' };

describe(ruleStatus.name, () => {
  it('R-S-1: met whenever the evidence is there, even after the window', () => {
    expect(ruleStatus(true, year, '2027-01-01', 122)).toBe('met');
  });

  it('R-S-2: on track until 30 Apr, at risk from 1 May, at risk on the last day, missed the day after', () => {
    expect(ruleStatus(false, year, '2026-04-30', 122)).toBe('on_track');
    expect(ruleStatus(false, year, '2026-05-01', 122)).toBe('at_risk');
    expect(ruleStatus(false, year, '2026-08-31', 122)).toBe('at_risk');
    expect(ruleStatus(false, year, '2026-09-01', 122)).toBe('missed');
  });

  it('R-S-2: follows the policy’s atRiskDays', () => {
    expect(ruleStatus(false, year, '2026-05-01', 30)).toBe('on_track');
    expect(ruleStatus(false, year, '2026-08-01', 30)).toBe('at_risk');
  });
});

describe(stillNeededText.name, () => {
  it('R-S-1: nothing is needed once met', () => {
    expect(stillNeededText(['x'], year, 'met')).toBeNull();
  });

  it('R-S-2: names the deadline the British way', () => {
    expect(
      stillNeededText(
        ['1 more workplace experience'],
        { start: '2022-09-01', end: '2027-08-31' },
        'on_track',
      ),
    ).toBe('1 more workplace experience by 31 Aug 2027');
  });
});

describe(joinInEnglish.name, () => {
  it('R-S-1: joins without an Oxford comma', () => {
    expect(joinInEnglish(['a'])).toBe('a');
    expect(joinInEnglish(['a', 'b'])).toBe('a and b');
    expect(joinInEnglish(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe(countShortfall.name, () => {
  const noun = { one: 'visit', many: 'visits' };

  it('R-S-1: says "more" only when some are already held', () => {
    expect(countShortfall(0, 2, noun)).toBe('2 visits');
    expect(countShortfall(1, 2, noun)).toBe('1 more visit');
    expect(countShortfall(2, 2, noun)).toBeNull();
  });
});
