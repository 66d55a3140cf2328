import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import {
  academicYearOf,
  addDays,
  NeetRiskEntry,
  NeetRiskList as NeetRiskAnswer,
  todayIsoDate,
} from '@encounters/domain';

import { ACADEMY_ID, careersLead, GROUP_ID } from '../testing/destinations';
import { find, routedPageProviders, settle as settleFixture } from '../testing/page-test';
import { NeetRiskList } from './neet-risk-list';

const today = todayIsoDate();

function entry(name: string, overrides: Partial<NeetRiskEntry> = {}): NeetRiskEntry {
  return {
    learnerId: `learner-${name.split(' ')[0].toLowerCase()}`,
    upn: `UPN-${name.split(' ')[0].toUpperCase()}`,
    name,
    yearGroup: 11,
    group: { id: GROUP_ID, name: '11A' },
    academyId: ACADEMY_ID,
    marked: null,
    automatic: null,
    reviewDue: false,
    ...overrides,
  };
}

function marked(reviewOn: string, reason = 'No applications yet') {
  return {
    reason,
    support: 'Weekly meeting with the careers adviser',
    reviewOn,
    markedBy: 'Priya Shah',
    markedAt: '2026-01-10T09:00:00Z',
  };
}

const overdue = entry('Ada Okafor', {
  marked: marked(addDays(today, -3)),
  automatic: { rule: 'DEST_16', status: 'missed' },
  reviewDue: true,
});
const dueToday = entry('Ben Hughes', {
  marked: marked(today, 'Left sixth-form application late'),
  reviewDue: true,
});
const flagged = entry('Cai Cole', { automatic: { rule: 'DEST_16', status: 'at_risk' } });
const later = entry('Dee Dunn', {
  marked: marked(addDays(today, 20), 'Unsure about college'),
  yearGroup: 13,
});

describe(NeetRiskList.name, () => {
  let fixture: ComponentFixture<NeetRiskList>;
  let httpTesting: HttpTestingController;

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    httpTesting.verify();
  });

  const settle = () => settleFixture(fixture);
  const page = () => fixture.nativeElement as HTMLElement;

  function one(url: string): TestRequest {
    const [request] = httpTesting.match((candidate) => candidate.url === url);
    if (!request) throw new Error(`No request to ${url}`);
    return request;
  }

  function answer(items: NeetRiskEntry[]): NeetRiskAnswer {
    return { academicYear: 2025, items };
  }

  async function open(items = [overdue, dueToday, flagged, later]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        routedPageProviders([], careersLead),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NeetRiskList);
    await settle();
    const request = one('/api/destinations/neet-risk');
    expect(request.request.params.get('academyId')).toBe(ACADEMY_ID);
    expect(request.request.params.has('reviewDue')).toBe(false);
    request.flush(answer(items));
    await settle();
    return page();
  }

  const rowOf = (learnerId: string) => find(page(), `tr[data-learner-id="${learnerId}"]`);
  const cells = (learnerId: string) =>
    [...rowOf(learnerId).querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
  const reasons = (learnerId: string) =>
    [...rowOf(learnerId).querySelectorAll('.reasons li')].map((item) => item.textContent?.trim());
  const overlay = () => find(document.body, '.cdk-overlay-container');

  it('says why each learner is flagged, the support agreed, and which reviews are overdue, in words', async () => {
    await open();

    expect(find(page(), '[data-testid="neet-risk-summary"]').textContent?.trim()).toBe(
      '4 learners at NEET risk · 2 with a review due',
    );
    const [year, group, , support, review] = cells(overdue.learnerId);
    expect([year, group, support]).toEqual(['Year 11', '11A', 'Weekly meeting with the careers adviser']);
    expect(reasons(overdue.learnerId)).toEqual([
      'Destination after Y11: missed',
      'Marked: No applications yet',
    ]);
    expect(review).toContain('Review overdue');
    expect(rowOf(overdue.learnerId).querySelector('td.overdue')).not.toBeNull();

    expect(cells(dueToday.learnerId)[4]).toContain('Review due today');
    expect(reasons(flagged.learnerId)).toEqual(['Destination after Y11: at risk']);
    expect(cells(flagged.learnerId)[4]).toBe('');
    expect(rowOf(later.learnerId).querySelector('.overdue')).toBeNull();
    expect(rowOf(later.learnerId).querySelector('[data-testid="review-due"]')).toBeNull();
  });

  it('asks for the reviews due only when "Reviews due" is on', async () => {
    await open();
    find<HTMLButtonElement>(page(), 'mat-slide-toggle button').click();
    await settle();

    const request = one('/api/destinations/neet-risk');
    expect(request.request.params.get('reviewDue')).toBe('true');
    request.flush(answer([overdue, dueToday]));
    await settle();
    expect(find(page(), '[data-testid="neet-risk-summary"]').textContent?.trim()).toBe(
      '2 learners with a review due',
    );
  });

  it('marks a flagged learner with a reason, the support and a review date', async () => {
    await open();
    find<HTMLButtonElement>(
      rowOf(flagged.learnerId),
      'button[aria-label="Mark at NEET risk: Cai Cole"]',
    ).click();
    await settle();

    const dialog = find(overlay(), 'mat-dialog-container');
    const [reason, support] = [...dialog.querySelectorAll('textarea')];
    reason.value = 'Has not applied anywhere';
    reason.dispatchEvent(new Event('input'));
    support.value = 'Adviser meeting every fortnight';
    support.dispatchEvent(new Event('input'));
    const reviewOn = find<HTMLInputElement>(dialog, 'input[type="date"]');
    reviewOn.value = '2026-03-02';
    reviewOn.dispatchEvent(new Event('input'));
    find<HTMLButtonElement>(dialog, 'button[type="submit"]').click();
    await settle();

    const put = one('/api/destinations/neet-risk');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      learnerId: flagged.learnerId,
      reason: 'Has not applied anywhere',
      support: 'Adviser meeting every fortnight',
      reviewOn: '2026-03-02',
      academicYear: academicYearOf(today),
    });
    put.flush({});
    await settle();
    one('/api/destinations/neet-risk').flush(answer([overdue, dueToday, flagged, later]));
    await settle();
    expect(document.body.textContent).toContain('NEET-risk mark saved for Cai Cole.');
  });

  it('clears a mark only once confirmed', async () => {
    await open();
    find<HTMLButtonElement>(
      rowOf(later.learnerId),
      'button[aria-label="Clear the NEET-risk mark of Dee Dunn"]',
    ).click();
    await settle();

    const confirm = find(overlay(), 'mat-dialog-container');
    expect(confirm.textContent).toContain('Clear the NEET-risk mark?');
    const go = [...confirm.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Clear the mark',
    );
    go?.click();
    await settle();

    const remove = one(`/api/destinations/neet-risk?learnerId=${later.learnerId}`);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null);
    await settle();
    one('/api/destinations/neet-risk').flush(answer([overdue, dueToday, flagged]));
    await settle();
    expect(page().querySelector(`tr[data-learner-id="${later.learnerId}"]`)).toBeNull();
  });
});
