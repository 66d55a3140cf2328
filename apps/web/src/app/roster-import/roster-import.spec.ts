import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { RosterImportAnswer } from '../core/roster-api';
import { RosterImport } from './roster-import';
import { settle as settleFixture } from '../testing/page-test';

const academyId = '087c6997-5544-489b-b5a3-e8b2fae12693';

interface HttpErrorBody {
  statusCode: number;
  message: string;
  details: unknown[];
  unmappedHeaders: unknown[];
}

const withOneBadRow: RosterImportAnswer = {
  academicYear: 2026,
  dryRun: true,
  created: 2,
  updated: 0,
  unchanged: 40,
  rejected: 1,
  missingFromFile: 0,
  movedIn: 0,
  heldElsewhere: [],
  missingLearners: [],
  errors: [{ line: 4, column: 'DOB', value: '31/02/2011', reason: 'not a real date' }],
  errorsOmitted: 0,
  ignoredHeaders: ['Tutor'],
  columns: [{ header: 'Tutor', field: null }],
  unmappedHeaders: [],
  notInFile: [],
  file: { format: 'csv', encoding: 'UTF-8', delimiter: ',', headerLine: 1, titleLines: [], summaryLines: [] },
  changes: [],
  warnings: [],
};

describe(RosterImport.name, () => {
  let fixture: ComponentFixture<RosterImport>;
  let httpTesting: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [RosterImport],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RosterImport);
    await settle();
    httpTesting
      .expectOne('/api/academies')
      .flush([{ id: academyId, name: 'Kilnside Academy', urn: '100001', phase: 'secondary' }]);
    httpTesting.expectOne('/api/roster-moves').flush([]);
    await settle();
  });

  afterEach(() => httpTesting.verify());

  const settle = () => settleFixture(fixture);

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function button(label: string): HTMLButtonElement {
    const found = [...page().querySelectorAll('button')].find((item) => item.textContent?.trim() === label);
    if (!found) throw new Error(`No button "${label}"`);
    return found;
  }

  async function chooseFileAndCheck(answer: RosterImportAnswer | HttpErrorBody): Promise<void> {
    const input = page().querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    const file = new File(['UPN,Legal Surname\n'], 'kilnside.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle();
    button('Check file').click();
    await settle();
    const request = httpTesting.expectOne(
      (candidate) => candidate.url === `/api/academies/${academyId}/roster`,
    );
    expect(request.request.params.get('dryRun')).toBe('true');
    expect(request.request.body).toBeInstanceOf(FormData);
    if ('statusCode' in answer)
      request.flush(answer, { status: answer.statusCode, statusText: 'Bad Request' });
    else request.flush(answer);
    await settle();
  }

  it('previews a file with a bad row: the counts, the row with its line, column and reason, and no commit', async () => {
    await chooseFileAndCheck(withOneBadRow);

    expect(page().querySelector('[data-testid="count-created"]')?.textContent).toBe('2');
    expect(page().querySelector('[data-testid="count-rejected"]')?.textContent).toBe('1');
    const cells = [...page().querySelectorAll('table[aria-label="Rows with errors"] td')].map((cell) =>
      cell.textContent?.trim(),
    );
    expect(cells).toEqual(['4', 'DOB', '31/02/2011', 'not a real date']);
    expect(page().textContent).toContain('Columns not used: Tutor.');
    expect(page().querySelector('[data-testid="held-elsewhere"]')).toBeNull();
    expect(button('Commit import').disabled).toBe(true);
  });

  it('says which lines name learners another academy of the trust holds, without saying which academy', async () => {
    await chooseFileAndCheck({
      ...withOneBadRow,
      heldElsewhere: [
        { line: 3, upn: 'A801200000001' },
        { line: 7, upn: 'A801200000002' },
      ],
    });
    expect(
      page().querySelector('[data-testid="held-elsewhere"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toBe(
      '2 learners of the file are held by another academy of the trust (lines 3, 7): they are not changed. ' +
        'Committing asks that academy to confirm each move; their encounters there still count for them.',
    );
  });

  it('commits a clean file after the preview and says what changed', async () => {
    await chooseFileAndCheck({ ...withOneBadRow, rejected: 0, errors: [] });
    expect(button('Commit import').disabled).toBe(false);

    button('Commit import').click();
    await settle();
    const request = httpTesting.expectOne(
      (candidate) => candidate.url === `/api/academies/${academyId}/roster`,
    );
    expect(request.request.params.get('dryRun')).toBe('false');
    request.flush({ ...withOneBadRow, dryRun: false, rejected: 0, errors: [] });
    await settle();

    expect(page().querySelector('[role="status"]')?.textContent).toContain(
      'Kilnside Academy, 2026/27: 2 new learners, 0 updated, 40 unchanged.',
    );
    // The commit may have asked other academies for learners: the move requests are listed again.
    httpTesting.expectOne('/api/roster-moves').flush([]);
  });

  it('lists move requests: the holder confirms one; a request the reader made shows its UPN only', async () => {
    const ask = {
      id: '5a0e1f76-2a36-4d0e-9b8f-2f6a9c1f0b01',
      upn: 'A801200000001',
      academicYear: 2026,
      toAcademyId: 'a7a4d6f8-1d3e-4d8e-9a0b-0c1d2e3f4a5b',
      toAcademyName: 'Burslem Vale Academy',
      requestedAt: '2026-11-30T10:00:00.000Z',
      mayDecide: true,
      learnerId: 'c1b0a4a2-8a6b-4d53-9a55-1b0d2b0f3a11',
      name: 'Ada Okafor',
      yearGroup: 10,
      admissionDate: '2027-01-12',
    };
    const made = {
      ...ask,
      id: '5a0e1f76-2a36-4d0e-9b8f-2f6a9c1f0b02',
      upn: 'A801200000002',
      mayDecide: false,
      learnerId: null,
      name: null,
      yearGroup: null,
      admissionDate: null,
    };
    const moves = fixture.debugElement.query((element) => element.name === 'enc-roster-move-requests');
    void (moves.componentInstance as { load(): Promise<void> }).load();
    httpTesting.expectOne('/api/roster-moves').flush([ask, made]);
    await settle();
    const listed = [...page().querySelectorAll('[data-testid="move-requests"] li')].map((item) =>
      item.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(listed).toEqual([
      'Ada Okafor (A801200000001): Burslem Vale Academy asks to enrol them in Year 10, 2026/27 from 2027-01-12 Confirm move Decline',
      'A801200000002, 2026/27, for Burslem Vale Academy: held by another academy of the trust, waiting for it to confirm.',
    ]);

    button('Confirm move').click();
    await settle();
    const confirm = httpTesting.expectOne(`/api/roster-moves/${ask.id}/confirm`);
    expect(confirm.request.method).toBe('POST');
    confirm.flush(ask);
    await settle();
    expect(page().querySelectorAll('[data-testid="move-requests"] li')).toHaveLength(1);
  });

  it('marks the learners the file leaves out as leavers on the chosen date, then checks the file again', async () => {
    const missing = {
      learnerId: 'c1b0a4a2-8a6b-4d53-9a55-1b0d2b0f3a11',
      upn: 'B801200005001',
      name: 'Ada Okafor',
      yearGroup: 11,
    };
    await chooseFileAndCheck({
      ...withOneBadRow,
      rejected: 0,
      errors: [],
      missingFromFile: 1,
      missingLearners: [missing],
    });

    const date = page().querySelector<HTMLInputElement>('.leavers input[type="date"]');
    if (!date) throw new Error('No leaving date');
    date.value = '2026-07-17';
    date.dispatchEvent(new Event('change'));
    await settle();
    button('Mark 1 as leavers').click();
    await settle();
    const request = httpTesting.expectOne(`/api/academies/${academyId}/leavers`);
    expect(request.request.body).toEqual({
      academicYear: 2026,
      learnerIds: [missing.learnerId],
      leavingDate: '2026-07-17',
    });
    request.flush({ marked: 1 });
    await settle();
    const recheck = httpTesting.expectOne(
      (candidate) => candidate.url === `/api/academies/${academyId}/roster`,
    );
    expect(recheck.request.params.get('dryRun')).toBe('true');
    recheck.flush({ ...withOneBadRow, rejected: 0, errors: [] });
    await settle();

    expect(page().textContent).toContain('1 learner marked as a leaver.');
  });

  it('shows the field-level changes, what the file leaves as it was, and a warning before the commit', async () => {
    await chooseFileAndCheck({
      ...withOneBadRow,
      rejected: 0,
      errors: [],
      updated: 30,
      notInFile: ['pupilPremium', 'freeSchoolMeals'],
      file: {
        ...withOneBadRow.file,
        encoding: 'Windows-1252',
        summaryLines: [{ line: 44, text: 'Total: 42' }],
      },
      changes: [
        {
          field: 'preferredForename',
          change: 'cleared',
          count: 30,
          examples: ['Zoë Okafor (B801200005001): Tom → (none)'],
        },
      ],
      warnings: [
        {
          field: 'preferredForename',
          change: 'cleared',
          count: 30,
          of: 42,
          message: 'Preferred forename would be cleared for 30 of 42 learners (71 %).',
        },
      ],
    });

    expect(page().querySelector('[data-testid="changes"] summary')?.textContent?.trim()).toBe(
      'preferred forename: 30 cleared',
    );
    expect(page().querySelector('[data-testid="not-in-file"]')?.textContent).toContain(
      'kept as before: pupil premium, free school meals.',
    );
    expect(page().querySelector('[data-testid="file-notes"]')?.textContent).toContain('read as Windows-1252');
    expect(page().querySelector('[data-testid="file-notes"]')?.textContent).toContain('"Total: 42"');
    expect(page().querySelector('[data-testid="warnings"]')?.textContent).toContain(
      'Preferred forename would be cleared for 30 of 42 learners',
    );
  });

  it('asks about headers it cannot place, and sends the answers with the next check', async () => {
    await chooseFileAndCheck({
      statusCode: 400,
      message: 'Columns "Year", "NC Year" both give the year group; map one to another field or ignore it.',
      details: [],
      unmappedHeaders: [{ header: 'NC Year', problem: 'ambiguous', suggestions: ['yearGroup'] }],
    });
    const mapping = page().querySelector('[data-testid="mapping"]');
    expect(mapping?.textContent).toContain('NC Year');

    (fixture.componentInstance as unknown as { mapHeader(header: string, field: string): void }).mapHeader(
      'NC Year',
      'ignore',
    );
    button('Check again with these columns').click();
    await settle();
    const request = httpTesting.expectOne(
      (candidate) => candidate.url === `/api/academies/${academyId}/roster`,
    );
    expect((request.request.body as FormData).get('mapping')).toBe(JSON.stringify({ 'NC Year': 'ignore' }));
    request.flush(withOneBadRow);
    await settle();
  });
});
