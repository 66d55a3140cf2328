import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import {
  academicYearOf,
  CurrentUserResponse,
  LeaverRow,
  LeaversCohort,
  todayIsoDate,
} from '@encounters/domain';

import { ACADEMY_ID, careersLead } from '../testing/destinations';
import { find, routedPageProviders, settle as settleFixture } from '../testing/page-test';
import { currentUser } from '../testing/users';
import { anniversaryCell, derivedCohorts, Leavers } from './leavers';

const LEFT_IN = 2023;

function leaver(name: string, overrides: Partial<LeaverRow> = {}): LeaverRow {
  return {
    learnerId: `learner-${name.split(' ')[0].toLowerCase()}`,
    upn: `UPN-${name.split(' ')[0].toUpperCase()}`,
    name,
    pseudonymised: false,
    yearGroup: 11,
    leftOn: '2024-07-19',
    consentToFollowUp: true,
    destinations: [],
    toFollowUp: [],
    ...overrides,
  };
}

const recorded = leaver('Ada Okafor', {
  destinations: [
    {
      anniversary: 1,
      on: '2024-10-01',
      category: 'further_education',
      provider: 'Kilnside College',
      source: 'learner',
      recordedAt: '2024-10-03T10:00:00Z',
    },
  ],
  toFollowUp: [2],
});
const notFollowed = leaver('Ben Hughes', { toFollowUp: [1, 2], consentToFollowUp: null });
const pseudonymised = leaver('', {
  learnerId: 'learner-gone',
  upn: null,
  pseudonymised: true,
  toFollowUp: [2],
});

const cohort: LeaversCohort = {
  academyId: ACADEMY_ID,
  leftIn: LEFT_IN,
  figures: [
    {
      anniversary: 1,
      on: '2024-10-01',
      leavers: 3,
      recorded: 1,
      inEet: 1,
      neet: 0,
      notKnown: 0,
      percentInEet: 33.3,
      gaps: { pupilPremium: -12.5, sen: null },
    },
  ],
  items: [recorded, notFollowed, pseudonymised],
};

describe(Leavers.name, () => {
  let fixture: ComponentFixture<Leavers>;
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

  async function open(user: CurrentUserResponse = careersLead): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        routedPageProviders([], user),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Leavers);
    await settle();
    if (user.roles.includes('trust_leader')) {
      one('/api/academies').flush([
        { id: ACADEMY_ID, name: 'Kilnside Academy', urn: '100001', phase: 'secondary' },
      ]);
      await settle();
    }
    one('/api/destinations/actual/cohorts').flush([
      { leftIn: LEFT_IN - 1, leavers: 150 },
      { leftIn: LEFT_IN, leavers: 3 },
    ]);
    await settle();
    const request = one('/api/destinations/actual');
    expect(request.request.params.get('academyId')).toBe(ACADEMY_ID);
    expect(request.request.params.get('leftIn')).toBe(String(LEFT_IN));
    request.flush(cohort);
    await settle();
    return page();
  }

  const cells = (learnerId: string) =>
    [...find(page(), `tr[data-learner-id="${learnerId}"]`).querySelectorAll('td')].map((cell) =>
      cell.textContent?.replace(/\s+/g, ' ').trim(),
    );

  it('marks each anniversary passed with nothing recorded "To follow up", beside what is recorded', async () => {
    await open();

    const [left, consent, first, second, third] = cells(recorded.learnerId);
    expect([left, consent]).toEqual(['19 Jul 2024', 'Yes']);
    expect(first).toBe('Further-education college Kilnside College');
    expect(second).toBe('To follow up');
    expect(third).toBe(anniversaryCell(recorded, LEFT_IN, 3).text);
    expect(cells(notFollowed.learnerId).slice(1, 4)).toEqual(['Not asked', 'To follow up', 'To follow up']);
    expect(find(page(), '[data-testid="leavers-summary"]').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '3 leavers · 3 to follow up',
    );
  });

  it('shows a pseudonymised leaver as such, with nothing to change', async () => {
    await open();

    const row = find(page(), `tr[data-learner-id="${pseudonymised.learnerId}"]`);
    expect(row.querySelector('th')?.textContent?.trim()).toBe('Pseudonymised leaver');
    expect(row.querySelector('button')).toBeNull();
    expect(
      find(page(), `tr[data-learner-id="${notFollowed.learnerId}"]`)
        .querySelector('button')
        ?.textContent?.trim(),
    ).toBe('Record');
  });

  it('shows the figures of each anniversary: the share in education, employment or training and the gaps', async () => {
    await open();

    const tile = find(page(), '.tile[data-anniversary="1"]');
    expect(tile.querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '1st anniversary · 1 Oct 2024',
    );
    expect(find(tile, '[data-testid="percent-in-eet"]').textContent).toBe('33.3%');
    const gaps = [...tile.querySelectorAll('.gaps dl div')].map((item) => [
      item.querySelector('dt')?.textContent?.trim(),
      item.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(gaps).toEqual([
      ['Pupil premium', '−12.5\u00a0pts'],
      ['SEN', '—'],
    ]);
  });

  it('records a leaver’s destination at the anniversary to follow up', async () => {
    await open();
    find<HTMLButtonElement>(page(), 'button[aria-label="Record the destination of Ben Hughes"]').click();
    await settle();

    const dialog = find(document.body, 'mat-dialog-container');
    expect(dialog.textContent).toContain('1st anniversary (1 Oct 2024)');
    const instance = fixture.debugElement.injector.get(MatDialog).openDialogs[0].componentInstance as {
      form: { patchValue(value: object): void };
    };
    instance.form.patchValue({ category: 'apprenticeship', provider: ' Etruria Works ', source: 'provider' });
    find<HTMLButtonElement>(dialog, 'button[type="submit"]').click();
    await settle();

    const put = one('/api/destinations/actual');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      learnerId: notFollowed.learnerId,
      anniversary: 1,
      category: 'apprenticeship',
      provider: 'Etruria Works',
      source: 'provider',
      consentToFollowUp: false,
    });
    put.flush({});
    await settle();
    one('/api/destinations/actual').flush(cohort);
    await settle();
  });

  it('offers a trust leader the figures without recording', async () => {
    await open(currentUser('Lee Trust', ['trust_leader']));
    expect(page().querySelector('button[aria-label^="Record"]')).toBeNull();
  });

  it('falls back to last year’s leavers when the academy’s cohorts cannot be listed', async () => {
    TestBed.configureTestingModule({ providers: routedPageProviders([], careersLead) });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Leavers);
    await settle();
    one('/api/destinations/actual/cohorts').flush(null, { status: 404, statusText: 'Not Found' });
    await settle();

    const lastYear = academicYearOf(todayIsoDate()) - 1;
    expect(derivedCohorts()[0].leftIn).toBe(lastYear);
    const request = one('/api/destinations/actual');
    expect(request.request.params.get('leftIn')).toBe(String(lastYear));
    request.flush({ ...cohort, leftIn: lastYear, items: [], figures: [] });
    await settle();
    expect(page().querySelector('enc-empty-state h2')?.textContent).toBe('No leavers in this cohort');
  });
});
