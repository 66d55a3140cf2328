import {
  anniversaryDate,
  confirmedOn,
  destinationConfirmBy,
  destinationStatusOn,
  isInEducationEmploymentOrTraining,
  pseudonymiseOn,
} from './destination';

describe('destinations', () => {
  it('R-DEST-1: the status on a date is the last change on or before it, in the order made', () => {
    const history = [
      { status: 'applied', on: '2025-11-01' },
      { status: 'offered', on: '2026-01-10' },
      { status: 'accepted', on: '2026-01-10' },
    ] as const;
    expect(destinationStatusOn(history, '2025-10-31')).toBeNull();
    expect(destinationStatusOn(history, '2025-12-01')).toBe('applied');
    expect(destinationStatusOn(history, '2026-01-10')).toBe('accepted');
  });

  it('R-DEST-2: confirmed from the start of the latest unbroken run of accepted or enrolled', () => {
    expect(confirmedOn([])).toBeNull();
    expect(confirmedOn([{ status: 'offered', on: '2026-01-01' }])).toBeNull();
    expect(
      confirmedOn([
        { status: 'accepted', on: '2026-02-01' },
        { status: 'enrolled', on: '2026-09-03' },
      ]),
    ).toBe('2026-02-01');
    expect(
      confirmedOn([
        { status: 'accepted', on: '2026-02-01' },
        { status: 'withdrawn', on: '2026-03-01' },
      ]),
    ).toBeNull();
    expect(
      confirmedOn([
        { status: 'accepted', on: '2026-02-01' },
        { status: 'declined', on: '2026-03-01' },
        { status: 'accepted', on: '2026-04-01' },
      ]),
    ).toBe('2026-04-01');
  });

  it('R-DEST-2: the confirm-by date falls in the academic year it belongs to', () => {
    expect(destinationConfirmBy(2025, '05-31')).toBe('2026-05-31');
    expect(destinationConfirmBy(2025, '12-15')).toBe('2025-12-15');
  });

  it('R-DEST-4: anniversaries are 1 October of each year after leaving, and retention runs three years', () => {
    expect([1, 2, 3].map((n) => anniversaryDate(2025, n as 1 | 2 | 3))).toEqual([
      '2026-10-01',
      '2027-10-01',
      '2028-10-01',
    ]);
    expect(pseudonymiseOn('2026-07-17')).toBe('2029-07-17');
    expect(pseudonymiseOn('2024-02-29')).toBe('2027-03-01');
  });

  it('R-DEST-5: education, employment or training excludes NEET, not known and other', () => {
    expect(isInEducationEmploymentOrTraining('apprenticeship')).toBe(true);
    expect(isInEducationEmploymentOrTraining('employment')).toBe(true);
    expect(isInEducationEmploymentOrTraining('neet')).toBe(false);
    expect(isInEducationEmploymentOrTraining('not_known')).toBe(false);
    expect(isInEducationEmploymentOrTraining('other')).toBe(false);
  });
});
