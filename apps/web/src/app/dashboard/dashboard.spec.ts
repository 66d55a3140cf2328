import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  CoverageResponse,
  CoverageRow,
  defaultPolicy,
  RULE_IDS,
  RuleTallies,
  sectorReachOf,
} from '@encounters/domain';

import { CoverageChart } from './coverage-chart';
import { Dashboard } from './dashboard';
import { find, routedPage, routedPageProviders } from '../testing/page-test';
import { currentUser } from '../testing/users';

const KILNSIDE = 'f5c57a3b-250e-48cb-88dc-c4257d4eac7b';
const BURSLEM = '06617bd6-cec2-4d89-b9af-a69869979c2e';

@Component({ selector: 'enc-coverage-chart', template: '' })
class ChartStub {
  readonly spec = input<unknown>();
  readonly description = input<string>();
  readonly height = input<number>();
}

const leader = currentUser('Taylor Trustleader', ['trust_leader']);

function row(key: string, label: string, percent: number): CoverageRow {
  const rules = Object.fromEntries(
    RULE_IDS.map((rule) => [
      rule,
      rule === 'O2' || rule === 'B5'
        ? { met: percent, onTrack: 100 - percent, atRisk: 0, missed: 0, applicable: 100, percent }
        : { met: 0, onTrack: 0, atRisk: 0, missed: 0, applicable: 0, percent: null },
    ]),
  ) as RuleTallies;
  const none = { zero: 0, belowTarget: 0, atTarget: 0, median: null };
  return { key, label, learners: 100, rules, hours: { WEX_KS3: none, WEX_KS4: none } };
}

/**
 * Lets the router, the resources and change detection run. Not `whenStable()`: it waits for every request in
 * flight, and these tests answer the requests themselves.
 */
async function tick(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve));
}

