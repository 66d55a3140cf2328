/**
 * The fields a roster import reads, and the MIS headers accepted for each (product brief, "Roster import").
 * SIMS, Arbor, Bromcom, Wonde, Groupcall/Assembly and the DfE's common basic data set (CBDS, as used in
 * common transfer files) name the same column differently, hence the aliases.
 */

export const REQUIRED_ROSTER_FIELDS = [
  'upn',
  'legalSurname',
  'legalForename',
  'dateOfBirth',
  'yearGroup',
] as const;

/**
 * Optional because not every MIS export carries them. A column that is absent leaves the field as it was
 * held; a learner the trust does not hold yet takes the default: no preferred name, gender not recorded,
 * no registration group, flag not set (false), SEN status N, dates unknown.
 */
export const OPTIONAL_ROSTER_FIELDS = [
  'preferredSurname',
  'preferredForename',
  'gender',
  'registrationGroup',
  'pupilPremium',
  'freeSchoolMeals',
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

export function isRosterField(value: unknown): value is RosterField {
  return typeof value === 'string' && (ROSTER_FIELDS as readonly string[]).includes(value);
}

/**
 * Accepted headers; matching ignores case, spaces, dots, hyphens and underscores, so "LEGAL_FIRST_NAME",
 * "legal_first_name" and "Legal First Name" are one spelling. The field's own name ("legalSurname") is
 * always accepted too, so a file written from the JSON field names reads as well.
 */
export const ROSTER_HEADER_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  upn: ['upn', 'unique pupil number', 'pupil upn', 'student upn', 'upn number'],
  legalSurname: ['legal surname', 'legal last name', 'legal family name'],
  legalForename: ['legal forename', 'legal first name', 'legal given name', 'legal forenames'],
  preferredSurname: [
    'preferred surname',
    'preferred last name',
    'preferred family name',
    'chosen surname',
    'chosen last name',
    'known as surname',
  ],
  preferredForename: [
    'preferred forename',
    'preferred first name',
    'preferred name',
    'chosen forename',
    'chosen first name',
    'chosen name',
    'known as',
    'known as forename',
    'known as first name',
  ],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'birthdate'],
  gender: ['gender', 'sex', 'legal sex', 'gender code'],
  yearGroup: [
    'year',
    'year group',
    'nc year',
    'ncyear',
    'year code',
    'current nc year',
    'nc year actual',
    'national curriculum year',
    'curriculum year',
    'year taught in',
  ],
  registrationGroup: [
    'reg group',
    'registration group',
    'form',
    'tutor group',
    'registration form',
    'reg form',
    'form group',
    'registration class',
    'reg',
  ],
  pupilPremium: [
    'pupil premium',
    'pp',
    'is pp',
    'premium pupil indicator',
    'pupil premium indicator',
    'pupil premium eligible',
    'pp eligible',
    'disadvantaged',
  ],
  freeSchoolMeals: [
    'fsm',
    'fsm eligible',
    'fsm eligibility',
    'is fsm',
    'free school meals',
    'free school meal eligibility',
    'free school meals eligible',
    'eligible for fsm',
    'fsm6',
    'ever fsm 6',
    'fsm ever 6',
    'ever 6 fsm',
  ],
  senStatus: ['sen status', 'sen', 'sen category', 'sen provision', 'send status', 'sen stage', 'sen code'],
  eal: ['eal', 'is eal', 'english as additional language', 'eal status'],
  lookedAfter: [
    'looked after',
    'in care',
    'in lea care',
    'in la care',
    'cla',
    'child looked after',
    'looked after child',
    'lac',
  ],
  consideringHigherEducation: ['considering he', 'he intent'],
  admissionDate: ['admission date', 'start date', 'date of admission', 'entry date', 'date of entry'],
  leavingDate: ['leaving date', 'end date', 'date of leaving', 'leave date'],
};

/**
 * Bare name headers. Their meaning depends on the file (Groupcall's `first_name` beside `legal_first_name`,
 * Wonde's `forename` beside `legal_forename`): with a legal-name column for the same part of the name they
 * are the preferred name; without one they are the legal name.
 */
export const BARE_NAME_HEADER_ALIASES = {
  surname: ['surname', 'last name', 'family name', 'lastname'],
  forename: ['forename', 'first name', 'given name', 'forenames'],
} as const;

/** How each field is named to a careers lead in messages and the preview. */
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
  freeSchoolMeals: 'free school meals',
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
