import { confirmByForForm, confirmByFromForm, policyWex } from './policy-form';

describe('the policy form’s work-experience fields', () => {
  it('turns the virtual share from a percentage into the policy’s fraction', () => {
    expect(
      policyWex({ ks3Hours: '25', ks4Hours: 30, hoursPerDay: '6.5', virtualSharePercent: '50' }),
    ).toEqual({
      ks3Hours: 25,
      ks4Hours: 30,
      hoursPerDay: 6.5,
      virtualShareMax: 0.5,
    });
    expect(
      policyWex({ ks3Hours: 25, ks4Hours: 25, hoursPerDay: 6, virtualSharePercent: 33.3 }).virtualShareMax,
    ).toBe(0.333);
  });
});

describe('the policy form’s destinations field', () => {
  it('R-DEST-2: turns the British day/month into the policy’s month-day and back', () => {
    expect(confirmByFromForm('31/05')).toBe('05-31');
    expect(confirmByFromForm(' 1/6 ')).toBe('06-01');
    expect(confirmByForForm('05-31')).toBe('31/05');
  });
});
