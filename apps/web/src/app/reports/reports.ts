import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { AcademicYear, academicYearOf, todayIsoDate, isTrustWide } from '@encounters/domain';
import { map, of } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { ReportsApi } from '../core/reports-api';
import { Session } from '../core/session';
import { AcademicYearPicker } from '../ui/academic-year-picker';
import { defaultAsAt } from '../ui/as-at-dates';
import { AsAtPicker } from '../ui/as-at-picker';
import { WORDS } from '../ui/words';

/** The whole trust, for trust-wide roles. */
const WHOLE_TRUST = '';

/** The downloads for governors and Ofsted, each with a sentence on what it holds. */
@Component({
  selector: 'enc-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AcademicYearPicker, AsAtPicker, MatButtonModule, MatFormFieldModule, MatSelectModule],
  templateUrl: './reports.html',
  styleUrl: './reports.scss',
})
export class Reports {
  private readonly session = inject(Session);
  private readonly api = inject(ApiClient);
  private readonly reports = inject(ReportsApi);

  protected readonly words = WORDS;
  protected readonly wholeTrust = WHOLE_TRUST;

  protected readonly trustWide = computed(() => isTrustWide(this.session.roles()));
  protected readonly academicYear = signal<AcademicYear>(academicYearOf(todayIsoDate()));
  private readonly chosenAsAt = signal<string | null>(null);
  protected readonly asAt = computed(() => this.chosenAsAt() ?? defaultAsAt(this.academicYear()));
  private readonly chosenAcademy = signal<string | null>(null);

  protected readonly academies = rxResource({
    params: () => ({ trustWide: this.trustWide(), own: this.session.user()?.academies ?? [] }),
    stream: ({ params }) =>
      params.trustWide
        ? this.api.academies().pipe(map((academies) => academies.map(({ id, name }) => ({ id, name }))))
        : of(params.own.map(({ id, name }) => ({ id, name }))),
    defaultValue: [],
  });
  protected readonly academyId = computed(
    () =>
      this.chosenAcademy() ??
      (this.trustWide() ? WHOLE_TRUST : (this.academies.value()[0]?.id ?? WHOLE_TRUST)),
  );
  protected readonly scopeName = computed(() => {
    const id = this.academyId();
    return id
      ? (this.academies.value().find((academy) => academy.id === id)?.name ?? 'the academy')
      : 'the whole trust';
  });

  protected readonly links = computed(() => {
    const query = {
      academicYear: this.academicYear(),
      asAt: this.asAt(),
      academyId: this.academyId() || undefined,
    };
    return {
      compliancePdf: this.reports.complianceUrl({ ...query, format: 'pdf' }),
      complianceCsv: this.reports.complianceUrl({ ...query, format: 'csv', part: 'learners' }),
      summaryCsv: this.reports.complianceUrl({ ...query, format: 'csv', part: 'summary' }),
      gapsCsv: this.reports.complianceUrl({ ...query, format: 'csv', part: 'gaps' }),
      offersCsv: this.reports.complianceUrl({ ...query, format: 'csv', part: 'offers' }),
      workExperienceCsv: this.reports.complianceUrl({ ...query, format: 'csv', part: 'work-experience' }),
      organisationsCsv: this.reports.organisationsUrl({
        academicYear: query.academicYear,
        academyId: query.academyId,
        format: 'csv',
      }),
    };
  });

  protected setYear(year: AcademicYear): void {
    this.academicYear.set(year);
    this.chosenAsAt.set(null);
  }

  protected setAsAt(asAt: string): void {
    this.chosenAsAt.set(asAt);
  }

  protected setAcademy(academyId: string): void {
    this.chosenAcademy.set(academyId);
  }
}
