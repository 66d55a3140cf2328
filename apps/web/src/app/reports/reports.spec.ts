import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CurrentUserResponse } from '@encounters/domain';

import { Session } from '../core/session';
import { Reports } from './reports';
import { currentUser } from '../testing/users';

const careersLead = currentUser('Casey Careers', ['careers_lead'], {
  academies: [{ id: 'f5c57a3b-250e-48cb-88dc-c4257d4eac7b', name: 'Kilnside Academy', urn: '900001' }],
});

describe(Reports.name, () => {
  it('says which downloads hold personal data: the compliance CSV does, the PDF and the organisation CSV do not', async () => {
    const user = signal<CurrentUserResponse | null>(careersLead);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Session, useValue: { user, roles: computed(() => user()?.roles ?? []) } },
      ],
    });
    const fixture = TestBed.createComponent(Reports);
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

    expect(text('[data-testid="compliance-csv-personal"]')).toMatch(
      /^The learners CSV holds personal data: every learner on roll by UPN and name, .*pupil premium and SEN status/,
    );
    expect(text('[data-testid="personal-data"]')).toContain(
      "the learners' statuses (CSV) does, one row per learner. The compliance report (PDF), the summary figures and cohort gaps (CSV) and the organisation engagement (CSV) do not",
    );
    // The old promise, untrue of the CSV, is gone.
    expect(page.textContent).not.toContain(
      'These reports hold figures for groups of learners, never a learner',
    );
    expect(page.querySelector('.explained')?.textContent).toContain('Measuring dates:');
    // CSV files of one table each: the learners (personal data), the summary, the gaps, work experience, the offer.
    const hrefs = [...page.querySelectorAll('a[download]')].map((link) => link.getAttribute('href') ?? '');
    for (const part of ['learners', 'summary', 'gaps', 'work-experience', 'offers'])
      expect(hrefs.some((href) => href.includes('format=csv') && href.includes(`part=${part}`))).toBe(true);
    TestBed.inject(HttpTestingController).verify();
  });
});
