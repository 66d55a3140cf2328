import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RULE_IDS, RuleStatuses } from '@encounters/domain';

import { settle } from '../testing/page-test';
import { PartTimeJobsCard } from './part-time-jobs-card';
import { WorkExperienceCard } from './work-experience-card';
import { LearnerWorkExperience } from './work-experience-ledger';

const statuses = Object.fromEntries(
  RULE_IDS.map((rule) => [rule, rule === 'WEX_KS4' ? 'on_track' : 'not_applicable']),
) as RuleStatuses;

const ledger: LearnerWorkExperience = {
  ks3: { doneHours: 30, plannedHours: 0, countedHours: 12.5, targetHours: 25 },
  ks4: { doneHours: 10, plannedHours: 15, countedHours: 10, targetHours: 25 },
  items: [
    {
      encounterId: 'e1',
      date: '2025-11-04',
      title: 'Virtual insight week',
      hours: 30,
      delivery: 'virtual',
      planned: false,
      placement: false,
    },
    {
      encounterId: 'e2',
      date: '2026-03-10',
      title: 'Kilnworks Ceramics',
      hours: 10,
      delivery: 'in_person',
      planned: false,
      placement: true,
    },
    {
      encounterId: 'e3',
      date: '2026-07-06',
      title: 'Hanley Care Partnership',
      hours: 15,
      delivery: 'in_person',
      planned: true,
      placement: true,
    },
  ],
};

describe('the learner record’s work-experience cards', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  it('shows done against target for each key stage, why virtual hours are capped, and planned experiences first', async () => {
    const fixture = TestBed.createComponent(WorkExperienceCard);
    fixture.componentRef.setInput('workExperience', ledger);
    fixture.componentRef.setInput('statuses', statuses);
    fixture.componentRef.setInput('forename', 'Ada');
    await settle(fixture);
    const element: HTMLElement = fixture.nativeElement;
    const stages = [...element.querySelectorAll('.stage')].map((stage) => stage.textContent ?? '');
    expect(stages).toHaveLength(2);
    expect(stages[0]).toContain('Done 30 hours, target 25 hours');
    expect(stages[0]).toContain('17.5 hours of virtual experience do not count');
    expect(stages[1]).toContain('Done 10 hours, planned 15 hours, target 25 hours');
    const rows = [...element.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows[0]).toContain('Hanley Care Partnership');
    expect(rows[0]).toContain('Planned');
    expect(rows[2]).toContain('Virtual');
  });

  it('lists part-time jobs, and offers changes only to those allowed', async () => {
    const fixture = TestBed.createComponent(PartTimeJobsCard);
    fixture.componentRef.setInput('learnerId', 'l1');
    fixture.componentRef.setInput('learnerName', 'Ada Okafor');
    fixture.componentRef.setInput('canEdit', false);
    await settle(fixture);
    TestBed.inject(HttpTestingController)
      .expectOne('/api/learners/l1/part-time-jobs')
      .flush([
        {
          id: 'j1',
          employerName: 'Corner Café',
          sector: 'Catering and hospitality',
          hoursPerWeek: 6,
          from: '2025-09-06',
          to: null,
        },
      ]);
    await settle(fixture);
    const element: HTMLElement = fixture.nativeElement;
    expect(element.textContent).toContain('Corner Café');
    expect(element.textContent).toContain('6 hours a week');
    expect(element.textContent).toContain('never counts as work experience');
    expect(element.querySelector('button')).toBeNull();

    fixture.componentRef.setInput('canEdit', true);
    await settle(fixture);
    const buttons = [...element.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).toEqual(['Add a part-time job', 'Change', 'Delete']);
  });
});