describe(Dashboard.name, () => {
  let httpTesting: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: routedPageProviders([{ path: '', component: Dashboard }], leader),
    });
    TestBed.overrideComponent(Dashboard, {
      remove: { imports: [CoverageChart] },
      add: { imports: [ChartStub] },
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => httpTesting.verify());

  const root = () => routedPage(harness);

  /** Answers every request in flight as the API would for the demo trust; returns the coverage queries asked. */
  async function answerAll(): Promise<TestRequest[]> {
    const coverage: TestRequest[] = [];
    for (let round = 0; round < 5; round++) {
      await tick();
      const pending = httpTesting.match(() => true);
      if (!pending.length) break;
      for (const request of pending) {
        const params = request.request.params;
        if (request.request.url === '/api/academies') {
          request.flush([
            { id: BURSLEM, name: 'Burslem Vale Academy', urn: '900002', phase: 'secondary' },
            { id: KILNSIDE, name: 'Kilnside Academy', urn: '900001', phase: 'secondary' },
          ]);
        } else if (request.request.url === '/api/coverage') {
          coverage.push(request);
          const scope = params.get('scope');
          const rows =
            params.get('breakdown') === 'pupilPremium'
              ? [
                  row('academy', 'Kilnside Academy', 40),
                  { ...row('pupilPremium:yes', 'Pupil premium', 30), gaps: { O2: -12.5, B5: -12.5 } },
                  { ...row('pupilPremium:no', 'Not pupil premium', 42.5), gaps: { O2: 12.5, B5: 12.5 } },
                ]
              : scope === 'trust'
                ? [
                    row('trust', 'Trust', 50),
                    row(`academy:${BURSLEM}`, 'Burslem Vale Academy', 60),
                    row(`academy:${KILNSIDE}`, 'Kilnside Academy', 40),
                  ]
                : scope === 'academy'
                  ? [
                      row(`academy:${KILNSIDE}`, 'Kilnside Academy', 40),
                      row('yearGroup:9', 'Year 9', 35),
                      row('yearGroup:11', 'Year 11', 45),
                    ]
                  : [
                      row('yearGroup', 'Kilnside Academy, Year 9', 35),
                      row('group:9A-id', '9A', 30),
                      row('group:9B-id', '9B', 40),
                    ];
          const answer: CoverageResponse = {
            scope: scope as CoverageResponse['scope'],
            academicYear: Number(params.get('academicYear')),
            asAt: params.get('asAt') ?? '',
            ruleSet: 'gatsby-2024',
            rows,
          };
          request.flush(answer);
        } else if (request.request.url === '/api/reports/sector-reach') {
          request.flush(
            sectorReachOf({
              academicYear: 2025,
              asAt: params.get('asAt') ?? '',
              totalEncounters: 4,
              totalLearners: 80,
              prioritySectors: defaultPolicy(2025).localPrioritySectors,
              counts: [{ sector: 'Digital', encounters: 2, learners: 30 }],
            }),
          );
        } else if (request.request.url.startsWith('/api/policy/')) {
          request.flush({ ...defaultPolicy(2025), academicYear: 2025, saved: false });
        } else {
          request.flush({ items: [], total: 0, page: 1, pageSize: 500 });
        }
      }
      await tick();
    }
    return coverage;
  }

  const page = () => root();
  const columnHeadings = () =>
    [...page().querySelectorAll('.coverage-table')[0].querySelectorAll('thead th a')].map((link) =>
      link.textContent?.trim(),
    );

  it('starts a trust leader at the trust, one column per academy', async () => {
    await harness.navigateByUrl('/?year=2025&asAt=2026-03-31');
    const coverage = await answerAll();

    const first = coverage[0].request.params;
    expect([first.get('scope'), first.get('academicYear'), first.get('asAt')]).toEqual([
      'trust',
      '2025',
      '2026-03-31',
    ]);
    expect(columnHeadings()).toEqual(['Burslem Vale Academy', 'Kilnside Academy']);
    expect(page().querySelector('.breadcrumb')).toBeNull();
  });

  it('drills down from the trust to an academy to a year group, with a breadcrumb back', async () => {
    await harness.navigateByUrl('/?year=2025&asAt=2026-03-31');
    await answerAll();

    find<HTMLAnchorElement>(page(), `a[href*="academy=${KILNSIDE}"]`).click();
    const afterAcademy = await answerAll();
    expect(afterAcademy[0].request.params.get('scope')).toBe('academy');
    expect(afterAcademy[0].request.params.get('id')).toBe(KILNSIDE);
    expect(columnHeadings()).toEqual(['Year 9', 'Year 11']);

    find<HTMLAnchorElement>(page(), 'a[href*="yearGroup=9"]').click();
    const afterYear = await answerAll();
    expect(afterYear[0].request.params.get('scope')).toBe('yearGroup');
    expect(afterYear[0].request.params.get('yearGroup')).toBe('9');
    expect(TestBed.inject(Router).url).toContain('asAt=2026-03-31');

    const crumbs = [...page().querySelectorAll('.breadcrumb li')].map((crumb) => crumb.textContent?.trim());
    expect(crumbs).toEqual(['All academies', 'Kilnside Academy', 'Year 9']);
    // A class leads to its own page, keeping the year, the date and where it sits for the class pickers.
    const classLink = find<HTMLAnchorElement>(page(), '.coverage-table thead a');
    expect(classLink.getAttribute('href')).toBe(
      `/classes/9A-id?year=2025&asAt=2026-03-31&academy=${KILNSIDE}&yearGroup=9`,
    );
  });

  it('shows the pupil-premium gaps when that breakdown is chosen', async () => {
    await harness.navigateByUrl(`/?year=2025&asAt=2026-03-31&academy=${KILNSIDE}&breakdown=pupilPremium`);
    const coverage = await answerAll();

    expect(coverage.some((request) => request.request.params.get('breakdown') === 'pupilPremium')).toBe(true);
    const breakdown = find(page(), '.breakdown-table');
    expect(
      [...breakdown.querySelectorAll('thead th')].map((th) => th.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual(['Rule', 'Pupil premium 100 learners', 'Not pupil premium 100 learners']);
    expect(breakdown.querySelector('tbody td .gap')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '▼ −12.5 pts against the rest',
    );
  });
});
