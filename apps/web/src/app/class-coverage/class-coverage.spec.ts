import { HttpTestingController, TestRequest } from '@angular/common/http/testing';

import { TestBed } from '@angular/core/testing';

import { RouterTestingHarness } from '@angular/router/testing';
import {
  CoverageLearnerRow,
  CoverageLearnersResponse,
  GroupDetailResponse,
  RULE_IDS,
  RuleStatuses,
} from '@encounters/domain';

import { ClassCoverage } from './class-coverage';
import { find, routedPage, routedPageProviders } from '../testing/page-test';
import { currentUser } from '../testing/users';

const GROUP_ID = '19b1a727-1c46-4f34-ab7e-a1776d419a72';
const ACADEMY_ID = 'f5c57a3b-250e-48cb-88dc-c4257d4eac7b';

const teacher = currentUser('Morgan Tutor', ['teacher'], {
  id: '98b18e53-6c59-4e32-8230-54b7e5ec476d',
  academies: [{ id: ACADEMY_ID, name: 'Kilnside Academy', urn: '900001' }],
  groupIds: [GROUP_ID],
});

function learner(name: string, overrides: Partial<RuleStatuses>): CoverageLearnerRow {
  const statuses = Object.fromEntries(RULE_IDS.map((rule) => [rule, 'not_applicable'])) as RuleStatuses;
  return {
    learnerId: `id-${name}`,
    upn: `UPN-${name}`,
    name,
    yearGroup: 9,
    group: '9A',
    statuses: { ...statuses, ...overrides },
  };
}

