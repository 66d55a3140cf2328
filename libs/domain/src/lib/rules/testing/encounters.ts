import { IsoDate } from '../../calendar';
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
import { GuidanceMeetingRecord, LearnerAttendance } from '../learner-record';

// Builders for what a learner attended in the rules specs: each spec states only what its scenario is about.

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

/** Guidance from the careers service, by an adviser of `adviserLevel`. */
const guidance =
  (format: 'guidance_meeting' | 'group_guidance', defaults: AttendanceOptions = {}) =>
  (id: string, date: IsoDate, adviserLevel: number, options?: AttendanceOptions) =>
    attendance(id, date, format, ['careers_service'], { adviserLevel, ...defaults, ...options });

/** A one-to-one guidance meeting logged as an encounter. */
export const guidanceEncounter = guidance('guidance_meeting', { attendedLearnerCount: 1 });

export const groupGuidance = guidance('group_guidance');

/** A placement (R-WEX-2) over `days` days with an employer. */
export const placement = (id: string, date: IsoDate, days: number, options?: AttendanceOptions) =>
  attendance(id, date, 'work_experience', ['employer'], { days, ...options });

/** An employer workshop with a task set (R-WEX-1): a KS3 activity with hours. */
export const employerWorkshop = (id: string, date: IsoDate, hours: number, options?: AttendanceOptions) =>
  attendance(id, date, 'workshop', ['employer'], { hours, ...options });

export function meeting(id: string, date: IsoDate, adviserLevel: number | null = 6): GuidanceMeetingRecord {
  return { id, date, adviserLevel };
}
