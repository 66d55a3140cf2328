// A learner as `GET /api/learners` lists them, for the component tests (only specs import this folder).
import { LearnerListItem } from '@encounters/domain';

/** Ada Okafor (legal forename Adaeze), Year 10 in class 10A of the 2025 academic year, changed by `overrides`. */
export function learnerListItem(overrides: Partial<LearnerListItem> = {}): LearnerListItem {
  return {
    id: '9d5a1c1e-6b0e-4b8a-9a57-1f6a0d3e2c10',
    upn: 'A123456789012',
    legalSurname: 'Okafor',
    legalForename: 'Adaeze',
    preferredSurname: null,
    preferredForename: 'Ada',
    name: 'Ada Okafor',
    academyId: '0b7e3a54-3a7e-4e44-a3f5-0d7f4f0e9c21',
    academicYear: 2025,
    yearGroup: 10,
    group: { id: '4f1d2a7e-2c3b-4b6a-8f9e-0a1b2c3d4e5f', name: '10A' },
    ...overrides,
  };
}