describe(ClassCoverage.name, () => {
  let httpTesting: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: routedPageProviders(
        [
          { path: 'classes', component: ClassCoverage },
          { path: 'classes/:groupId', component: ClassCoverage },
        ],
        teacher,
      ),
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => httpTesting.verify());

  const root = () => routedPage(harness);

  function one(url: string): TestRequest {
    const [request] = httpTesting.match((candidate) => candidate.url === url);
    if (!request) throw new Error(`No request to ${url}`);
    return request;
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  async function openClass(rows: CoverageLearnerRow[]): Promise<HTMLElement> {
    await harness.navigateByUrl(`/classes/${GROUP_ID}`);
    const group: GroupDetailResponse = {
      id: GROUP_ID,
      academyId: ACADEMY_ID,
      academicYear: 2026,
      name: '9A',
      kind: 'registration',
      yearGroup: 9,
      teacherIds: [teacher.id],
      learnerCount: rows.length,
      learners: [],
    };
    one(`/api/groups/${GROUP_ID}`).flush(group);
    one('/api/groups').flush([group]);
    const coverage = one('/api/coverage/learners');
    expect(coverage.request.params.get('scope')).toBe('group');
    expect(coverage.request.params.get('id')).toBe(GROUP_ID);
    coverage.flush({
      scope: 'group',
      academicYear: 2026,
      asAt: '2026-11-22',
      ruleSet: 'gatsby-2024',
      rows,
    } satisfies CoverageLearnersResponse);
    await settle();
    return root();
  }

  const names = (page: HTMLElement) =>
    [...page.querySelectorAll('tbody th a')].map((link) => link.textContent?.trim());

  const rows = [
    learner('Ada Adams', { O2: 'met', B5: 'met', PAL1: 'met' }),
    learner('Ben Brown', { O2: 'on_track', B5: 'on_track', PAL1: 'met' }),
    learner('Cai Cole', { O2: 'on_track', B5: 'met', PAL1: 'at_risk' }),
    learner('Dee Dunn', { O2: 'on_track', B5: 'on_track', PAL1: 'at_risk' }),
  ];

  it('lists the learners in register order, and a column only for the rules that apply', async () => {
    const sut = await openClass(rows);

    expect(names(sut)).toEqual(['Ada Adams', 'Ben Brown', 'Cai Cole', 'Dee Dunn']);
    expect(find(sut, 'thead th').getAttribute('aria-sort')).toBe('ascending');
    expect(find(sut, 'caption').textContent).toContain('in register order (surname, forename)');
    const headings = [...sut.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headings).toEqual([
      'Learner',
      'Still to meet',
      'Objective 2',
      'B5 employer',
      'Provider access Y8–9',
    ]);
    expect(sut.querySelector('h1')?.textContent).toContain('9A');
  });

  const headings = (page: HTMLElement) => [...page.querySelectorAll<HTMLElement>('thead th')];
  const sortState = (page: HTMLElement) =>
    headings(page).map((th) => `${th.textContent?.trim()}: ${th.getAttribute('aria-sort') ?? '-'}`);

  it('sorts by any column from its heading, says which with aria-sort, and turns round on a second choice', async () => {
    const sut = await openClass(rows);
    const button = (label: string) => {
      const th = headings(sut).find((heading) => heading.textContent?.trim() === label);
      if (!th) throw new Error(`No heading ${label}`);
      return find<HTMLButtonElement>(th, 'button');
    };

    // Most still to meet first; Cai and Ben both lack two rules, and Cai's provider access deadline is close.
    button('Still to meet').click();
    await settle();
    expect(names(sut)).toEqual(['Dee Dunn', 'Cai Cole', 'Ben Brown', 'Ada Adams']);
    expect(sortState(sut)).toEqual([
      'Learner: -',
      'Still to meet: descending',
      'Objective 2: -',
      'B5 employer: -',
      'Provider access Y8–9: -',
    ]);
    expect(find(sut, 'caption').textContent).toContain('most still to meet first');

    button('Still to meet').click();
    await settle();
    expect(names(sut)).toEqual(['Ada Adams', 'Ben Brown', 'Cai Cole', 'Dee Dunn']);
    expect(button('Still to meet').closest('th')?.getAttribute('aria-sort')).toBe('ascending');

    // A rule: the most in need first (at risk before met), ties in register order.
    button('Provider access Y8–9').click();
    await settle();
    expect(names(sut)).toEqual(['Cai Cole', 'Dee Dunn', 'Ada Adams', 'Ben Brown']);
    expect(button('Provider access Y8–9').closest('th')?.getAttribute('aria-sort')).toBe('descending');

    button('Learner').click();
    await settle();
    expect(names(sut)).toEqual(['Ada Adams', 'Ben Brown', 'Cai Cole', 'Dee Dunn']);
    button('Learner').click();
    await settle();
    expect(names(sut)).toEqual(['Dee Dunn', 'Cai Cole', 'Ben Brown', 'Ada Adams']);
    expect(sortState(sut)[0]).toBe('Learner: descending');
  });

  it('shows every status as a chip with words', async () => {
    const sut = await openClass(rows);

    const deeRow = [...sut.querySelectorAll('tbody tr')][3];
    expect([...deeRow.querySelectorAll('enc-status-chip')].map((chip) => chip.textContent?.trim())).toEqual([
      'On track',
      'On track',
      'At risk',
    ]);
  });

  it('keeps only the learners who need something this term when asked', async () => {
    const sut = await openClass(rows);

    find<HTMLButtonElement>(sut, 'mat-slide-toggle button').click();
    await settle();

    expect(names(sut)).toEqual(['Cai Cole', 'Dee Dunn']);
  });

  it('links each learner to their record', async () => {
    const sut = await openClass(rows);

    expect(sut.querySelector('tbody th a')?.getAttribute('href')).toMatch(
      /^\/learners\/id-Ada%20Adams\?year=\d{4}$/,
    );
  });

  it('says plainly when the class is not one the user can see', async () => {
    await harness.navigateByUrl('/classes/another-academys-class');
    const notFound = { statusCode: 404, error: 'Not Found', message: 'No such group.', details: [] };
    one('/api/groups/another-academys-class').flush(notFound, { status: 404, statusText: 'Not Found' });
    one('/api/groups').flush([]);
    one('/api/coverage/learners').flush(notFound, { status: 404, statusText: 'Not Found' });
    await settle();

    const alert = root().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('This class was not found, or it is not one you can see.');
    expect(root().querySelector('table')).toBeNull();
  });
});
