import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AcademicYear, academicYearLabel, DestinationImportResult } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { ApiErrorMessage } from '../ui/api-error-message';

export interface ImportOffersDialogData {
  academyId: string;
  academyName: string;
  academicYear: AcademicYear;
}

/** "2 destinations", "1 destination". */
function destinations(count: number): string {
  return `${count} ${count === 1 ? 'destination' : 'destinations'}`;
}

/**
 * A CSV of offers (UPN, Category, Provider, Status, optional Date) from a provider or the local authority: the
 * file is checked first (a dry run, nothing written) and the dialog says what would change and every row it
 * refuses (line, column, value, reason); only then does "Import" write it. Closes with the import's answer.
 */
@Component({
  selector: 'enc-import-offers-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, MatButtonModule, MatDialogModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Import offers</h2>
    <mat-dialog-content class="content">
      <p>
        A CSV file with the columns <strong>UPN</strong>, <strong>Category</strong>,
        <strong>Provider</strong>, <strong>Status</strong> and, if you have them, <strong>Date</strong> (the
        day of the status), for {{ data.academyName }}, {{ yearText }}. Nothing changes until you have checked
        the file and chosen <strong>Import</strong>.
      </p>
      <div class="file-row">
        <!-- The browser's own input, kept for keyboards and screen readers but hidden; its label is the button. -->
        <input
          id="offers-file"
          class="file-input"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          (change)="chooseFile($event)"
        />
        <label for="offers-file" class="file-button">{{
          file() ? 'Choose another CSV file' : 'Choose a CSV file'
        }}</label>
        <span class="file-name" aria-live="polite">{{ file()?.name ?? 'No file chosen yet' }}</span>
      </div>
      @if (working()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="working() === 'checking' ? 'Checking the file' : 'Importing the offers'"
        />
      }
      <enc-api-error-message [error]="error()" />
      @if (preview(); as result) {
        <section aria-labelledby="offers-preview-heading" data-testid="offers-preview">
          <h3 id="offers-preview-heading">What the import would change</h3>
          <p>Nothing has been saved yet. If you import this file:</p>
          <ul class="counts">
            <li data-testid="offers-created">{{ created() }} would be recorded for the first time</li>
            <li data-testid="offers-updated">{{ updated() }} would change</li>
            <li data-testid="offers-unchanged">{{ unchanged() }} are already as the file says</li>
            <li data-testid="offers-rejected">{{ rejectedText() }}</li>
          </ul>
          @if (result.errors.length) {
            <p class="problem" role="alert">
              The file has {{ result.errors.length === 1 ? 'a row' : result.errors.length + ' rows' }} that
              cannot be imported. Correct {{ result.errors.length === 1 ? 'it' : 'them' }} in the file, choose
              it again and check it: nothing is imported while any row is wrong.
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Rows with errors, scrolls">
              <table class="errors" aria-label="Rows with errors">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Column</th>
                    <th scope="col">Value</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  @for (problem of result.errors; track $index) {
                    <tr>
                      <td>{{ problem.line }}</td>
                      <td>{{ problem.column }}</td>
                      <td>{{ problem.value }}</td>
                      <td>{{ problem.reason }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>Cancel</button>
      <button matButton="outlined" type="button" (click)="check()" [disabled]="!file() || !!working()">
        Check file
      </button>
      <button matButton="filled" type="button" (click)="commit()" [disabled]="!canImport()">Import</button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      min-width: min(34rem, 80vw);
    }
    .file-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0.5rem 0 1rem;
    }
    .file-input {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .file-button {
      display: inline-flex;
      align-items: center;
      min-height: 40px;
      padding: 0 1.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .file-input:focus-visible + .file-button {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .file-name {
      color: var(--mat-sys-on-surface-variant);
    }
    h3 {
      margin: 0.5rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .counts {
      margin: 0 0 0.75rem;
    }
    .problem {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .errors {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .errors th,
    .errors td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
    }
  `,
})
export class ImportOffersDialog {
  protected readonly data = inject<ImportOffersDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DestinationsApi);
  private readonly reference =
    inject<MatDialogRef<ImportOffersDialog, DestinationImportResult>>(MatDialogRef);

  protected readonly yearText = academicYearLabel(this.data.academicYear);
  protected readonly file = signal<File | null>(null);
  /** The dry run's answer for the file chosen; the import is offered only after it. */
  protected readonly preview = signal<DestinationImportResult | null>(null);
  protected readonly working = signal<'checking' | 'importing' | null>(null);
  protected readonly error = signal<unknown>(null);

  protected readonly canImport = computed(() => {
    const preview = this.preview();
    return (
      !!preview &&
      !this.working() &&
      preview.errors.length === 0 &&
      preview.rejected === 0 &&
      preview.created + preview.updated > 0
    );
  });
  protected readonly created = computed(() => destinations(this.preview()?.created ?? 0));
  protected readonly updated = computed(() => destinations(this.preview()?.updated ?? 0));
  protected readonly unchanged = computed(() => destinations(this.preview()?.unchanged ?? 0));
  protected readonly rejectedText = computed(() => {
    const rejected = this.preview()?.rejected ?? 0;
    return rejected === 1 ? '1 row is refused' : `${rejected} rows are refused`;
  });

  protected chooseFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.preview.set(null);
    this.error.set(null);
  }

  /** The dry run: what the file would change, and every row it refuses. */
  protected async check(): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.preview.set(null);
    await this.send('checking', file, true, (answer) => this.preview.set(answer));
  }

  protected async commit(): Promise<void> {
    const file = this.file();
    if (!file || !this.canImport()) return;
    await this.send('importing', file, false, (answer) => this.reference.close(answer));
  }

  private async send(
    working: 'checking' | 'importing',
    file: File,
    dryRun: boolean,
    then: (answer: DestinationImportResult) => void,
  ): Promise<void> {
    this.working.set(working);
    this.error.set(null);
    try {
      then(
        await firstValueFrom(
          this.api.importOffers(this.data.academyId, this.data.academicYear, file, file.name, dryRun),
        ),
      );
    } catch (error) {
      this.error.set(error);
    } finally {
      this.working.set(null);
    }
  }
}

/** Opens the dialog; resolves with the import's answer once committed, or undefined. */
export function openImportOffersDialog(
  dialog: MatDialog,
  data: ImportOffersDialogData,
): Promise<DestinationImportResult | undefined> {
  return firstValueFrom(
    dialog
      .open<ImportOffersDialog, ImportOffersDialogData, DestinationImportResult>(ImportOffersDialog, {
        data,
        width: '44rem',
        maxWidth: '95vw',
      })
      .afterClosed(),
  );
}
