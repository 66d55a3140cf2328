import { FormControl, FormGroup } from '@angular/forms';

import { endsAfterStart, partTimeJobBody } from './part-time-job-dialog';
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
});
