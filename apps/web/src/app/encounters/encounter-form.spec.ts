import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import {
  CreateEncounterRequest,
  EncounterAttendanceResponse,
  EncounterResponse,
  GroupResponse,
  LearnerListItem,
  PagedResult,
} from '@encounters/domain';

import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';

import { OrganisationView } from '../core/organisations-api';
import { By } from '@angular/platform-browser';

import { AttendeeList } from './attendee-list';
import { EncounterForm } from './encounter-form';
import { settle as settleFixture } from '../testing/page-test';

/** The checklist items asked of every encounter, whatever its organisations (written out, not read from the domain). */
const EVERY_ENCOUNTER = ['purposeShared', 'learningOutcomes', 'twoWayInteraction', 'reflection'];

const academyId = '087c6997-5544-489b-b5a3-e8b2fae12693';

function organisation(id: string, type: OrganisationView['type'], name = id): OrganisationView {
  return {
    id,
    name,
    type,
    sectors: [],
    sizeBand: null,
    offersTechnicalEducation: false,
    contact: null,
    notes: null,
  };
}

function learner(id: string, name: string): LearnerListItem {
  const [forename, surname] = name.split(' ');
  return {
    id,
    upn: `A12345678901${id}`,
    legalForename: forename,
    legalSurname: surname,
    preferredForename: null,
    preferredSurname: null,
    name,
    academyId,
    academicYear: 2026,
    yearGroup: 10,
    group: { id: 'g10a', name: '10A' },
  };
}

const year10: PagedResult<LearnerListItem> = {
  items: [learner('1', 'Ada Okafor'), learner('2', 'Ben Hughes'), learner('3', 'Cara Patel')],
  total: 3,
  page: 1,
  pageSize: 500,
};

/** A learner on a held encounter's attendance list, attended unless told otherwise. */
function attendee(
  learnerId: string,
  name: string,
  facts: Partial<Pick<EncounterAttendanceResponse, 'meaningful' | 'reflection'>> = {},
): EncounterAttendanceResponse {
  return {
    learnerId,
    upn: `A12345678901${learnerId}`,
    name,
    yearGroup: 10,
    status: 'attended',
    meaningful: null,
    reflection: null,
    hours: null,
    ...facts,
  };
}

/** An encounter as the API answers it, with Etruria Engineering and the attendance given. */
function heldEncounter(
  id: string,
  format: EncounterResponse['format'],
  attendance: EncounterAttendanceResponse[],
): EncounterResponse {
  return {
    id,
    academyId,
    academicYear: 2026,
    title: format === 'talk' ? 'Careers talk: apprenticeships' : 'Workplace visit',
    date: '2026-11-12',
    endDate: null,
    format,
    delivery: 'in_person',
    duringSchoolDay: true,
    durationMinutes: 60,
    days: null,
    adviserLevel: null,
    organisations: [{ id: 'etruria', name: 'Etruria Engineering', type: 'employer' }],
    organisationIds: ['etruria'],
    meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true },
    categories: [format === 'talk' ? 'employer_encounter' : 'workplace_experience'],
    educationTypes: [],
    attendedCount: attendance.length,
    organiser: null,
    notes: null,
    links: [],
    offeredTo: [10],
    curriculumLinked: false,
    attendance,
    createdAt: '2026-11-12T10:00:00Z',
    updatedAt: '2026-11-12T10:00:00Z',
  };
}

