import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DestinationBatchResult } from '@encounters/domain';

import {
  ACADEMY_ID,
  careersLead,
  destination,
  GROUP_ID,
  registerPage,
  registerRow,
} from '../testing/destinations';
import { find, routedPageProviders, settle as settleFixture } from '../testing/page-test';
import { QuickEntry } from './quick-entry';
import { QUICK_ENTRY_DRAFT, QuickEntryDraft } from './quick-entry-state';

const DRAFT_KEY = `encounters.draft.${careersLead.id}.${QUICK_ENTRY_DRAFT}`;

const ada = registerRow('Ada Okafor', { destination: destination('learner-ada-okafor') });
const ben = registerRow('Ben Hughes');
const cai = registerRow('Cai Cole', {
  destination: destination('learner-cai-cole', { category: 'apprenticeship', providerName: 'Etruria Works' }),
});

describe(QuickEntry.name, () => {
  let fixture: ComponentFixture<QuickEntry>;
  let httpTesting: HttpTestingController;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    httpTesting.verify();
    sessionStorage.clear();
  });

  const settle = () => settleFixture(fixture);
  const page = () => fixture.nativeElement as HTMLElement;

  function one(url: string): TestRequest {
    const [request] = httpTesting.match((candidate) => candidate.url === url);
    if (!request) throw new Error(`No request to ${url}`);
    return request;
  }

  async function open(): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: routedPageProviders([], careersLead) });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QuickEntry);
    fixture.componentRef.setInput('academyId', ACADEMY_ID);
    fixture.componentRef.setInput('academicYear', 2025);
    fixture.componentRef.setInput('yearGroup', 11);
    fixture.componentRef.setInput('groupId', GROUP_ID);
    fixture.componentRef.setInput('groupName', '11A');
    await settle();
    const rows = one('/api/destinations');
    expect(rows.request.params.get('groupId')).toBe(GROUP_ID);
    expect(rows.request.params.get('pageSize')).toBe('500');
    rows.flush(registerPage([ada, ben, cai]));
    await settle();
    return page();
  }

  /** A row's control by its accessible name, as a screen reader or Playwright finds it. */
  function control<T extends HTMLElement>(name: string): T {
    return find<T>(page(), `[aria-label="${name}"]`);
  }

  function choose(name: string, value: string): void {
    const select = control<HTMLSelectElement>(name);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }

  function type(name: string, value: string): void {
    const input = control<HTMLInputElement>(name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  const saveButton = () => find<HTMLButtonElement>(page(), '[data-testid="quick-entry-save"]');

  it('sends only the rows changed, in one batch, and says what was created and updated', async () => {
    await open();
    expect(control<HTMLSelectElement>('Category for Ada Okafor').value).toBe('further_education');
    expect(control<HTMLInputElement>('Provider for Ada Okafor').value).toBe('Kilnside College');
    expect(control<HTMLSelectElement>('Status for Ben Hughes').value).toBe('');
    expect(saveButton().disabled).toBe(true);

    choose('Category for Ben Hughes', 'apprenticeship');
    type('Provider for Ben Hughes', 'Etruria Works');
    choose('Status for Ada Okafor', 'accepted');
    // Changed and changed back: not sent.
    choose('Status for Cai Cole', 'offered');
    choose('Status for Cai Cole', 'applied');
    await settle();

    expect(control<HTMLSelectElement>('Status for Ben Hughes').value).toBe('considering');
    expect(saveButton().textContent?.trim()).toBe('Save 2 changes');
    saveButton().click();
    await settle();

    const batch = one('/api/destinations/batch');
    expect(batch.request.method).toBe('POST');
    expect(batch.request.body).toEqual({
      academicYear: 2025,
      items: [
        { learnerId: ada.learnerId, category: 'further_education', status: 'accepted' },
        {
          learnerId: ben.learnerId,
          category: 'apprenticeship',
          status: 'considering',
          providerName: 'Etruria Works',
        },
      ],
    });
    batch.flush({ created: 1, updated: 1, unchanged: 0 } satisfies DestinationBatchResult);
    await settle();

    expect(document.body.textContent).toContain('Destinations saved for 11A: 1 created, 1 updated.');
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    one('/api/destinations').flush(registerPage([ada, ben, cai]));
    await settle();
  });

  it('keeps the changes in the tab as they are made, and brings them back after signing in again', async () => {
    await open();
    choose('Category for Ben Hughes', 't_level');
    await settle();

    const kept = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as { value: QuickEntryDraft };
    expect(kept.value).toEqual({
      academyId: ACADEMY_ID,
      academicYear: 2025,
      yearGroup: 11,
      groupId: GROUP_ID,
      values: { [ben.learnerId]: { category: 't_level', providerName: '', status: 'considering' } },
    });
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();

    // The page is left for the sign-in page, and opened again once signed in.
    fixture.destroy();
    TestBed.resetTestingModule();
    await open();

    expect(find(page(), '[data-testid="quick-entry-draft-notice"]').textContent).toContain('Draft restored');
    expect(control<HTMLSelectElement>('Category for Ben Hughes').value).toBe('t_level');
    expect(control<HTMLSelectElement>('Status for Ben Hughes').value).toBe('considering');
    expect(saveButton().textContent?.trim()).toBe('Save 1 change');

    saveButton().click();
    await settle();
    const batch = one('/api/destinations/batch');
    expect(batch.request.body.items).toEqual([
      { learnerId: ben.learnerId, category: 't_level', status: 'considering' },
    ]);
    batch.flush({ created: 1, updated: 0, unchanged: 0 } satisfies DestinationBatchResult);
    await settle();
    one('/api/destinations').flush(registerPage([ada, ben, cai]));
    await settle();
  });

  it('leaves another class’s draft alone', async () => {
    const other = {
      value: {
        academyId: ACADEMY_ID,
        academicYear: 2025,
        yearGroup: 11,
        groupId: 'other',
        values: { x: {} },
      },
      savedAt: new Date().toISOString(),
    };
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(other));
    await open();

    expect(page().querySelector('[data-testid="quick-entry-draft-notice"]')).toBeNull();
    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null')).toEqual(other);
  });

  it('holds back a changed row with no status, and says why', async () => {
    await open();
    choose('Status for Ben Hughes', 'applied');
    await settle();

    expect(saveButton().disabled).toBe(true);
    expect(find(page(), '.problem').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '1 changed row needs a category and a status before saving.',
    );
    expect(find(page(), `tr[data-learner-id="${ben.learnerId}"] .state`).textContent?.trim()).toBe(
      'Needs a category and a status',
    );
  });

  it('moves to the next learner’s category on Enter, and to Save after the last', async () => {
    await open();
    const provider = control<HTMLInputElement>('Provider for Ada Okafor');
    provider.focus();
    provider.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(control('Category for Ben Hughes'));

    choose('Status for Cai Cole', 'accepted');
    await settle();
    const last = control<HTMLSelectElement>('Status for Cai Cole');
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(saveButton());
  });
});
