import type { EncounterCategory } from '../taxonomy/encounter-category';
import type { DeliveryMode, EncounterFormat } from '../taxonomy/encounter-format';
import type { MeaningfulChecklistItem } from '../taxonomy/meaningful-checklist';

/** How each format is named on screen, in the words a careers lead uses. */
export const ENCOUNTER_FORMAT_LABELS: Readonly<Record<EncounterFormat, string>> = {
  talk: 'Talk',
  workshop: 'Workshop',
  careers_fair: 'Careers fair',
  mentoring: 'Mentoring',
  mock_interview: 'Mock interview',
  enterprise_challenge: 'Enterprise challenge',
  workplace_visit: 'Workplace visit',
  job_shadowing: 'Job shadowing',
  work_experience: 'Work experience',
  provider_visit: 'Visit to a college, sixth form, training provider or university',
  provider_talk: 'Talk by a college, sixth form, training provider or university',
  taster_session: 'Taster session',
  guidance_meeting: 'Personal guidance meeting',
  group_guidance: 'Group guidance',
  other: 'Other',
};

export const DELIVERY_MODE_LABELS: Readonly<Record<DeliveryMode, string>> = {
  in_person: 'In person',
  virtual: 'Virtual',
  mixed: 'Mixed (in person and virtual)',
};

/** The meaningful checklist (2024 definitions) in plain English. */
export const CHECKLIST_ITEM_LABELS: Readonly<Record<MeaningfulChecklistItem, string>> = {
  purposeShared: 'The purpose was shared with the organisation and the learners beforehand',
  learningOutcomes: 'Learning outcomes were set',
  twoWayInteraction: 'Learners talked with the visitors, not just listened',
  reflection: 'Learners had time to reflect afterwards',
  rangeOfPeople: 'Learners met a range of people from the workplace',
  taskSet: 'Learners did a task set by the employer, or produced a piece of work',
  employerFeedback: 'The employer gave learners feedback',
  providerInformation:
    'The provider explained how to get in, the qualifications it offers and the careers they lead to',
  whatLearningIsLike: 'Learners heard what learning there is like',
  metStaffAndLearners: 'Learners met both staff and current learners (recorded, not required)',
};

/** Short names of the categories an encounter counts as, for lists where the full nouns would crowd. */
export const CATEGORY_TAGS: Readonly<Record<EncounterCategory, string>> = {
  employer_encounter: 'Employer (B5)',
  workplace_experience: 'Workplace (B6)',
  education_provider_encounter: 'Provider (B7)',
  he_visit: 'HE visit',
  personal_guidance_meeting: 'Guidance (B8)',
  specialist_careers_advice: 'Specialist advice',
  pal_provider_encounter: 'Provider access',
};
