import type { AcademyPhase } from '../contracts/academy';
import type { OrganisationSizeBand } from '../contracts/organisation';

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

/** How each size band of an organisation is named on screen. */
export const SIZE_BAND_LABELS: Readonly<Record<OrganisationSizeBand, string>> = {
  micro: 'Micro (fewer than 10 people)',
  small: 'Small (10 to 49)',
  medium: 'Medium (50 to 249)',
  large: 'Large (250 or more)',
};
