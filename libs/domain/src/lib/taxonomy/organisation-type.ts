export const ORGANISATION_TYPES = [
  'employer',
  'higher_education',
  'further_education',
  'sixth_form',
  'independent_training_provider',
  'utc_or_studio_school',
  'careers_service',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** R-C-3: the types whose encounters count as education-provider encounters (B7). */
export const EDUCATION_ORGANISATION_TYPES = [
  'higher_education',
  'further_education',
  'sixth_form',
  'independent_training_provider',
  'utc_or_studio_school',
] as const satisfies readonly OrganisationType[];
export type EducationOrganisationType = (typeof EDUCATION_ORGANISATION_TYPES)[number];

/** R-C-7: the types that offer approved technical education or apprenticeships by their nature. */
export const TECHNICAL_EDUCATION_ORGANISATION_TYPES = [
  'further_education',
  'independent_training_provider',
  'utc_or_studio_school',
] as const satisfies readonly EducationOrganisationType[];

export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationType, string>> = {
  employer: 'Employer',
  higher_education: 'Higher education',
  further_education: 'Further education',
  sixth_form: 'Sixth form',
  independent_training_provider: 'Independent training provider',
  utc_or_studio_school: 'UTC or studio school',
  careers_service: 'Careers service',
  other: 'Other',
};

export function isOrganisationType(value: unknown): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly unknown[]).includes(value);
}

export function isEducationOrganisationType(value: unknown): value is EducationOrganisationType {
  return (EDUCATION_ORGANISATION_TYPES as readonly unknown[]).includes(value);
}
