/**
 * The fields a roster import reads, and the MIS headers accepted for each (product brief, "Roster import").
 * SIMS, Arbor, Bromcom and Wonde / Groupcall name the same column differently, hence the aliases.
 */

export const REQUIRED_ROSTER_FIELDS = [
  'upn',
  'legalSurname',
  'legalForename',
  'dateOfBirth',
  'yearGroup',
] as const;

/**
 * Optional because not every MIS export carries them and a blank is meaningful for each: no preferred
 * name, gender not recorded, no registration group, flag not set (false), SEN status N, dates unknown.
 */
export const OPTIONAL_ROSTER_FIELDS = [
  'preferredSurname',
  'preferredForename',
  'gender',
  'registrationGroup',
  'pupilPremium',
  'senStatus',
  'eal',
  'lookedAfter',
  'consideringHigherEducation',
  'admissionDate',
  'leavingDate',
] as const;

export type RequiredRosterField = (typeof REQUIRED_ROSTER_FIELDS)[number];
export type OptionalRosterField = (typeof OPTIONAL_ROSTER_FIELDS)[number];
export type RosterField = RequiredRosterField | OptionalRosterField;

export const ROSTER_FIELDS: readonly RosterField[] = [...REQUIRED_ROSTER_FIELDS, ...OPTIONAL_ROSTER_FIELDS];

/** Accepted headers, written as in the product brief; matching ignores case, spaces, dots, hyphens and underscores. */
export const ROSTER_HEADER_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  upn: ['upn'],
  legalSurname: ['legal surname', 'surname', 'last name', 'family name'],
  legalForename: ['legal forename', 'forename', 'first name', 'given name'],
  preferredSurname: ['preferred surname'],
  preferredForename: ['preferred forename', 'known as'],
  dateOfBirth: ['date of birth', 'dob', 'birth date'],
  gender: ['gender', 'sex'],
  yearGroup: ['year', 'year group', 'nc year', 'ncyear', 'year code', 'current nc year'],
  registrationGroup: ['reg group', 'registration group', 'form', 'tutor group'],
  pupilPremium: ['pupil premium', 'pp', 'is pp', 'premium pupil indicator', 'disadvantaged'],
  senStatus: ['sen status', 'sen', 'sen category', 'sen provision'],
  eal: ['eal', 'is eal', 'english as additional language'],
  lookedAfter: ['looked after', 'in care', 'in lea care', 'cla'],
  consideringHigherEducation: ['considering he', 'he intent'],
  admissionDate: ['admission date', 'start date'],
  leavingDate: ['leaving date', 'end date'],
};

/** How each field is named to a careers lead in error messages. */
export const ROSTER_FIELD_LABELS: Readonly<Record<RosterField, string>> = {
  upn: 'UPN',
  legalSurname: 'legal surname',
  legalForename: 'legal forename',
  preferredSurname: 'preferred surname',
  preferredForename: 'preferred forename',
  dateOfBirth: 'date of birth',
  gender: 'gender',
  yearGroup: 'year group',
  registrationGroup: 'registration group',
  pupilPremium: 'pupil premium',
  senStatus: 'SEN status',
  eal: 'EAL',
  lookedAfter: 'looked after',
  consideringHigherEducation: 'considering HE',
  admissionDate: 'admission date',
  leavingDate: 'leaving date',
};

export function isRequiredRosterField(field: RosterField): field is RequiredRosterField {
  return (REQUIRED_ROSTER_FIELDS as readonly RosterField[]).includes(field);
}
