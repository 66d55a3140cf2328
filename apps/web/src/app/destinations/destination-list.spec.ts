import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { academicYearOf, CurrentUserResponse, GroupResponse, todayIsoDate } from '@encounters/domain';

import { DestinationList } from './destination-list';
import {
  ACADEMY_ID,
  careersLead,
  destination,
  GROUP_ID,
  registerPage,
  registerRow,
  teacher,
} from '../testing/destinations';
import { find, routedPageProviders, settle as settleFixture } from '../testing/page-test';

const thisYear = academicYearOf(todayIsoDate());

const group11A: GroupResponse = {
  id: GROUP_ID,
  academyId: ACADEMY_ID,
  academicYear: thisYear,
  name: '11A',
  kind: 'registration',
  yearGroup: 11,
  teacherIds: [teacher.id],
  learnerCount: 2,
};

const ada = registerRow('Ada Okafor', {
  destination: destination('learner-ada-okafor', { notes: 'Open evening on 3 March' }),
  neetRisk: false,
});
const ben = registerRow('Ben Hughes', { ruleStatus: 'at_risk', neetRisk: true });

describe(DestinationList.name, () => {
  let fixture: ComponentFixture<DestinationList>;
  let httpTesting: HttpTestingController;

  function render(user: CurrentUserResponse): HTMLElement {
    TestBed.configureTestingModule({
      providers: [
        routedPageProviders([], user),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DestinationList);
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    sessionStorage.clear();
    httpTesting.verify();
  });

  const settle = () => settleFixture(fixture);

  function one(url: string): TestRequest {
    const [request] = httpTesting.match((candidate) => candidate.url === url);
    if (!request) throw new Error(`No request to ${url}`);
    return request;
  }

  async function open(user: CurrentUserResponse, rows = [ada, ben]): Promise<HTMLElement> {
    const page = render(user);
    await settle();
    one('/api/groups').flush([group11A]);
    const register = one('/api/destinations');
    expect(register.request.params.get('academyId')).toBe(ACADEMY_ID);
    expect(register.request.params.get('academicYear')).toBe(String(thisYear));
    expect(register.request.params.get('yearGroup')).toBe('11');
    register.flush(
      registerPage(rows, {
        learners: 27,
        recorded: 18,
        confirmed: 12,
        ...(rows.some((row) => row.neetRisk !== undefined) ? { neetRisk: 3 } : {}),
      }),
    );
    await settle();
    return page;
  }

  const cellsOf = (page: HTMLElement, learnerId: string) =>
    [...find(page, `tr[data-learner-id="${learnerId}"]`).querySelectorAll('td')].map((cell) =>
      cell.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const headings = (page: HTMLElement) =>
    [...page.querySelectorAll('th[mat-header-cell]')].map((cell) => cell.textContent?.trim());
  const overlay = () => document.querySelector<HTMLElement>('.cdk-overlay-container');

  it('lists each learner with their destination, its status, the DEST rule and the NEET-risk flag, under the summary', async () => {
    const sut = await open(careersLead);

    expect(find(sut, '[data-testid="destination-summary"]').textContent?.trim()).toBe(
      '18 of 27 recorded · 12 confirmed · 3 at NEET risk',
    );
    expect(headings(sut)).toEqual([
      'Learner',
      'Group',
      'Category',
      'Provider or employer',
      'Status',
      'Last change',
      'Destination after Y11',
      'NEET risk',
    ]);
    expect(cellsOf(sut, ada.learnerId)).toEqual([
      'Ada Okafor UPN-ADA',
      '11A',
      'Further-education college',
      'Kilnside College',
      'Applied',
      '15 Jan 2026',
      'On track',
      '',
    ]);
    expect(cellsOf(sut, ben.learnerId)).toEqual([
      'Ben Hughes UPN-BEN',
      '11A',
      '',
      '',
      'No destination yet',
      '',
      'At risk',
      'At risk',
    ]);
    expect(find(sut, `tr[data-learner-id="${ada.learnerId}"] a`).getAttribute('href')).toBe(
      `/learners/${ada.learnerId}?year=2025`,
    );
    expect(sut.querySelector('[data-testid="import-offers"]')).not.toBeNull();
  });

  it('opens the learner’s destination with its notes and dated history when a careers lead chooses the row', async () => {
    const sut = await open(careersLead);
    const row = find(sut, `tr[data-learner-id="${ada.learnerId}"]`);
    expect(row.getAttribute('tabindex')).toBe('0');

    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();

    const dialog = find(overlay() ?? document.body, 'mat-dialog-container');
    expect(dialog.querySelector('h2')?.textContent).toContain('Ada Okafor: intended destination');
    expect((dialog.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Open evening on 3 March');
    expect(
      [...dialog.querySelectorAll('.history li')].map((item) =>
        item.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual(['Considering 2 Oct 2025', 'Applied 15 Jan 2026']);
  });

  it('shows a teacher read-only rows: no notes, no editing, no import, no quick entry, no NEET risk', async () => {
    const withoutNotes = registerRow('Ada Okafor', { destination: destination('learner-ada-okafor') });
    const taught = [withoutNotes, ben].map(({ neetRisk: _hidden, ...row }) => row);
    const sut = await open(teacher, taught);

    expect(headings(sut)).not.toContain('NEET risk');
    const row = find(sut, `tr[data-learner-id="${ada.learnerId}"]`);
    expect(row.getAttribute('tabindex')).toBeNull();
    (row.querySelector('td:nth-child(3)') as HTMLElement).click();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();

    expect(overlay()?.querySelector('mat-dialog-container') ?? null).toBeNull();
    expect(sut.querySelector('[data-testid="import-offers"]')).toBeNull();
    expect(sut.querySelector('[data-testid="quick-entry-open"]')).toBeNull();
    expect(sut.textContent).not.toContain('Notes');
    expect(find(sut, '[data-testid="destination-summary"]').textContent?.trim()).toBe(
      '18 of 27 recorded · 12 confirmed',
    );
  });

  it('says so when no learner matches, and asks again with the status "No destination yet"', async () => {
    const sut = await open(careersLead, []);
    expect(sut.querySelector('enc-empty-state h2')?.textContent).toBe('No learners to show');

    fixture.componentInstance['status'].set('none');
    await settle();
    const again = one('/api/destinations');
    expect(again.request.params.get('status')).toBe('none');
    again.flush(registerPage([]));
    await settle();

    expect(sut.querySelector('enc-empty-state h2')?.textContent).toBe('No learners match these filters');
  });

  it('offers a careers lead quick entry once a group is chosen, and goes back to the register', async () => {
    const sut = await open(careersLead);
    expect(sut.querySelector('[data-testid="quick-entry-open"]')).toBeNull();
    expect(sut.textContent).toContain('Choose a group to enter a whole class');

    fixture.componentInstance['group'].set(GROUP_ID);
    await settle();
    one('/api/destinations').flush(registerPage([ada, ben]));
    await settle();
    // With one group chosen, the group column goes.
    expect(headings(sut)).not.toContain('Group');
    find<HTMLButtonElement>(sut, '[data-testid="quick-entry-open"]').click();
    await settle();

    expect(find(sut, '#quick-entry-heading').textContent).toContain('Quick entry: 11A');
    const whole = one('/api/destinations');
    expect(whole.request.params.get('pageSize')).toBe('500');
    whole.flush(registerPage([ada, ben]));
    await settle();
    expect(sut.querySelector('[aria-label="Category for Ada Okafor"]')).not.toBeNull();

    [...sut.querySelectorAll('button')]
      .find((button) => button.textContent?.trim() === 'Back to the register')
      ?.click();
    await settle();
    expect(sut.querySelector('#quick-entry-heading')).toBeNull();
    expect(sut.querySelector(`tr[data-learner-id="${ada.learnerId}"]`)).not.toBeNull();
  });

  it('reopens quick entry for the class whose changes were not saved, after signing in again', async () => {
    sessionStorage.setItem(
      `encounters.draft.${careersLead.id}.destinations.quick-entry`,
      JSON.stringify({
        value: {
          academyId: ACADEMY_ID,
          academicYear: thisYear,
          yearGroup: 11,
          groupId: GROUP_ID,
          values: { [ben.learnerId]: { category: 'employment', providerName: '', status: 'applied' } },
        },
        savedAt: new Date().toISOString(),
      }),
    );
    const sut = render(careersLead);
    await settle();
    one('/api/groups').flush([group11A]);
    // The class for quick entry, whole; the register's page behind it, for the way back.
    const requests = httpTesting.match((candidate) => candidate.url === '/api/destinations');
    expect(requests.map((request) => request.request.params.get('pageSize')).sort()).toEqual(['50', '500']);
    for (const request of requests) {
      expect(request.request.params.get('groupId')).toBe(GROUP_ID);
      request.flush(registerPage([ada, ben]));
    }
    await settle();

    expect(find(sut, '#quick-entry-heading').textContent).toContain('Quick entry: 11A, Year 11');
    expect(find(sut, '[data-testid="quick-entry-draft-notice"]').textContent).toContain('Draft restored');
    expect(find<HTMLSelectElement>(sut, '[aria-label="Category for Ben Hughes"]').value).toBe('employment');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('shows the API’s error in place of the register', async () => {
    const sut = render(careersLead);
    await settle();
    one('/api/groups').flush([group11A]);
    one('/api/destinations').flush(
      { statusCode: 403, message: 'Forbidden' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();

    expect(find(sut, '[role="alert"]').textContent).toContain('You do not have permission to do that.');
    expect(sut.querySelector('table')).toBeNull();
  });
});
