import {
  EncounterCategory,
  EncounterFacts,
  allowedChecklistItems,
  checklistItemsOutsideCategories,
  deriveEncounterCategories,
  meaningfulBenchmarkFor,
} from './encounter-category';
import { ENCOUNTER_FORMATS, EncounterFormat } from './encounter-format';
import { EDUCATION_ORGANISATION_TYPES, ORGANISATION_TYPES, OrganisationType } from './organisation-type';
import { MEANINGFUL_CHECKLIST_ITEMS } from './meaningful-checklist';

const codes: Record<string, EncounterCategory> = {
  E: 'employer_encounter',
  W: 'workplace_experience',
  P: 'education_provider_encounter',
  H: 'he_visit',
  G: 'personal_guidance_meeting',
  S: 'specialist_careers_advice',
  T: 'pal_provider_encounter',
};

/**
 * Expected categories for one organisation of each type, during the school day, one learner, a level 6
 * adviser. Columns: employer, higher_education, further_education, sixth_form, independent_training_provider,
 * utc_or_studio_school, careers_service, other.
 */
const expected: Record<EncounterFormat, readonly string[]> = {
  talk: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  workshop: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  careers_fair: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  mentoring: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  mock_interview: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  enterprise_challenge: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  workplace_visit: ['W', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  job_shadowing: ['W', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  work_experience: ['W', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  provider_visit: ['E', 'PH', 'PT', 'P', 'PT', 'PT', '', ''],
  provider_talk: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
  taster_session: ['E', 'PH', 'PT', 'P', 'PT', 'PT', '', ''],
  guidance_meeting: ['EGS', 'PGS', 'PTGS', 'PGS', 'PTGS', 'PTGS', 'GS', 'GS'],
  group_guidance: ['ES', 'PS', 'PTS', 'PS', 'PTS', 'PTS', 'S', 'S'],
  other: ['E', 'P', 'PT', 'P', 'PT', 'PT', '', ''],
};

const cases = ENCOUNTER_FORMATS.flatMap((format) =>
  ORGANISATION_TYPES.map((type, column) => ({
    format,
    type,
    categories: [...expected[format][column]].map((code) => codes[code]),
  })),
);

function facts(format: EncounterFormat, type: OrganisationType, overrides: Partial<EncounterFacts> = {}) {
  return {
    format,
    duringSchoolDay: true,
    adviserLevel: 6,
    attendedLearnerCount: 1,
    organisations: [{ type }],
    ...overrides,
  } satisfies EncounterFacts;
}

describe(deriveEncounterCategories.name, () => {
  it('R-C-1..7: the table covers every format and organisation type', () => {
    expect(cases).toHaveLength(15 * 8);
  });

  it.each(cases)('R-C-1..7: $format with $type => $categories', ({ format, type, categories }) => {
    const sorted = [...categories].sort();
    expect([...deriveEncounterCategories(facts(format, type)).categories].sort()).toEqual(sorted);
  });

  it.each(cases)('R-C-3: $format with $type covers the education type present', ({ format, type }) => {
    const educational = (EDUCATION_ORGANISATION_TYPES as readonly OrganisationType[]).includes(type);
    expect(deriveEncounterCategories(facts(format, type)).educationTypes).toEqual(educational ? [type] : []);
  });

  it('R-C-3: a careers fair covers every education type present, in a fixed order', () => {
    const sut = deriveEncounterCategories({
      format: 'careers_fair',
      duringSchoolDay: true,
      organisations: [
        { type: 'sixth_form' },
        { type: 'employer' },
        { type: 'higher_education' },
        { type: 'sixth_form' },
      ],
    });
    expect(sut).toEqual({
      categories: ['employer_encounter', 'education_provider_encounter'],
      educationTypes: ['higher_education', 'sixth_form'],
    });
  });

  it('R-C-7: an out-of-hours event with a further-education college is not a provider access encounter', () => {
    const sut = deriveEncounterCategories(
      facts('provider_talk', 'further_education', { duringSchoolDay: false }),
    );
    expect(sut.categories).toEqual(['education_provider_encounter']);
  });

  it('R-C-7: a university flagged as offering technical education counts for provider access', () => {
    const sut = deriveEncounterCategories(
      facts('provider_talk', 'higher_education', {
        organisations: [{ type: 'higher_education', offersTechnicalEducation: true }],
      }),
    );
    expect(sut.categories).toContain('pal_provider_encounter');
  });

  it('R-C-7: an employer flagged as offering apprenticeships, with no education provider, is not a provider access encounter', () => {
    const sut = deriveEncounterCategories(
      facts('talk', 'employer', { organisations: [{ type: 'employer', offersTechnicalEducation: true }] }),
    );
    expect(sut.categories).toEqual(['employer_encounter']);
  });

  it('R-C-5: a guidance meeting with an adviser below level 6 is recorded but evidences nothing', () => {
    expect(
      deriveEncounterCategories(facts('guidance_meeting', 'careers_service', { adviserLevel: 4 })).categories,
    ).toEqual([]);
    expect(
      deriveEncounterCategories(facts('guidance_meeting', 'careers_service', { adviserLevel: null }))
        .categories,
    ).toEqual([]);
  });

  it('R-C-5: a guidance meeting with two learners is not a personal guidance meeting, but is still specialist advice (R-C-6)', () => {
    const sut = deriveEncounterCategories(
      facts('guidance_meeting', 'careers_service', { attendedLearnerCount: 2 }),
    );
    expect(sut.categories).toEqual(['specialist_careers_advice']);
  });

  it('R-C-6: group guidance led by an adviser below level 6 is not specialist advice', () => {
    expect(
      deriveEncounterCategories(facts('group_guidance', 'careers_service', { adviserLevel: 5 })).categories,
    ).toEqual([]);
  });

  it('R-C-2: work experience with no employer named is not a workplace experience', () => {
    expect(deriveEncounterCategories(facts('work_experience', 'other')).categories).toEqual([]);
  });
});

describe(meaningfulBenchmarkFor.name, () => {
  it('R-M-2: employer encounters use B5, workplace experiences B6, provider encounters and HE visits B7', () => {
    expect(meaningfulBenchmarkFor('employer_encounter')).toBe('B5');
    expect(meaningfulBenchmarkFor('workplace_experience')).toBe('B6');
    expect(meaningfulBenchmarkFor('education_provider_encounter')).toBe('B7');
    expect(meaningfulBenchmarkFor('he_visit')).toBe('B7');
    expect(meaningfulBenchmarkFor('personal_guidance_meeting')).toBeNull();
    expect(meaningfulBenchmarkFor('pal_provider_encounter')).toBeNull();
  });
});

describe(allowedChecklistItems.name, () => {
  it('R-M-1: an employer encounter allows only the four core items', () => {
    expect(allowedChecklistItems(['employer_encounter'])).toEqual([
      'purposeShared',
      'learningOutcomes',
      'twoWayInteraction',
      'reflection',
    ]);
  });

  it('R-WEX-1: an employer workshop, mentoring or enterprise challenge may record a task set; a talk may not', () => {
    for (const format of ['workshop', 'mentoring', 'enterprise_challenge'] as const) {
      expect(allowedChecklistItems(['employer_encounter'], format)).toEqual([
        'purposeShared',
        'learningOutcomes',
        'twoWayInteraction',
        'reflection',
        'taskSet',
      ]);
    }
    expect(allowedChecklistItems(['employer_encounter'], 'talk')).not.toContain('taskSet');
    // Without an employer, a workshop is not an employer activity and carries no hours.
    expect(allowedChecklistItems(['education_provider_encounter'], 'workshop')).not.toContain('taskSet');
  });

  it('R-M-1: a workplace experience that is also a provider encounter allows the B6 and B7 items', () => {
    expect(allowedChecklistItems(['workplace_experience', 'education_provider_encounter']).sort()).toEqual(
      [...MEANINGFUL_CHECKLIST_ITEMS].sort(),
    );
  });
});

describe(checklistItemsOutsideCategories.name, () => {
  it('R-M-1: refuses a ticked B6 item on an employer talk', () => {
    expect(
      checklistItemsOutsideCategories({ purposeShared: true, taskSet: true, providerInformation: false }, [
        'employer_encounter',
      ]),
    ).toEqual(['taskSet']);
  });

  it('R-WEX-1: accepts taskSet on an employer workshop, but not rangeOfPeople', () => {
    expect(
      checklistItemsOutsideCategories(
        { purposeShared: true, taskSet: true, rangeOfPeople: true },
        ['employer_encounter'],
        'workshop',
      ),
    ).toEqual(['rangeOfPeople']);
  });

  it('R-M-1: accepts B7 items on an education-provider encounter', () => {
    expect(
      checklistItemsOutsideCategories({ providerInformation: true, metStaffAndLearners: true }, [
        'education_provider_encounter',
      ]),
    ).toEqual([]);
  });
});
