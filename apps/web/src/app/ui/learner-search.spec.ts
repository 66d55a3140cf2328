import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LearnerListItem, PagedResult } from '@encounters/domain';

import { learnerListItem } from '../testing/learners';
import { LearnerSearch } from './learner-search';

const ada = learnerListItem();

@Component({
  imports: [LearnerSearch],
  template: `<enc-learner-search testId="search" (picked)="picked.set($event)" />`,
})
class Host {
  readonly picked = signal<LearnerListItem | null>(null);
}

describe(LearnerSearch.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  function type(input: HTMLInputElement, text: string): void {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  }

  it('asks once the typing pauses, for eight learners matching the words, and picks the first with Enter', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const input: HTMLInputElement = fixture.nativeElement.querySelector('[data-testid="search"]');
    type(input, 'o');
    jest.advanceTimersByTime(250);
    http.expectNone(() => true); // One letter matches too many to ask about.

    type(input, 'okaf');
    jest.advanceTimersByTime(250);
    const request = http.expectOne((req) => req.url === '/api/learners');
    expect(request.request.params.get('q')).toBe('okaf');
    expect(request.request.params.get('pageSize')).toBe('8');
    request.flush({ items: [ada], total: 1, page: 1, pageSize: 8 } satisfies PagedResult<LearnerListItem>);
    fixture.detectChanges();
    await fixture.whenStable();

    const options = Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim());
    expect(options).toEqual([expect.stringMatching(/Ada Okafor\s*Year 10 · 10A · A123456789012/)]);
    expect(input.getAttribute('role')).toBe('combobox');

    jest.advanceTimersByTime(50);
    fixture.detectChanges();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true });
    Object.defineProperty(enter, 'keyCode', { value: 13 });
    input.dispatchEvent(enter);
    fixture.detectChanges();
    expect(fixture.componentInstance.picked()).toEqual(ada);
    expect(input.value).toBe('');
  });

  it('says when no learner the user can see matches', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const input: HTMLInputElement = fixture.nativeElement.querySelector('[data-testid="search"]');
    type(input, 'nobody');
    jest.advanceTimersByTime(250);
    http.expectOne((req) => req.url === '/api/learners').flush({ items: [], total: 0, page: 1, pageSize: 8 });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(document.querySelector('mat-option')?.textContent).toContain(
      'No learner you can see matches “nobody”',
    );
  });
});
