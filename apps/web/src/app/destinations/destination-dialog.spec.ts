import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { todayIsoDate } from '@encounters/domain';
import { EMPTY } from 'rxjs';

import { OrganisationView } from '../core/organisations-api';
import { destination } from '../testing/destinations';
import { find, settle as settleFixture } from '../testing/page-test';
import { DestinationDialog, DestinationDialogData } from './destination-dialog';

const etruria: OrganisationView = {
  id: 'organisation-etruria',
  name: 'Etruria Works',
  type: 'employer',
  sectors: [],
  sizeBand: null,
  offersTechnicalEducation: true,
  contact: null,
  notes: null,
};

describe(DestinationDialog.name, () => {
  let fixture: ComponentFixture<DestinationDialog>;
  let httpTesting: HttpTestingController;
  let close: jest.Mock;

  async function open(data: Partial<DestinationDialogData> = {}): Promise<HTMLElement> {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [DestinationDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: {
            learnerId: 'learner-ada',
            learnerName: 'Ada Okafor',
            academicYear: 2025,
            destination: null,
            showNotes: true,
            ...data,
          } satisfies DestinationDialogData,
        },
        {
          provide: MatDialogRef,
          useValue: { close, backdropClick: () => EMPTY, keydownEvents: () => EMPTY, disableClose: false },
        },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DestinationDialog);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => httpTesting.verify());

  const settle = () => settleFixture(fixture);
  /** The organisation search waits for the typing to pause. */
  const typingPause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settle();
  };
  const form = () =>
    (
      fixture.componentInstance as unknown as {
        form: { patchValue(value: object): void; markAsDirty(): void };
      }
    ).form;

  function type(page: HTMLElement, name: string, value: string): void {
    const field = find<HTMLInputElement>(page, `[formcontrolname="${name}"]`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  async function submit(page: HTMLElement): Promise<void> {
    find<HTMLButtonElement>(page, 'button[type="submit"]').click();
    await settle();
  }

  it('records a new destination with the day of its status (today unless changed) and the notes', async () => {
    const page = await open();
    expect(find(page, 'input[type="date"]').getAttribute('max')).toBe(todayIsoDate());
    form().patchValue({ category: 'further_education', status: 'offered' });
    type(page, 'providerName', '  Burslem Sixth Form ');
    type(page, 'statusOn', '2026-02-03');
    type(page, 'notes', 'Interview went well');
    await typingPause();
    httpTesting
      .expectOne((request) => request.url === '/api/organisations')
      .flush({
        items: [],
        total: 0,
        page: 1,
        pageSize: 8,
      });
    await submit(page);

    const request = httpTesting.expectOne('/api/destinations');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      learnerId: 'learner-ada',
      academicYear: 2025,
      category: 'further_education',
      status: 'offered',
      statusOn: '2026-02-03',
      providerName: 'Burslem Sixth Form',
      notes: 'Interview went well',
    });
    const saved = destination('learner-ada', { category: 'further_education', status: 'offered' });
    request.flush(saved);
    await settle();
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('names an organisation of the directory picked as the provider', async () => {
    const page = await open();
    type(page, 'providerName', 'Etru');
    await typingPause();
    const search = httpTesting.expectOne((request) => request.url === '/api/organisations');
    expect(search.request.params.get('q')).toBe('Etru');
    search.flush({ items: [etruria], total: 1, page: 1, pageSize: 8 });
    await settle();

    const sut = fixture.componentInstance as unknown as {
      pickOrganisation(organisation: OrganisationView, event: { isUserInput: boolean }): void;
    };
    sut.pickOrganisation(etruria, { isUserInput: true });
    type(page, 'providerName', 'Etruria Works');
    form().patchValue({ category: 'apprenticeship' });
    await settle();
    expect(page.textContent).toContain('From the organisation directory.');
    await typingPause();
    httpTesting
      .expectOne((request) => request.url === '/api/organisations')
      .flush({
        items: [etruria],
        total: 1,
        page: 1,
        pageSize: 8,
      });
    await submit(page);

    const request = httpTesting.expectOne('/api/destinations');
    expect(request.request.body).toMatchObject({ providerName: 'Etruria Works', organisationId: etruria.id });
    request.flush(destination('learner-ada'));
    await settle();
  });

  it('sends only what changed, and a new status with its day', async () => {
    const page = await open({ destination: destination('learner-ada', { notes: 'Open evening' }) });
    // The status has not changed: no day is asked for.
    expect(page.querySelector('input[type="date"]')).toBeNull();

    form().patchValue({ status: 'accepted' });
    await settle();
    expect(page.querySelector('input[type="date"]')).not.toBeNull();
    await submit(page);

    const request = httpTesting.expectOne('/api/destinations/destination-learner-ada');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'accepted', statusOn: todayIsoDate() });
    request.flush(destination('learner-ada', { status: 'accepted' }));
    await settle();
  });

  it('shows no notes, and sends none, to whom may not read them', async () => {
    const page = await open({ showNotes: false });

    expect(page.querySelector('[formcontrolname="notes"]')).toBeNull();
    expect(page.textContent).not.toContain('Notes');
    form().patchValue({ category: 'employment' });
    await submit(page);
    const request = httpTesting.expectOne('/api/destinations');
    expect(request.request.body).not.toHaveProperty('notes');
    request.flush(destination('learner-ada', { category: 'employment' }));
    await settle();
  });

  it('asks for a category and refuses a status dated in the future, sending nothing', async () => {
    const page = await open();
    await submit(page);
    expect(page.textContent).toContain('Choose the kind of next step.');

    form().patchValue({ category: 'employment' });
    type(page, 'statusOn', '2999-01-01');
    await submit(page);
    expect(page.textContent).toContain('Enter the day the status was reached, today or before.');
    httpTesting.expectNone('/api/destinations');
  });
});
