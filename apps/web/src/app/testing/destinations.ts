// Destinations as the API answers them, for the component tests (only specs import this folder).
import { DestinationRegister, DestinationRegisterRow, IntendedDestinationResponse } from '@encounters/domain';

import { currentUser } from './users';

export const ACADEMY_ID = '0b7e3a54-3a7e-4e44-a3f5-0d7f4f0e9c21';
export const GROUP_ID = '4f1d2a7e-2c3b-4b6a-8f9e-0a1b2c3d4e5f';

export const careersLead = currentUser('Priya Shah', ['careers_lead'], {
  academies: [{ id: ACADEMY_ID, name: 'Kilnside Academy', urn: '100001' }],
});

export const teacher = currentUser('Morgan Tutor', ['teacher'], {
  id: '98b18e53-6c59-4e32-8230-54b7e5ec476d',
  academies: [{ id: ACADEMY_ID, name: 'Kilnside Academy', urn: '100001' }],
  groupIds: [GROUP_ID],
});

/** A destination of a learner of Year 11 in 2025, changed by `overrides`. */
export function destination(
  learnerId: string,
  overrides: Partial<IntendedDestinationResponse> = {},
): IntendedDestinationResponse {
  return {
    id: `destination-${learnerId}`,
    learnerId,
    academicYear: 2025,
    category: 'further_education',
    providerName: 'Kilnside College',
    organisationId: null,
    organisation: null,
    status: 'applied',
    statusHistory: [
      { status: 'considering', on: '2025-10-02' },
      { status: 'applied', on: '2026-01-15' },
    ],
    confirmedOn: null,
    updatedAt: '2026-01-15T10:00:00Z',
    ...overrides,
  };
}

/** A learner of 11A on the register, with `destination` (none unless given). */
export function registerRow(
  name: string,
  overrides: Partial<DestinationRegisterRow> = {},
): DestinationRegisterRow {
  const learnerId = `learner-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    learnerId,
    academicYear: 2025,
    upn: `UPN-${name.split(' ')[0].toUpperCase()}`,
    name,
    yearGroup: 11,
    group: { id: GROUP_ID, name: '11A' },
    academyId: ACADEMY_ID,
    destination: null,
    rule: 'DEST_16',
    ruleStatus: 'on_track',
    ...overrides,
  };
}

/** One page holding `items`, with a summary. */
export function registerPage(
  items: DestinationRegisterRow[],
  summary: DestinationRegister['summary'] = {
    learners: items.length,
    recorded: items.filter((item) => item.destination).length,
    confirmed: 0,
  },
): DestinationRegister {
  return { items, total: items.length, page: 1, pageSize: 50, summary };
}
