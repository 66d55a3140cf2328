import {
  ActualDestinationCategory,
  DestinationCategory,
  DestinationSource,
  DestinationStatus,
} from '../destinations';

export const DESTINATION_CATEGORY_LABELS: Readonly<Record<DestinationCategory, string>> = {
  school_sixth_form: 'School sixth form',
  sixth_form_college: 'Sixth-form college',
  further_education: 'Further-education college',
  apprenticeship: 'Apprenticeship',
  t_level: 'T Level',
  higher_education: 'Higher education',
  employment_with_training: 'Employment with training',
  employment: 'Employment',
  supported_internship: 'Supported internship',
  other: 'Other',
  not_known: 'Not known',
};

export const ACTUAL_DESTINATION_CATEGORY_LABELS: Readonly<Record<ActualDestinationCategory, string>> = {
  ...DESTINATION_CATEGORY_LABELS,
  neet: 'Not in education, employment or training',
};

export const DESTINATION_STATUS_LABELS: Readonly<Record<DestinationStatus, string>> = {
  considering: 'Considering',
  applied: 'Applied',
  offered: 'Offered',
  accepted: 'Accepted',
  enrolled: 'Enrolled',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const DESTINATION_SOURCE_LABELS: Readonly<Record<DestinationSource, string>> = {
  learner: 'The learner',
  local_authority: 'The local authority',
  provider: 'The provider',
};
