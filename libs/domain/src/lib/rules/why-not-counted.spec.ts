import { type EncounterToCount, whyEncounterWillNotCount } from './why-not-counted';

const employer = { type: 'employer' as const };
const university = { type: 'higher_education' as const };
const allCore = { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true };

/** The reasons for an in-person employer talk on a school day in November 2026, changed by `changes`. */
const whyTalk = (changes: Partial<EncounterToCount>) =>
  whyEncounterWillNotCount({
    format: 'talk',
    delivery: 'in_person',
    duringSchoolDay: true,
    date: '2026-11-12',
    organisations: [employer],
    meaningful: allCore,
    ...changes,
  });

describe('whyEncounterWillNotCount', () => {
  it('is empty for a meaningful employer talk', () => {
    expect(whyTalk({})).toEqual([]);
  });

  it('names the checklist items still to tick', () => {
    const reasons = whyTalk({ meaningful: { purposeShared: true, learningOutcomes: true } });
    expect(reasons.map((reason) => reason.code)).toEqual(['checklist_incomplete']);
    expect(reasons[0].missing).toEqual(['twoWayInteraction', 'reflection']);
    expect(reasons[0].why).toBe(
      'It will not count as an employer encounter (Benchmark 5): the checklist is not complete.',
    );
    expect(reasons[0].fix).toMatch(/^Tick “.+” and “.+” if they happened\.$/);
  });

  it('refuses a virtual higher-education visit under the 2024 benchmarks, not under 2014', () => {
    const visit = {
      format: 'provider_visit' as const,
      delivery: 'virtual' as const,
      duringSchoolDay: true,
      organisations: [university],
      meaningful: {
        ...allCore,
        providerInformation: true,
        whatLearningIsLike: true,
        metStaffAndLearners: true,
      },
    };
    expect(whyEncounterWillNotCount({ ...visit, date: '2026-03-02' }).map((reason) => reason.code)).toEqual([
      'virtual_visit',
    ]);
    expect(whyEncounterWillNotCount({ ...visit, date: '2024-03-04' })).toEqual([]);
  });

  it('says a guidance session by an adviser below level 6 is not specialist advice', () => {
    const reasons = whyTalk({
      format: 'guidance_meeting',
      adviserLevel: 4,
      organisations: [],
      meaningful: {},
    });
    expect(reasons.map((reason) => reason.code)).toEqual(['adviser_below_level_6']);
    expect(reasons[0].why).toContain('level 4 is below level 6');
  });

  it('says an encounter with no organisation counts for nothing', () => {
    expect(whyTalk({ organisations: [] }).map((reason) => reason.code)).toEqual(['no_category']);
  });
});
