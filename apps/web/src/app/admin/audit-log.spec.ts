import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuditEntryResponse, PagedResult } from '@encounters/domain';

import { AuditLog } from './audit-log';

const CASEY = '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b';
const KILNSIDE = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
const learners = Array.from({ length: 60 }, (_, index) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  name: index === 59 ? null : `Learner ${index + 1}`,
}));

function entry(overrides: Partial<AuditEntryResponse>): AuditEntryResponse {
  return {
    id: '1',
    at: '2026-11-30T09:15:00.000Z',
    userId: CASEY,
    userName: 'Casey Careers',
    action: 'encounter.create',
    entityType: 'encounter',
    entityId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
    entityName: 'Year 10 careers fair',
    academyId: KILNSIDE,
    academyName: 'Kilnside Academy',
    learners: [],
    details: {},
    ip: '10.0.0.7',
    ...overrides,
  };
}

describe(AuditLog.name, () => {
  // A component test with Material on a loaded two-core machine can take several seconds.
  jest.setTimeout(30_000);

  let fixture: ComponentFixture<AuditLog>;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function open(items: AuditEntryResponse[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AuditLog],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditLog);
    fixture.detectChanges();
    http
      .expectOne((request) => request.url === '/api/users')
      .flush({ items: [], total: 0, page: 1, pageSize: 500 });
    http.expectOne('/api/academies').flush([]);
    await settle();
    const page: PagedResult<AuditEntryResponse> = { items, total: items.length, page: 1, pageSize: 50 };
    http.expectOne((request) => request.url === '/api/audit').flush(page);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('reads an entry as a sentence with names and a link to the record, never a code or an id', async () => {
    const page = await open([entry({ details: { format: 'talk' } })]);
    const row = page.querySelector('tr.mat-mdc-row');
    expect(text(row)).toContain(
      'Casey Careers recorded the encounter Year 10 careers fair at Kilnside Academy',
    );
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(
      '/encounters/e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
    );
    expect(text(row)).not.toContain('encounter.create');
    expect(text(row)).not.toContain(CASEY);
  });

  it('counts the learners whose notes were viewed, and lists them behind a show button', async () => {
    const page = await open([
      entry({
        action: 'guidance_meeting.read_notes',
        entityType: 'guidance_meeting',
        entityId: null,
        entityName: null,
        academyId: null,
        academyName: null,
        learners,
        details: { meetingIds: ['a'], learnerIds: learners.map((learner) => learner.id) },
      }),
    ]);
    const row = page.querySelector('tr.mat-mdc-row') as HTMLElement;
    expect(text(row)).toContain('Casey Careers viewed the guidance notes of 60 learners');
    // The ids are not spelt out in the details.
    expect(text(row)).not.toContain(learners[0].id);
    const show = row.querySelector<HTMLButtonElement>('button.link-button');
    expect(show?.getAttribute('aria-expanded')).toBe('false');
    expect(row.querySelectorAll('.learners li')).toHaveLength(0);
    show?.click();
    await settle();
    expect(show?.getAttribute('aria-expanded')).toBe('true');
    const items = row.querySelectorAll('.learners li');
    expect(items).toHaveLength(60);
    expect(text(items[0])).toBe('Learner 1');
    expect(text(items[59])).toBe('A learner since erased');
  });

  it('offers the actions by their words, from the one table in libs/domain', async () => {
    await open([]);
    const actions = (fixture.componentInstance as unknown as { actions: { id: string; name: string }[] })
      .actions;
    expect(actions).toContainEqual({ id: 'guidance_meeting.read_notes', name: 'Guidance notes viewed' });
    expect(actions.every((action) => !action.name.includes('.'))).toBe(true);
  });
});
