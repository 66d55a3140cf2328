import { defaultPolicy, policyLookup } from './policy';

describe(defaultPolicy.name, () => {
  it('R-B6-1: gatsby-2024 from 2025/26 asks for two workplace experiences by 16', () => {
    expect(defaultPolicy(2025)).toEqual({
      ruleSet: 'gatsby-2024',
      requireMeaningful: true,
      b6By16: 2,
      b7Range: ['higher_education', 'further_education', 'sixth_form', 'independent_training_provider'],
      o2: { employer: 1, education: 1, requireAdvice: true },
      collegeMode: false,
      dest: { confirmBy: '05-31' },
      atRiskDays: 122,
      localPrioritySectors: [
        'Engineering and manufacturing',
        'Construction and the built environment',
        'Care services',
        'Health and science',
        'Digital',
        'Transport and logistics',
      ],
      wex: { ks3Hours: 25, ks4Hours: 25, hoursPerDay: 6, virtualShareMax: 0.5 },
      palRequiresContent: true,
      b5CountsPartTimeJob: false,
    });
  });

  it('R-B6-1: gatsby-2014 before 2025/26 asks for one', () => {
    expect(defaultPolicy(2024)).toMatchObject({ ruleSet: 'gatsby-2014', b6By16: 1 });
  });

  it('R-S-2: each call returns a fresh policy that callers may change', () => {
    const sut = defaultPolicy(2025);
    sut.b7Range.pop();
    expect(defaultPolicy(2025).b7Range).toHaveLength(4);
  });
});

describe(policyLookup.name, () => {
  it('R-WEX-3, R-PAL-3, R-WEX-7: a policy stored before the 2025 revision gets its new fields from the defaults', () => {
    const {
      wex: _wex,
      palRequiresContent: _pal,
      b5CountsPartTimeJob: _job,
      ...before2025
    } = defaultPolicy(2025);
    const sut = policyLookup({ 2025: { ...before2025, atRiskDays: 60 } as never });
    expect(sut(2025)).toMatchObject({
      atRiskDays: 60,
      wex: { ks3Hours: 25, ks4Hours: 25, hoursPerDay: 6, virtualShareMax: 0.5 },
      palRequiresContent: true,
      b5CountsPartTimeJob: false,
    });
  });

  it('R-WEX-4: a stored wex keeps its own values, the defaults fill only what is missing', () => {
    const stored = { ...defaultPolicy(2025), wex: { ks4Hours: 50 } as never };
    expect(policyLookup({ 2025: stored })(2025).wex).toEqual({
      ks3Hours: 25,
      ks4Hours: 50,
      hoursPerDay: 6,
      virtualShareMax: 0.5,
    });
  });

  it('R-S-2: a stored policy wins for its year, the default covers the rest', () => {
    const stored = { ...defaultPolicy(2025), atRiskDays: 60 };
    const sut = policyLookup({ 2025: stored });
    expect(sut(2025).atRiskDays).toBe(60);
    expect(sut(2026).atRiskDays).toBe(122);
    expect(sut(2023).ruleSet).toBe('gatsby-2014');
  });
});
