import { AcademicYear, IsoDate } from '../../calendar';
import {
  AttendanceStatus,
  DeliveryMode,
  EncounterFacts,
  EncounterFormat,
  MEANINGFUL_CHECKLIST_ITEMS,
  MeaningfulChecklist,
  OrganisationType,
  Sector,
  deriveEncounterCategories,
} from '../../taxonomy';
import { evaluateLearner } from '../evaluate-learner';
import { GuidanceMeetingRecord, LearnerAttendance, LearnerEnrolment, LearnerRecord } from '../learner-record';
import { Policy, PolicyLookup, defaultPolicy } from '../policy';
import { RuleResults } from '../rule';

// Builders for the rules specs: each spec states only what its scenario is about.

export const EVERY_ITEM_TICKED: MeaningfulChecklist = Object.fromEntries(
  MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, true]),
);

export const CORE_ITEMS_ONLY: MeaningfulChecklist = {
  purposeShared: true,
  learningOutcomes: true,
  twoWayInteraction: true,
  reflection: true,
};

export const NOTHING_TICKED: MeaningfulChecklist = {};

export function enrolment(
  academicYear: AcademicYear,
  yearGroup: number,
  overrides: Partial<LearnerEnrolment> = {},
): LearnerEnrolment {
  return {
    academicYear,
    yearGroup,
    academyId: 'academy-a',
    groupId: null,
    consideringHigherEducation: false,
    admissionDate: null,
    leavingDate: null,
    pupilPremium: false,
    senStatus: 'N',
    eal: false,
    lookedAfter: false,
    gender: 'F',
    ...overrides,
  };
}

export interface AttendanceOptions {
  status?: AttendanceStatus;
  meaningful?: MeaningfulChecklist;
  meaningfulOverride?: boolean | null;
  duringSchoolDay?: boolean;
  adviserLevel?: number | null;
  attendedLearnerCount?: number;
  offersTechnicalEducation?: boolean;
  sectors?: Sector[];
  delivery?: DeliveryMode;
  durationMinutes?: number;
  days?: number | null;
  hours?: number | null;
  curriculumLinked?: boolean;
}

export function attendance(
  encounterId: string,
  date: IsoDate,
  format: EncounterFormat,
  organisationTypes: readonly OrganisationType[],
  options: AttendanceOptions = {},
): LearnerAttendance {
  const facts: EncounterFacts = {
    format,
    duringSchoolDay: options.duringSchoolDay ?? true,
    adviserLevel: options.adviserLevel ?? null,
    attendedLearnerCount: options.attendedLearnerCount,
    organisations: organisationTypes.map((type) => ({
      type,
      offersTechnicalEducation: options.offersTechnicalEducation,
    })),
  };
  const { categories, educationTypes } = deriveEncounterCategories(facts);
  return {
    encounterId,
    date,
    status: options.status ?? 'attended',
    categories,
    educationTypes,
    meaningful: options.meaningful ?? EVERY_ITEM_TICKED,
    meaningfulOverride: options.meaningfulOverride ?? null,
    sectors: options.sectors,
    format,
    delivery: options.delivery ?? 'in_person',
    durationMinutes: options.durationMinutes ?? 60,
    days: options.days ?? null,
    hours: options.hours ?? null,
    curriculumLinked: options.curriculumLinked ?? false,
  };
}

export const employerTalk = (id: string, date: IsoDate, options?: AttendanceOptions) =>
  attendance(id, date, 'talk', ['employer'], options);

export const workplaceVisit = (id: string, date: IsoDate, options?: AttendanceOptions) =>
  attendance(id, date, 'workplace_visit', ['employer'], options);

export const providerTalk = (
  id: string,
  date: IsoDate,
  types: readonly OrganisationType[],
  options?: AttendanceOptions,
) => attendance(id, date, 'provider_talk', types, options);

export const universityVisit = (id: string, date: IsoDate, options?: AttendanceOptions) =>
  attendance(id, date, 'provider_visit', ['higher_education'], options);

/** A further-education college in school hours: the plainest provider access encounter. */
export const collegeTalk = (id: string, date: IsoDate, options?: AttendanceOptions) =>
  attendance(id, date, 'provider_talk', ['further_education'], options);

export const guidanceEncounter = (
  id: string,
  date: IsoDate,
  adviserLevel: number,
  options?: AttendanceOptions,
) =>
  attendance(id, date, 'guidance_meeting', ['careers_service'], {
    adviserLevel,
    attendedLearnerCount: 1,
    ...options,
  });

export const groupGuidance = (id: string, date: IsoDate, adviserLevel: number, options?: AttendanceOptions) =>
  attendance(id, date, 'group_guidance', ['careers_service'], { adviserLevel, ...options });

/** A placement (R-WEX-2) over `days` days with an employer. */
export const placement = (id: string, date: IsoDate, days: number, options?: AttendanceOptions) =>
  attendance(id, date, 'work_experience', ['employer'], { days, ...options });

/** An employer workshop with a task set (R-WEX-1): a KS3 activity with hours. */
export const employerWorkshop = (id: string, date: IsoDate, hours: number, options?: AttendanceOptions) =>
  attendance(id, date, 'workshop', ['employer'], { hours, ...options });

export function meeting(id: string, date: IsoDate, adviserLevel: number | null = 6): GuidanceMeetingRecord {
  return { id, date, adviserLevel };
}

export function learner(parts: Partial<LearnerRecord> & Pick<LearnerRecord, 'enrolments'>): LearnerRecord {
  return { learnerId: 'learner-1', dateOfBirth: null, attendances: [], guidanceMeetings: [], ...parts };
}

/** Every year's default policy with the same changes applied. */
export function policyWith(overrides: Partial<Policy> = {}): PolicyLookup {
  return (academicYear) => ({ ...defaultPolicy(academicYear), ...overrides });
}

export function evaluate(
  record: LearnerRecord,
  academicYear: AcademicYear,
  asAt: IsoDate,
  policyFor: PolicyLookup = defaultPolicy,
): RuleResults {
  return evaluateLearner({ learner: record, academicYear, asAt, policyFor }).results;
}
