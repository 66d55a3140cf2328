import { hoursAgainstTarget, hoursShort, isWexColumn, wexNote } from './wex-hours';

const ledger = {
  ks3: { doneHours: 30, plannedHours: 0, countedHours: 12.5, targetHours: 25 },
  ks4: { doneHours: 10, plannedHours: 15, countedHours: 10, targetHours: 25 },
  items: [],
};

describe('work-experience cells of the class view', () => {
  it('knows its columns', () => {
    expect(isWexColumn('WEX_KS3')).toBe(true);
    expect(isWexColumn('B6_16')).toBe(false);
  });

  it('words hours done against the target, with capped virtual and planned hours', () => {
    expect(hoursAgainstTarget(ledger.ks3)).toBe(
      '12.5 of 25 hours done (30 hours done, virtual hours capped)',
    );
    expect(hoursAgainstTarget(ledger.ks4)).toBe('10 of 25 hours done (15 hours planned)');
    expect(hoursAgainstTarget({ doneHours: 30, plannedHours: 0, countedHours: 30, targetHours: 25 })).toBe(
      '30 hours done, target of 25 reached',
    );
  });

  it('shortens done / target for the cell', () => {
    expect(hoursShort(ledger.ks3)).toBe('12.5 / 25 h');
    expect(hoursShort(ledger.ks4)).toBe('10 / 25 h, 15 planned');
  });

  it('says what is happening before the hours arrive', () => {
    expect(wexNote('WEX_KS4', undefined)).toBe('Loading the hours…');
    expect(wexNote('WEX_KS4', { state: 'failed' })).toBe('The hours could not be loaded.');
    expect(wexNote('WEX_KS4', { state: 'loaded', workExperience: ledger })).toBe(
      '10 of 25 hours done (15 hours planned)',
    );
    expect(wexNote('B5', { state: 'loaded', workExperience: ledger })).toBe('');
  });
});
