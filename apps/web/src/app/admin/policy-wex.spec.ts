import { policyWex } from './policy-form';

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
