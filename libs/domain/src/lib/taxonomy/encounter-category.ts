import {
  EMPLOYER_TASK_FORMATS,
  EncounterFormat,
  HE_VISIT_FORMATS,
  isSpecialistAdviserLevel,
  isWorkplaceFormat,
} from './encounter-format';
import {
  CORE_CHECKLIST_ITEMS,
  MeaningfulBenchmark,
  MeaningfulChecklist,
  MeaningfulChecklistItem,
  RECORDED_ONLY_CHECKLIST_ITEMS,
  REQUIRED_CHECKLIST_ITEMS,
} from './meaningful-checklist';
import {
  EDUCATION_ORGANISATION_TYPES,
  EducationOrganisationType,
  OrganisationType,
  TECHNICAL_EDUCATION_ORGANISATION_TYPES,
} from './organisation-type';

/** What an encounter evidences. Derived from its facts, never typed in. */
export const ENCOUNTER_CATEGORIES = [
  'employer_encounter',
  'workplace_experience',
  'education_provider_encounter',
  'he_visit',
  'personal_guidance_meeting',
  'specialist_careers_advice',
  'pal_provider_encounter',
] as const;
export type EncounterCategory = (typeof ENCOUNTER_CATEGORIES)[number];

export const ENCOUNTER_CATEGORY_NOUNS: Readonly<Record<EncounterCategory, { one: string; many: string }>> = {
  employer_encounter: { one: 'employer encounter', many: 'employer encounters' },
  workplace_experience: { one: 'workplace experience', many: 'workplace experiences' },
  education_provider_encounter: {
    one: 'education-provider encounter',
    many: 'education-provider encounters',
  },
  he_visit: { one: 'higher-education visit', many: 'higher-education visits' },
  personal_guidance_meeting: { one: 'personal guidance meeting', many: 'personal guidance meetings' },
  specialist_careers_advice: {
    one: 'specialist careers advice session',
    many: 'specialist careers advice sessions',
  },
  pal_provider_encounter: { one: 'provider access encounter', many: 'provider access encounters' },
};

export interface EncounterOrganisationFacts {
  type: OrganisationType;
  offersTechnicalEducation?: boolean;
}

export interface EncounterFacts {
  format: EncounterFormat;
  duringSchoolDay: boolean;
  /** The adviser's CDI qualification level, for guidance meetings and group guidance. */
  adviserLevel?: number | null;
  organisations: readonly EncounterOrganisationFacts[];
  /**
   * Learners who attended. R-C-5 needs exactly one for a personal guidance meeting; leave it out while the
   * attendance is not yet known (e.g. checking the checklist of a new encounter) and one is assumed.
   */
  attendedLearnerCount?: number;
}

export interface EncounterClassification {
  categories: EncounterCategory[];
  /** R-C-3: every education type present; empty unless the encounter is an education-provider encounter. */
  educationTypes: EducationOrganisationType[];
}

/** R-C-1..7. Categories come back in the order of ENCOUNTER_CATEGORIES, education types in theirs. */
export function deriveEncounterCategories(encounter: EncounterFacts): EncounterClassification {
  const types = new Set(encounter.organisations.map((organisation) => organisation.type));
  const found = new Set<EncounterCategory>();
  const educationTypes = EDUCATION_ORGANISATION_TYPES.filter((type) => types.has(type));
  const workplace = isWorkplaceFormat(encounter.format);
  const specialistAdviser = isSpecialistAdviserLevel(encounter.adviserLevel);

  if (types.has('employer') && !workplace) found.add('employer_encounter');
  if (types.has('employer') && workplace) found.add('workplace_experience');
  if (educationTypes.length) found.add('education_provider_encounter');
  if (
    types.has('higher_education') &&
    (HE_VISIT_FORMATS as readonly EncounterFormat[]).includes(encounter.format)
  ) {
    found.add('he_visit');
  }
  if (encounter.format === 'guidance_meeting' && specialistAdviser) {
    if ((encounter.attendedLearnerCount ?? 1) === 1) found.add('personal_guidance_meeting');
    found.add('specialist_careers_advice');
  }
  if (encounter.format === 'group_guidance' && specialistAdviser) found.add('specialist_careers_advice');
  // Out-of-hours events such as parents' evenings never count for provider access, however good.
  if (
    educationTypes.length &&
    encounter.duringSchoolDay &&
    encounter.organisations.some(offersTechnicalEducation)
  ) {
    found.add('pal_provider_encounter');
  }

  return { categories: ENCOUNTER_CATEGORIES.filter((category) => found.has(category)), educationTypes };
}

function offersTechnicalEducation(organisation: EncounterOrganisationFacts): boolean {
  return (
    organisation.offersTechnicalEducation === true ||
    (TECHNICAL_EDUCATION_ORGANISATION_TYPES as readonly OrganisationType[]).includes(organisation.type)
  );
}

/**
 * R-M-2: the benchmark whose checklist decides whether an encounter in this category is meaningful; null
 * where meaningfulness does not apply (guidance, provider access).
 */
export function meaningfulBenchmarkFor(category: EncounterCategory): MeaningfulBenchmark | null {
  switch (category) {
    case 'employer_encounter':
      return 'B5';
    case 'workplace_experience':
      return 'B6';
    case 'education_provider_encounter':
    case 'he_visit':
      return 'B7';
    default:
      return null;
  }
}

/**
 * The checklist items an encounter of these categories may carry. The four core items are always allowed,
 * because every encounter is logged with them; the B6 and B7 extras only when the encounter is a workplace
 * experience or an education-provider encounter. R-WEX-1: an employer encounter of a format of
 * `EMPLOYER_TASK_FORMATS` (an enterprise challenge, a workshop, mentoring) may also carry `taskSet`, which
 * gives it work-experience hours and nothing towards B5's meaning; pass the format to allow it.
 */
export function allowedChecklistItems(
  categories: readonly EncounterCategory[],
  format?: EncounterFormat,
): MeaningfulChecklistItem[] {
  const allowed = new Set<MeaningfulChecklistItem>(CORE_CHECKLIST_ITEMS);
  for (const category of categories) {
    const benchmark = meaningfulBenchmarkFor(category);
    if (!benchmark) continue;
    for (const item of REQUIRED_CHECKLIST_ITEMS[benchmark]) allowed.add(item);
    for (const item of RECORDED_ONLY_CHECKLIST_ITEMS[benchmark]) allowed.add(item);
  }
  if (categories.includes('employer_encounter') && takesEmployerTask(format)) allowed.add('taskSet');
  return [...allowed];
}

/** R-WEX-1: whether an employer encounter of this format may record a task set by the employer. */
export function takesEmployerTask(format: EncounterFormat | undefined): boolean {
  return (EMPLOYER_TASK_FORMATS as readonly (EncounterFormat | undefined)[]).includes(format);
}

/**
 * Ticked items that do not belong to the encounter's categories, for the API to refuse. An item sent as
 * false is ignored: it claims nothing.
 */
export function checklistItemsOutsideCategories(
  checklist: MeaningfulChecklist,
  categories: readonly EncounterCategory[],
  format?: EncounterFormat,
): MeaningfulChecklistItem[] {
  const allowed = new Set(allowedChecklistItems(categories, format));
  return (Object.keys(checklist) as MeaningfulChecklistItem[]).filter(
    (item) => checklist[item] === true && !allowed.has(item),
  );
}
