import type { AcademyPhase } from '../contracts/academy';
import type { OrganisationSizeBand } from '../contracts/organisation';
import type { AcademyEvaluationType } from '../rules/learner-record';

/** How each phase of education of an academy is named on screen. */
export const ACADEMY_PHASE_LABELS: Readonly<Record<AcademyPhase, string>> = {
  primary: 'Primary',
  first: 'First school',
  middle: 'Middle school',
  secondary: 'Secondary',
  sixth_form: 'Sixth form',
  all_through: 'All-through',
  special: 'Special school',
};

/** R-V-1: how an academy's evaluation type is named on screen. */
export const ACADEMY_EVALUATION_TYPE_LABELS: Readonly<Record<AcademyEvaluationType, string>> = {
  school: 'School',
  post16: 'Sixth-form college (post-16)',
};

/** How each size band of an organisation is named on screen. */
export const SIZE_BAND_LABELS: Readonly<Record<OrganisationSizeBand, string>> = {
  micro: 'Micro (fewer than 10 people)',
  small: 'Small (10 to 49)',
  medium: 'Medium (50 to 249)',
  large: 'Large (250 or more)',
};
