import { isValidUpn } from '@encounters/domain';
import { isPseudonymousUpn, pseudonymousUpn } from './pseudonymous-upn';

describe(pseudonymousUpn.name, () => {
  const learnerId = '0b6d3c1e-2f4a-4c55-9a1e-7d2f8e9a0b1c';

  it('keeps the UPN format of the learner table, and is never a real UPN', () => {
    const sut = pseudonymousUpn(learnerId);
    expect(sut).toMatch(/^[A-Z][0-9]{11}[0-9A-Z]$/);
    expect(isPseudonymousUpn(sut)).toBe(true);
    // S is never a check letter: no roster can carry it.
    expect(isValidUpn(sut)).toBe(false);
  });

  it('is the same for the same learner and attempt, and another on the next attempt', () => {
    expect(pseudonymousUpn(learnerId)).toBe(pseudonymousUpn(learnerId));
    expect(pseudonymousUpn(learnerId, 1)).not.toBe(pseudonymousUpn(learnerId));
    expect(pseudonymousUpn('6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f')).not.toBe(pseudonymousUpn(learnerId));
  });
});
