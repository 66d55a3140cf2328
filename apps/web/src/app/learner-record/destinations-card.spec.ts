import { TestBed } from '@angular/core/testing';
import { LearnerDestinations, RULE_IDS, RuleStatuses } from '@encounters/domain';

import { settle } from '../testing/page-test';
import { DestinationsCard } from './destinations-card';

const statuses = Object.fromEntries(
  RULE_IDS.map((rule) => [rule, rule === 'DEST_16' ? 'met' : 'not_applicable']),
) as RuleStatuses;

const intended: LearnerDestinations['intended'][number] = {
  id: 'd1',
  learnerId: 'l1',
  academicYear: 2025,
  category: 'apprenticeship',
  providerName: 'Kilnworks Ceramics',
  organisationId: null,
  organisation: null,
  status: 'accepted',
  statusHistory: [
    { status: 'applied', on: '2025-11-04' },
    { status: 'accepted', on: '2026-02-10' },
  ],
  confirmedOn: '2026-02-10',
  updatedAt: '2026-02-10T09:00:00.000Z',
};

async function render(destinations: LearnerDestinations): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(DestinationsCard);
  fixture.componentRef.setInput('destinations', destinations);
  fixture.componentRef.setInput('statuses', statuses);
  fixture.componentRef.setInput('academicYear', 2025);
  await settle(fixture);
  return fixture.nativeElement as HTMLElement;
}

describe(DestinationsCard.name, () => {
  it('R-DEST-1: shows the destination, its dated changes, the notes and the NEET-risk mark when answered', async () => {
    const element = await render({
      intended: [{ ...intended, notes: 'Interview went well' }],
      neetRisk: { reason: 'Low attendance', support: 'Weekly mentor', reviewOn: '2026-03-01', markedAt: '' },
      actual: [],
      consentToFollowUp: null,
    });
    const text = element.textContent ?? '';
    expect(text).toContain('2025/26: Apprenticeship');
    expect(text).toContain('Kilnworks Ceramics');
    expect([...element.querySelectorAll('.history li')].map((li) => li.textContent?.trim())).toEqual([
      'Applied on 4 Nov 2025',
      'Accepted on 10 Feb 2026',
    ]);
    expect(text).toContain('Interview went well');
    expect(text).toContain('Low attendance');
    expect(element.querySelector('enc-status-chip')).not.toBeNull();
  });

  it('R-DEST-3: a teacher’s answer carries no notes and no NEET risk, and the card shows none', async () => {
    const element = await render({ intended: [intended], actual: [], consentToFollowUp: null });
    expect(element.querySelector('.notes')).toBeNull();
    expect(element.querySelector('.neet')).toBeNull();
  });

  it('R-DEST-4: after leaving, the activity on 1 October of each year followed up', async () => {
    const element = await render({
      intended: [],
      actual: [
        {
          anniversary: 1,
          on: '2026-10-01',
          category: 'further_education',
          provider: 'Stoke College',
          source: 'local_authority',
          recordedAt: '',
        },
      ],
      consentToFollowUp: false,
    });
    const text = element.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(
      '1 October 2026: Further-education college (Stoke College) · source: the local authority',
    );
    expect(text).toContain('Does not wish to be followed up after 16.');
  });

  it('says so when nothing is recorded', async () => {
    const element = await render({ intended: [], actual: [], consentToFollowUp: null });
    expect(element.textContent).toContain('No destination recorded yet.');
  });
});