describe(EncounterForm.name, () => {
  let fixture: ComponentFixture<EncounterForm>;
  let httpTesting: HttpTestingController;
  let sut: EncounterForm;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [EncounterForm],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EncounterForm);
    sut = fixture.componentInstance;
    await settle();
    httpTesting
      .expectOne('/api/academies')
      .flush([{ id: academyId, name: 'Kilnside Academy', urn: '100001', phase: 'secondary' }]);
    await settle();
    for (const request of httpTesting.match((candidate) => candidate.url === '/api/groups'))
      request.flush([]);
    for (const request of httpTesting.match((candidate) => candidate.url === '/api/organisations')) {
      request.flush({ items: [], total: 0, page: 1, pageSize: 10 });
    }
    await settle();
    // The first test compiles the form's templates: slow on a loaded machine.
  }, 30_000);

  afterEach(() => {
    // Type-ahead and class lists may ask again as the form changes; only the requests a test expects matter.
    httpTesting.match(() => true);
  });

  /** Not `whenStable()`: an HTTP request left open on purpose keeps the fixture unstable. */
  const settle = () => settleFixture(fixture);

  /** The error summary in the save bar: the one that takes focus. */
  function saveBarSummary(): HTMLElement | null {
    return page().querySelector<HTMLElement>('.actions [data-testid="error-summary"]');
  }

  function buttonsIn(root: HTMLElement | null): string[] {
    return [...(root?.querySelectorAll('button') ?? [])].map((button) => button.textContent?.trim() ?? '');
  }

  function findButton(root: HTMLElement | null, text: string): HTMLButtonElement | undefined {
    return [...(root?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent?.trim() === text,
    );
  }

  /** Ticks the four core items, so that an employer talk counts and no confirmation is asked. */
  function tickEverything(): void {
    for (const item of EVERY_ENCOUNTER) sut['toggleItem'](item as 'purposeShared', true);
  }

  /** Answers the "will not count" confirmation (true: save anyway) and returns the spy on the dialog. */
  function answerWillNotCount(saveAnyway: boolean) {
    return jest
      .spyOn(sut['dialog'], 'open')
      .mockImplementation(
        () => ({ afterClosed: () => of(saveAnyway) }) as unknown as ReturnType<MatDialog['open']>,
      );
  }

  /** The attendance list inside the form. */
  function attendees(): AttendeeList {
    return fixture.debugElement.query(By.directive(AttendeeList)).componentInstance as AttendeeList;
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function checklistItems(): string[] {
    return [...page().querySelectorAll('[data-item]')].map(
      (element) => element.getAttribute('data-item') ?? '',
    );
  }

  async function chooseOrganisations(...organisations: OrganisationView[]): Promise<void> {
    sut['setOrganisations'](organisations);
    await settle();
  }

  async function addYear10(): Promise<void> {
    const adding = sut['toggleYearGroup'](10);
    await settle();
    const request = httpTesting.expectOne((candidate) => candidate.url === '/api/learners');
    expect(request.request.params.get('yearGroup')).toBe('10');
    // Only the learners on the roll on the encounter's date.
    expect(request.request.params.get('onRollOn')).toBe(sut['form'].controls.date.value);
    request.flush(year10);
    await adding;
    await settle();
  }

  async function fillInTheRest(): Promise<void> {
    sut['form'].patchValue({ title: 'Careers talk: apprenticeships', date: '2026-11-12' });
    await chooseOrganisations(organisation('etruria', 'employer', 'Etruria Engineering'));
    await addYear10();
  }

  /** Submits the form and answers the POST with the API's error body (its statusCode is the response's status). */
  async function submitAnswered(
    error: { statusCode: number; error: string } & Record<string, unknown>,
  ): Promise<void> {
    const submitting = sut['submit']();
    await settle();
    httpTesting
      .expectOne({ method: 'POST', url: '/api/encounters' })
      .flush(error, { status: error.statusCode, statusText: error.error });
    await submitting;
    await settle();
  }

  it('preselects the only academy the careers lead has', () => {
    expect(sut['form'].controls.academyId.value).toBe(academyId);
  });

  it('shows the checklist that fits the organisations and format chosen', async () => {
    await chooseOrganisations(organisation('etruria', 'employer'));
    expect(checklistItems()).toEqual(EVERY_ENCOUNTER);
    expect(page().textContent).toContain('Counts as: employer encounter');

    await chooseOrganisations(
      organisation('etruria', 'employer'),
      organisation('stoke-college', 'further_education'),
    );
    expect(checklistItems()).toEqual([
      ...EVERY_ENCOUNTER,
      'providerInformation',
      'whatLearningIsLike',
      'metStaffAndLearners',
    ]);
    expect(page().textContent).toContain('Education provider (Benchmark 7)');

    sut['form'].controls.format.setValue('workplace_visit');
    await chooseOrganisations(organisation('etruria', 'employer'));
    expect(checklistItems()).toEqual([...EVERY_ENCOUNTER, 'rangeOfPeople', 'taskSet', 'employerFeedback']);
    expect(page().textContent).toContain('Workplace experience (Benchmark 6)');
  });

  it('R-WEX-1: offers "task set by the employer" on an employer workshop, for its hours, but not on a talk', async () => {
    await chooseOrganisations(organisation('etruria', 'employer'));
    sut['form'].controls.format.setValue('workshop');
    await settle();
    expect(checklistItems()).toEqual([...EVERY_ENCOUNTER, 'taskSet']);
    expect(page().textContent).toContain('Work-experience hours');
    expect(page().textContent).not.toContain('Workplace experience (Benchmark 6)');

    sut['form'].controls.format.setValue('talk');
    await settle();
    expect(checklistItems()).toEqual(EVERY_ENCOUNTER);
  });

  it('keeps a live count of who attended as absentees are unticked', async () => {
    await addYear10();
    const count = () => page().querySelector('[data-testid="attendance-count"]')?.textContent?.trim();
    expect(count()).toBe('3 attending, 0 absent');

    const benCheckbox = [...page().querySelectorAll<HTMLElement>('.learner-list li')]
      .find((item) => item.textContent?.includes('Hughes, Ben'))
      ?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    benCheckbox?.click();
    await settle();

    expect(count()).toBe('2 attending, 1 absent');
  });

  it('adds a year group at once from its button, says so, and takes it off when chosen again', async () => {
    const yearButton = () =>
      [...page().querySelectorAll<HTMLButtonElement>('button[aria-pressed]')].find((button) =>
        button.textContent?.trim().endsWith('Year 10'),
      );
    // The academy's classes give the year groups offered.
    sut['groups'].set([
      { id: 'g10a', name: '10A', yearGroup: 10, learnerCount: 2 },
      { id: 'g11a', name: '11A', yearGroup: 11, learnerCount: 30 },
    ] as GroupResponse[]);
    await settle();
    expect(yearButton()?.getAttribute('aria-pressed')).toBe('false');

    yearButton()?.click();
    await settle();
    const request = httpTesting.expectOne((candidate) => candidate.url === '/api/learners');
    expect(request.request.params.get('yearGroup')).toBe('10');
    request.flush(year10);
    await settle();
    const note = () => page().querySelector('[data-testid="added-note"]');
    expect(note()?.getAttribute('role')).toBe('status');
    expect(note()?.textContent?.trim()).toBe('Year 10 added: 3 learners.');
    expect(yearButton()?.getAttribute('aria-pressed')).toBe('true');
    expect(sut['chosen']().length).toBe(3);

    // Class 10A, two of the three, was added too: taking Year 10 off keeps them.
    const adding = sut['toggleGroup']('g10a');
    await settle();
    httpTesting
      .expectOne((candidate) => candidate.url === '/api/learners')
      .flush({ ...year10, items: year10.items.slice(0, 2), total: 2 });
    await adding;
    await settle();
    expect(note()?.textContent?.trim()).toBe('10A added: no learners.');

    yearButton()?.click();
    await settle();
    httpTesting.expectNone((candidate) => candidate.url === '/api/learners');
    expect(note()?.textContent?.trim()).toBe('Year 10 taken off the list: 1 learner.');
    expect(yearButton()?.getAttribute('aria-pressed')).toBe('false');
    expect(sut['chosen']().map((learner) => learner.id)).toEqual(['2', '1']);
  });

  it('saves in one request: the year group as attendees and the unticked learners as absent', async () => {
    await fillInTheRest();
    attendees()['setPresent']('2', false);
    sut['toggleItem']('purposeShared', true);
    const saved = jest.fn();
    sut.saved.subscribe(saved);
    // Three checklist items unticked: the form says why it will not count, and the careers lead saves anyway.
    const asked = answerWillNotCount(true);

    const submitting = sut['submit']();
    await settle();
    expect(asked).toHaveBeenCalledTimes(1);
    const reasons = (asked.mock.calls[0][1]?.data as { reasons: { code: string }[] }).reasons;
    expect(reasons.map((reason: { code: string }) => reason.code)).toEqual(['checklist_incomplete']);
    const request = httpTesting.expectOne({ method: 'POST', url: '/api/encounters' });
    const body = request.request.body as CreateEncounterRequest;
    expect(body.attendees).toEqual({ yearGroups: [10] });
    expect(body.absentLearnerIds).toEqual(['2']);
    expect(body.organisationIds).toEqual(['etruria']);
    expect(body.meaningful).toEqual({
      purposeShared: true,
      learningOutcomes: false,
      twoWayInteraction: false,
      reflection: false,
    });
    request.flush({ id: 'new', attendance: [], attendedCount: 2 });
    await submitting;

    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ id: 'new' }));
  });

  it('warns of an identical encounter beside Save, named, with a way to open it', async () => {
    await fillInTheRest();
    tickEverything();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    await submitAnswered({
      statusCode: 409,
      error: 'Conflict',
      message: 'This encounter is already logged: same academy, date, title and organisations.',
      details: [{ field: 'title', reason: 'an encounter with this date, title and organisations exists' }],
      existingId: 'existing-id',
      existingTitle: 'Careers talk: apprenticeships',
      existingDate: '2026-11-12',
    });

    const summary = saveBarSummary();
    expect(summary?.textContent).toContain(
      'This encounter is already logged as “Careers talk: apprenticeships” on 12 Nov 2026',
    );
    expect(document.activeElement).toBe(summary);
    expect(buttonsIn(summary)).toEqual(['Open it']);
    findButton(summary, 'Open it')?.click();
    expect(navigate).toHaveBeenCalledWith(['/encounters', 'existing-id']);
  });

  it('catches a likely duplicate under another title, and saves it when the user says it is a different event', async () => {
    await fillInTheRest();
    tickEverything();

    await submitAnswered({
      statusCode: 409,
      error: 'Conflict',
      code: 'duplicate_encounter',
      message: 'This looks like an encounter already logged.',
      details: [],
      existing: { id: 'other-id', title: 'Apprenticeships talk', date: '2026-11-12' },
    });
    const summary = saveBarSummary();
    expect(summary?.textContent).toContain(
      'This looks like “Apprenticeships talk”, already logged on 12 Nov 2026',
    );
    expect(buttonsIn(summary)).toEqual(['Open it', 'It’s a different event']);

    findButton(summary, 'It’s a different event')?.click();
    await settle();
    const again = httpTesting.expectOne({ method: 'POST', url: '/api/encounters' });
    expect(again.request.body).toMatchObject({
      title: 'Careers talk: apprenticeships',
      confirmDistinct: true,
    });
  });

  it('puts every failed save in the error summaries, above the form and beside Save, focused: offline', async () => {
    await fillInTheRest();
    tickEverything();
    const submitting = sut['submit']();
    await settle();
    httpTesting
      .expectOne({ method: 'POST', url: '/api/encounters' })
      .error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await submitting;
    await settle();

    const summaries = [...page().querySelectorAll('[data-testid="error-summary"]')];
    expect(summaries).toHaveLength(2);
    for (const summary of summaries) {
      expect(summary.textContent).toContain('Encounters could not be reached');
    }
    expect(document.activeElement).toBe(saveBarSummary());
    expect(saveBarSummary()?.getAttribute('role')).toBe('alert');
  });

  it('shows the API validation errors next to the fields they name', async () => {
    await fillInTheRest();
    tickEverything();

    await submitAnswered({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid durationMinutes: durationMinutes must not be greater than 20160',
      details: [{ field: 'durationMinutes', reason: 'durationMinutes must not be greater than 20160' }],
    });

    const durationField = [...page().querySelectorAll('mat-form-field')].find((field) =>
      field.textContent?.includes('Duration (minutes)'),
    );
    expect(durationField?.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Must not be greater than 20160',
    );
  });

  it('says why before saving an encounter that will not count, and going back sends nothing', async () => {
    await fillInTheRest();
    sut['form'].patchValue({ format: 'group_guidance' });
    sut['form'].controls.adviserLevel.setValue(4);
    tickEverything();
    const asked = answerWillNotCount(false);

    await sut['submit']();
    await settle();

    const reasons = (asked.mock.calls[0][1]?.data as { reasons: { code: string }[] }).reasons;
    expect(reasons.map((reason: { code: string }) => reason.code)).toEqual(['adviser_below_level_6']);
    httpTesting.expectNone({ method: 'POST', url: '/api/encounters' });
  });

  it('asks for organisations and learners before sending anything', async () => {
    sut['form'].patchValue({ title: 'Careers talk' });

    await sut['submit']();
    await settle();

    expect(page().textContent).toContain('Add at least one organisation.');
    expect(page().textContent).toContain('Add the learners who attended');
    httpTesting.expectNone({ method: 'POST', url: '/api/encounters' });
    // The summary beside Save lists each, linked to its section, and has the focus.
    const links = [...(saveBarSummary()?.querySelectorAll('a') ?? [])].map((link) =>
      link.getAttribute('href'),
    );
    expect(links).toEqual(['#encounter-organisations', '#encounter-attendees']);
    expect(document.activeElement).toBe(saveBarSummary());
  });

  it('lists a field left empty in the summary, and its link moves focus to the field', async () => {
    sut['form'].patchValue({ title: '' });
    await sut['submit']();
    await settle();
    const link = [...(saveBarSummary()?.querySelectorAll('a') ?? [])].find((item) =>
      item.textContent?.includes('Give the encounter a title.'),
    );
    expect(link?.getAttribute('href')).toBe('#encounter-title');
    link?.click();
    expect(document.activeElement?.id).toBe('encounter-title');
  });

  it('R-M-2: in edit mode, marks one learner as having left early and sends it with the attendance in the one PATCH', async () => {
    const held = heldEncounter('e1', 'talk', [
      attendee('1', 'Ada Okafor', { meaningful: null }),
      attendee('2', 'Ben Hughes', { meaningful: false }),
    ]);
    fixture.componentRef.setInput('encounter', held);
    await settle();
    for (const request of httpTesting.match((candidate) => candidate.url === '/api/organisations/etruria')) {
      request.flush(organisation('etruria', 'employer', 'Etruria Engineering'));
    }
    await settle();
    expect(page().querySelectorAll('.not-meaningful')).toHaveLength(2);

    attendees()['setNotMeaningful']('1', true);
    attendees()['setNotMeaningful']('2', false);
    const submitting = sut['submit']();
    await settle();
    // One request saves the facts and the list, so the API recomputes each learner's coverage once.
    const patch = httpTesting.expectOne({ method: 'PATCH', url: '/api/encounters/e1' });
    expect(patch.request.body.replaceAttendance).toEqual([
      { learnerId: '1', status: 'attended', meaningful: false },
      { learnerId: '2', status: 'attended' },
    ]);
    expect(patch.request.body).toMatchObject({ title: held.title, organisationIds: ['etruria'] });
    patch.flush(held);
    await submitting;
    httpTesting.expectNone({ method: 'PUT', url: '/api/encounters/e1/attendance' });
  });

  it("in edit mode, keeps a learner's reflection, records a new one and removes another, in the one PATCH", async () => {
    const held = heldEncounter('e2', 'workplace_visit', [
      attendee('1', 'Ada Okafor', { reflection: { rating: 4, comment: 'Loved the workshop floor' } }),
      attendee('2', 'Ben Hughes'),
      attendee('3', 'Cara Patel', { reflection: { rating: 2, comment: 'Too noisy' } }),
    ]);
    fixture.componentRef.setInput('encounter', held);
    await settle();
    for (const request of httpTesting.match((candidate) => candidate.url === '/api/organisations/etruria')) {
      request.flush(organisation('etruria', 'employer', 'Etruria Engineering'));
    }
    await settle();
    const buttons = [...page().querySelectorAll('.reflection-button')].map((button) =>
      button.textContent?.trim(),
    );
    // Register order: Hughes, Okafor, Patel.
    expect(buttons).toEqual(['Add reflection', 'Reflection 4/5', 'Reflection 2/5']);

    const answers = [
      { reflection: { rating: 5, comment: 'I want to be an engineer' } },
      { reflection: null },
    ];
    jest
      .spyOn(attendees()['dialog'], 'open')
      .mockImplementation(
        () => ({ afterClosed: () => of(answers.shift()) }) as unknown as ReturnType<MatDialog['open']>,
      );
    const chosen = sut['chosen']();
    await attendees()['openReflection'](chosen[1]);
    await attendees()['openReflection'](chosen[2]);
    await settle();
    expect(
      [...page().querySelectorAll('.reflection-button')].map((button) => button.textContent?.trim()),
    ).toEqual(['Reflection 5/5', 'Reflection 4/5', 'Add reflection']);

    const submitting = sut['submit']();
    await settle();
    const patch = httpTesting.expectOne({ method: 'PATCH', url: '/api/encounters/e2' });
    expect(patch.request.body.replaceAttendance).toEqual([
      { learnerId: '1', status: 'attended', reflection: { rating: 4, comment: 'Loved the workshop floor' } },
      { learnerId: '2', status: 'attended', reflection: { rating: 5, comment: 'I want to be an engineer' } },
      { learnerId: '3', status: 'attended' },
    ]);
    patch.flush(held);
    await submitting;
    httpTesting.expectNone({ method: 'PUT', url: '/api/encounters/e2/attendance' });
  });
});
