import { breadcrumbFor, childTarget, coverageQueryFor, drillInto } from './drill-down';

const ACADEMY = '6bf5cba7-51f7-436b-a0b7-6a85240601a7';
const GROUP = '19b1a727-1c46-4f34-ab7e-a1776d419a72';
const options = { trustWide: true, academicYear: 2025, asAt: '2026-03-31' };

describe(coverageQueryFor.name, () => {
  it('starts trust-wide users at the trust', () => {
    expect(coverageQueryFor({ academyId: null, yearGroup: null }, options)).toEqual({
      scope: 'trust',
      academicYear: 2025,
      asAt: '2026-03-31',
      breakdown: undefined,
    });
  });

  it('asks for an academy, then a year group of it', () => {
    expect(coverageQueryFor({ academyId: ACADEMY, yearGroup: null }, options)).toMatchObject({
      scope: 'academy',
      id: ACADEMY,
    });
    expect(coverageQueryFor({ academyId: ACADEMY, yearGroup: 9 }, options)).toMatchObject({
      scope: 'yearGroup',
      academyId: ACADEMY,
      yearGroup: 9,
    });
  });

  it('has nothing to ask for a user who is not trust-wide and has no academy', () => {
    expect(
      coverageQueryFor({ academyId: null, yearGroup: null }, { ...options, trustWide: false }),
    ).toBeNull();
  });
});

describe(childTarget.name, () => {
  it('reads the keys of the child rows', () => {
    expect(childTarget(`academy:${ACADEMY}`)).toEqual({ kind: 'academy', academyId: ACADEMY });
    expect(childTarget('yearGroup:9')).toEqual({ kind: 'yearGroup', yearGroup: 9 });
    expect(childTarget(`group:${GROUP}`)).toEqual({ kind: 'group', groupId: GROUP });
  });

  it('leads nowhere for learners without a class or an unknown key', () => {
    expect(childTarget('group:none')).toBeNull();
    expect(childTarget('pupilPremium:yes')).toBeNull();
  });
});

describe(drillInto.name, () => {
  it('goes from the trust to an academy to a year group, and leaves the dashboard for a class', () => {
    const academy = drillInto({ academyId: null, yearGroup: null }, childTarget(`academy:${ACADEMY}`));
    expect(academy).toEqual({ academyId: ACADEMY, yearGroup: null });

    const yearGroup = drillInto({ academyId: ACADEMY, yearGroup: null }, childTarget('yearGroup:11'));
    expect(yearGroup).toEqual({ academyId: ACADEMY, yearGroup: 11 });

    expect(drillInto({ academyId: ACADEMY, yearGroup: 11 }, childTarget(`group:${GROUP}`))).toBeNull();
  });
});

describe(breadcrumbFor.name, () => {
  const academyName = () => 'Kilnside Academy';

  it('links every step but the current one', () => {
    const sut = breadcrumbFor({ academyId: ACADEMY, yearGroup: 9 }, { trustWide: true, academyName });

    expect(sut).toEqual([
      { label: 'All academies', state: { academyId: null, yearGroup: null } },
      { label: 'Kilnside Academy', state: { academyId: ACADEMY, yearGroup: null } },
      { label: 'Year 9', state: null },
    ]);
  });

  it('starts at the academy for academy staff', () => {
    const sut = breadcrumbFor({ academyId: ACADEMY, yearGroup: null }, { trustWide: false, academyName });

    expect(sut).toEqual([{ label: 'Kilnside Academy', state: null }]);
  });
});
