import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { DestinationImportResult } from '@encounters/domain';

import { ACADEMY_ID } from '../testing/destinations';
import { find, settle as settleFixture } from '../testing/page-test';
import { ImportOffersDialog, ImportOffersDialogData } from './import-offers-dialog';

const withErrors: DestinationImportResult = {
  dryRun: true,
  created: 3,
  updated: 1,
  unchanged: 5,
  rejected: 2,
  errors: [
    { line: 4, column: 'UPN', value: 'A12345', reason: 'is not a learner of this academy' },
    { line: 7, column: 'Status', value: 'maybe', reason: 'is not a destination status' },
  ],
};

describe(ImportOffersDialog.name, () => {
  let fixture: ComponentFixture<ImportOffersDialog>;
  let httpTesting: HttpTestingController;
  let close: jest.Mock;

  beforeEach(async () => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [ImportOffersDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: {
            academyId: ACADEMY_ID,
            academyName: 'Kilnside Academy',
            academicYear: 2025,
          } satisfies ImportOffersDialogData,
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportOffersDialog);
    await settle();
  });

  afterEach(() => httpTesting.verify());

  const settle = () => settleFixture(fixture);
  const page = () => fixture.nativeElement as HTMLElement;

  function button(label: string): HTMLButtonElement {
    const found = [...page().querySelectorAll('button')].find((item) => item.textContent?.trim() === label);
    if (!found) throw new Error(`No button "${label}"`);
    return found;
  }

  async function chooseFile(): Promise<void> {
    const input = find<HTMLInputElement>(page(), 'input[type="file"]');
    const file = new File(['UPN,Category,Provider,Status\n'], 'offers.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  async function check(answer: DestinationImportResult): Promise<TestRequest> {
    button('Check file').click();
    await settle();
    const request = httpTesting.expectOne((candidate) => candidate.url === '/api/destinations/import');
    request.flush(answer);
    await settle();
    return request;
  }

  it('checks the file first and shows every refused row, with nothing to import while any is wrong', async () => {
    expect(button('Import').disabled).toBe(true);
    await chooseFile();
    expect(page().querySelector('.file-name')?.textContent?.trim()).toBe('offers.csv');

    const request = await check(withErrors);

    expect(request.request.method).toBe('POST');
    expect(request.request.params.get('dryRun')).toBe('true');
    expect(request.request.params.get('academyId')).toBe(ACADEMY_ID);
    expect(request.request.params.get('academicYear')).toBe('2025');
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    const counts = [...page().querySelectorAll('.counts li')].map((item) => item.textContent?.trim());
    expect(counts).toEqual([
      '3 destinations would be recorded for the first time',
      '1 destination would change',
      '5 destinations are already as the file says',
      '2 rows are refused',
    ]);
    const rows = [...page().querySelectorAll('table[aria-label="Rows with errors"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['4', 'UPN', 'A12345', 'is not a learner of this academy'],
      ['7', 'Status', 'maybe', 'is not a destination status'],
    ]);
    expect(page().textContent).toContain('Nothing has been saved yet.');
    expect(button('Import').disabled).toBe(true);
    expect(close).not.toHaveBeenCalled();
  });

  it('imports a clean file only when asked, after saying what it changes', async () => {
    await chooseFile();
    const clean = { ...withErrors, rejected: 0, errors: [] };
    await check(clean);
    expect(page().querySelector('table')).toBeNull();
    expect(button('Import').disabled).toBe(false);

    button('Import').click();
    await settle();
    const commit = httpTesting.expectOne((candidate) => candidate.url === '/api/destinations/import');
    expect(commit.request.params.get('dryRun')).toBe('false');
    const committed = { ...clean, dryRun: false };
    commit.flush(committed);
    await settle();

    expect(close).toHaveBeenCalledWith(committed);
  });

  it('shows the API’s refusal of the file and imports nothing', async () => {
    await chooseFile();
    button('Check file').click();
    await settle();
    httpTesting
      .expectOne((candidate) => candidate.url === '/api/destinations/import')
      .flush(
        { statusCode: 400, message: 'The file has no UPN column.', details: [] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();

    expect(find(page(), '[role="alert"]').textContent).toContain('The file has no UPN column.');
    expect(button('Import').disabled).toBe(true);
  });
});
