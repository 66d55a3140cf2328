import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { EMPTY } from 'rxjs';

import { endsAfterStart, PartTimeJobDialog, partTimeJobBody } from './part-time-job-dialog';
import { hoursPerWeekText, sortedJobs } from './part-time-jobs-card';

describe('part-time jobs', () => {
  it('builds the body, leaving out empty optional fields when adding', () => {
    expect(
      partTimeJobBody(
        { employerName: '  Corner Shop ', sector: '', hoursPerWeek: '8', from: '2025-09-06', to: '' },
        false,
      ),
    ).toEqual({ employerName: 'Corner Shop', hoursPerWeek: 8, from: '2025-09-06' });
  });

  it('clears the sector and end date when changing a job', () => {
    expect(
      partTimeJobBody(
        { employerName: 'Café', sector: '', hoursPerWeek: 6, from: '2025-09-06', to: '' },
        true,
      ),
    ).toEqual({ employerName: 'Café', hoursPerWeek: 6, from: '2025-09-06', sector: null, to: null });
  });

  it('refuses an end before the start', () => {
    const form = (from: string, to: string) =>
      new FormGroup({ from: new FormControl(from), to: new FormControl(to) });
    expect(endsAfterStart(form('2025-09-06', '2025-09-01'))).toEqual({ endsBeforeStart: true });
    expect(endsAfterStart(form('2025-09-06', '2025-09-06'))).toBeNull();
    expect(endsAfterStart(form('2025-09-06', ''))).toBeNull();
  });

  it('lists jobs still held first, then the latest started', () => {
    const job = (id: string, from: string, to: string | null = null) => ({
      id,
      employerName: id,
      hoursPerWeek: 5,
      from,
      to,
    });
    expect(
      sortedJobs([
        job('old', '2024-01-01', '2024-06-01'),
        job('new', '2025-01-01'),
        job('held', '2024-03-01'),
      ]).map((entry) => entry.id),
    ).toEqual(['new', 'held', 'old']);
  });

  it('words the hours a week', () => {
    expect(hoursPerWeekText(1)).toBe('1 hour a week');
    expect(hoursPerWeekText(7.5)).toBe('7.5 hours a week');
  });

  describe(PartTimeJobDialog.name, () => {
    function open(): { page: HTMLElement; detectChanges: () => void; http: HttpTestingController } {
      TestBed.configureTestingModule({
        imports: [PartTimeJobDialog],
        providers: [
          provideHttpClient(),
          provideHttpClientTesting(),
          { provide: MAT_DIALOG_DATA, useValue: { learnerId: 'l1', learnerName: 'Ava Adams' } },
          {
            provide: MatDialogRef,
            useValue: { close: jest.fn(), backdropClick: () => EMPTY, keydownEvents: () => EMPTY },
          },
        ],
      });
      const fixture = TestBed.createComponent(PartTimeJobDialog);
      fixture.detectChanges();
      return {
        page: fixture.nativeElement as HTMLElement,
        detectChanges: () => fixture.detectChanges(),
        http: TestBed.inject(HttpTestingController),
      };
    }

    function type(page: HTMLElement, name: string, value: string): HTMLInputElement {
      const field = page.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
      return field;
    }

    it('marks the "To" field itself invalid when the end is before the start, and sends nothing', () => {
      const { page, detectChanges, http } = open();
      type(page, 'employerName', 'Corner Shop');
      type(page, 'from', '2025-09-06');
      const to = type(page, 'to', '2025-09-01');
      detectChanges();
      // Not yet left nor sent: no error shown.
      expect(to.getAttribute('aria-invalid')).toBe('false');

      (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      detectChanges();
      http.expectNone(() => true);
      expect(to.getAttribute('aria-invalid')).toBe('true');
      const field = to.closest('mat-form-field') as HTMLElement;
      expect(field.classList).toContain('mat-form-field-invalid');
      const error = field.querySelector('mat-error') as HTMLElement;
      expect(error.textContent?.trim()).toBe('The end date must be on or after the start.');
      expect(to.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
      // The start, which is not at fault, stays as it was.
      expect(
        (page.querySelector('[formcontrolname="from"]') as HTMLInputElement).getAttribute('aria-invalid'),
      ).toBe('false');

      // An end on the start day mends it.
      type(page, 'to', '2025-09-06');
      detectChanges();
      expect(to.getAttribute('aria-invalid')).toBe('false');
      expect(field.querySelector('mat-error')).toBeNull();
    });
  });
});
