import { HttpTestingController, TestRequest } from '@angular/common/http/testing';

import { TestBed } from '@angular/core/testing';

import { RouterTestingHarness } from '@angular/router/testing';
import {
  CoverageLearnerRow,
  CoverageLearnersResponse,
  CurrentUserResponse,
  GroupDetailResponse,
  RULE_IDS,
  RuleStatuses,
} from '@encounters/domain';

import { ClassCoverage } from './class-coverage';
import { find, routedPage, routedPageProviders } from '../testing/page-test';

const GROUP_ID = '19b1a727-1c46-4f34-ab7e-a1776d419a72';
const ACADEMY_ID = 'f5c57a3b-250e-48cb-88dc-c4257d4eac7b';

const teacher: CurrentUserResponse = {
  id: '98b18e53-6c59-4e32-8230-54b7e5ec476d',
  name: 'Morgan Tutor',
  email: 'teacher@demo.encounters',
  roles: ['teacher'],
  academies: [{ id: ACADEMY_ID, name: 'Kilnside Academy', urn: '900001' }],
  groupIds: [GROUP_ID],
};

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

  it('lists the learners with the most gaps first, and a column only for the rules that apply', async () => {
    const sut = await openClass(rows);

    // Cai and Ben both lack two rules; Cai's provider access deadline is close.
    expect(names(sut)).toEqual(['Dee Dunn', 'Cai Cole', 'Ben Brown', 'Ada Adams']);
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

  it('shows every status as a chip with words', async () => {
    const sut = await openClass(rows);

    const firstRow = find(sut, 'tbody tr');
    expect([...firstRow.querySelectorAll('enc-status-chip')].map((chip) => chip.textContent?.trim())).toEqual(
      ['On track', 'On track', 'At risk'],
    );
  });

  it('keeps only the learners who need something this term when asked', async () => {
    const sut = await openClass(rows);

    find<HTMLButtonElement>(sut, 'mat-slide-toggle button').click();
    await settle();

    expect(names(sut)).toEqual(['Dee Dunn', 'Cai Cole']);
  });

  it('links each learner to their record', async () => {
    const sut = await openClass(rows);

    expect(sut.querySelector('tbody th a')?.getAttribute('href')).toMatch(
      /^\/learners\/id-Dee%20Dunn\?year=\d{4}$/,
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
