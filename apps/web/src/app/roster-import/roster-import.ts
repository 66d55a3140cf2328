import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { HttpErrorResponse } from '@angular/common/http';
import {
  academicYearLabel,
  academicYearOf,
  ROSTER_FIELD_LABELS,
  ROSTER_FIELDS,
  type RosterField,
  type RosterImportMapping,
  type RosterUnmappedHeader,
  todayIsoDate,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { RosterApi, RosterImportAnswer } from '../core/roster-api';
import { Session } from '../core/session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { RosterMoveRequests } from './roster-move-requests';
import { loadedList } from '../core/loaded-list';

/** Upload the MIS export, see what it would change, and only then commit it. */
@Component({
  selector: 'enc-roster-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorMessage,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RosterMoveRequests,
  ],
  templateUrl: './roster-import.html',
  styleUrl: './roster-import.scss',
})
export class RosterImport {
  private readonly api = inject(RosterApi);
  private readonly session = inject(Session);

  protected readonly academies = loadedList(
    inject(ApiClient).academies(),
    () => this.session.user()?.academies ?? [],
  );
  private readonly currentYear = academicYearOf(todayIsoDate());
  protected readonly years = [this.currentYear + 1, this.currentYear, this.currentYear - 1].map((year) => ({
    year,
    label: academicYearLabel(year),
  }));

  protected readonly academyId = signal('');
  protected readonly academicYear = signal(this.currentYear);
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<RosterImportAnswer | null>(null);
  protected readonly committed = signal<RosterImportAnswer | null>(null);
  protected readonly working = signal<'checking' | 'committing' | null>(null);
  protected readonly error = signal<unknown>(null);
  /** The day the missing learners left, for marking them as leavers; today unless changed. */
  protected readonly leavingDate = signal(todayIsoDate());
  protected readonly leaversMarked = signal<number | null>(null);

  protected readonly academyName = computed(
    () => this.academies().find((academy) => academy.id === this.academyId())?.name ?? '',
  );
  protected readonly yearText = computed(() => academicYearLabel(this.academicYear()));
  protected readonly canCommit = computed(() => {
    const preview = this.preview();
    return !!preview && preview.errors.length === 0 && preview.rejected === 0 && !this.working();
  });
  protected readonly errorColumns = ['line', 'column', 'value', 'reason'];
  protected readonly fieldLabels = ROSTER_FIELD_LABELS;
  protected readonly fieldChoices = ROSTER_FIELDS.map((field) => ({
    field,
    label: ROSTER_FIELD_LABELS[field],
  }));
  /** The careers lead's answers for the headers the import does not place. */
  protected readonly mapping = signal<RosterImportMapping>({});
  /** Headers to answer for: from the preview, or from a file refused for its headers (400). */
  protected readonly unmappedHeaders = computed<readonly RosterUnmappedHeader[]>(() => {
    const fromPreview = this.preview()?.unmappedHeaders;
    if (fromPreview) return fromPreview;
    const error = this.error();
    const body = error instanceof HttpErrorResponse ? (error.error as { unmappedHeaders?: unknown }) : null;
    return Array.isArray(body?.unmappedHeaders) ? (body.unmappedHeaders as RosterUnmappedHeader[]) : [];
  });
  protected readonly notInFile = computed(() =>
    (this.preview()?.notInFile ?? []).map((field) => ROSTER_FIELD_LABELS[field]).join(', '),
  );
  protected readonly missingColumns = ['name', 'upn', 'yearGroup'];
  protected readonly heldElsewhereLines = computed(() =>
    (this.preview()?.heldElsewhere ?? []).map((row) => row.line).join(', '),
  );
  private readonly moveRequests = viewChild(RosterMoveRequests);

  constructor() {
    effect(() => {
      const academies = this.academies();
      untracked(() => {
        if (!this.academyId() && academies.length === 1) this.academyId.set(academies[0].id);
      });
    });
  }

  protected chooseAcademy(id: string): void {
    this.academyId.set(id);
    this.reset();
  }

  protected chooseYear(year: number): void {
    this.academicYear.set(year);
    this.reset();
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.mapping.set({});
    this.reset();
  }

  /** The answer shown for a header: the one given, else "ignore" for an unknown header, else none yet. */
  protected answerFor(header: RosterUnmappedHeader): RosterField | 'ignore' | '' {
    return this.mapping()[header.header] ?? (header.problem === 'unknown' ? 'ignore' : '');
  }

  protected mapHeader(header: string, field: RosterField | 'ignore'): void {
    this.mapping.update((mapping) => ({ ...mapping, [header]: field }));
  }

  /** Unknown headers the lead left alone are sent as "ignore", so that a commit saves that answer too. */
  private mappingToSend(): RosterImportMapping {
    const answers: RosterImportMapping = { ...this.mapping() };
    for (const header of this.unmappedHeaders()) {
      if (header.problem === 'unknown' && !answers[header.header]) answers[header.header] = 'ignore';
    }
    return answers;
  }

  protected async check(): Promise<void> {
    const file = this.file();
    if (!file || !this.academyId()) return;
    const mapping = this.mapping();
    this.working.set('checking');
    this.reset();
    try {
      this.preview.set(
        await firstValueFrom(
          this.api.upload(this.academyId(), this.academicYear(), file, file.name, true, mapping),
        ),
      );
    } catch (error) {
      this.error.set(error);
    } finally {
      this.working.set(null);
    }
  }

  protected async commit(): Promise<void> {
    const file = this.file();
    if (!file || !this.canCommit()) return;
    this.working.set('committing');
    this.error.set(null);
    try {
      this.committed.set(
        await firstValueFrom(
          this.api.upload(
            this.academyId(),
            this.academicYear(),
            file,
            file.name,
            false,
            this.mappingToSend(),
          ),
        ),
      );
      this.preview.set(null);
      void this.moveRequests()?.load();
    } catch (error) {
      this.error.set(error);
    } finally {
      this.working.set(null);
    }
  }

  protected chooseLeavingDate(event: Event): void {
    this.leavingDate.set((event.target as HTMLInputElement).value);
  }

  /** Marks every learner the file leaves out as a leaver on the chosen date, then checks the file again. */
  protected async markLeavers(): Promise<void> {
    const missing = this.preview()?.missingLearners ?? [];
    if (!missing.length || !this.leavingDate()) return;
    this.working.set('checking');
    this.error.set(null);
    try {
      const { marked } = await firstValueFrom(
        this.api.markLeavers(
          this.academyId(),
          this.academicYear(),
          missing.map((learner) => learner.learnerId),
          this.leavingDate(),
        ),
      );
      this.working.set(null);
      await this.check();
      this.leaversMarked.set(marked);
    } catch (error) {
      this.error.set(error);
    } finally {
      this.working.set(null);
    }
  }

  private reset(): void {
    this.preview.set(null);
    this.committed.set(null);
    this.error.set(null);
    this.leaversMarked.set(null);
  }
}
