import { abilitiesFor, accessScope, type AuthUser, may, mayEverywhere, seesGuidanceNotes } from './policy';

function user(
  roles: AuthUser['roles'],
  academyIds: string[] = ['kilnside'],
  groupIds: string[] = [],
): AuthUser {
  return {
    id: 'u',
    name: 'U',
    email: 'u@example.org',
    roles,
    academyIds,
    groupIds,
    sessionId: 's',
    sessionKind: 'cookie',
  };
}

describe(may.name, () => {
  it('lets a careers lead log encounters at their own academy only, and a trust administrator anywhere', () => {
    expect(may(user(['careers_lead']), 'logEncounter', 'kilnside')).toBe(true);
    expect(may(user(['careers_lead']), 'logEncounter', 'burslem')).toBe(false);
    expect(may(user(['trust_admin'], []), 'logEncounter', 'burslem')).toBe(true);
  });

  it('answers whether the ability is held anywhere when no academy is given', () => {
    expect(may(user(['careers_adviser']), 'recordGuidance')).toBe(true);
    expect(may(user(['teacher']), 'recordGuidance')).toBe(false);
  });
});

describe(mayEverywhere.name, () => {
  it('holds only through a trust-wide role', () => {
    expect(mayEverywhere(user(['trust_admin']), 'importRoster')).toBe(true);
    expect(mayEverywhere(user(['careers_lead']), 'importRoster')).toBe(false);
  });
});

describe(abilitiesFor.name, () => {
  it("lists a trust leader's abilities from the domain's table", () => {
    expect(abilitiesFor(user(['trust_leader']))).toEqual(['readReports', 'takeSnapshots']);
  });
});

describe(accessScope.name, () => {
  it('gives a teacher their groups and no whole academy', () => {
    const sut = accessScope(user(['teacher'], ['kilnside'], ['9A']));

    expect(sut).toEqual({
      trustWide: false,
      academyIds: [],
      groupIds: ['9A'],
      memberAcademyIds: ['kilnside'],
    });
  });
});

describe(seesGuidanceNotes.name, () => {
  it("shows the notes to advisers of the learner's academy and to trust administrators, not to leaders", () => {
    expect(seesGuidanceNotes(user(['careers_adviser']), ['kilnside'])).toBe(true);
    expect(seesGuidanceNotes(user(['careers_adviser']), ['burslem'])).toBe(false);
    expect(seesGuidanceNotes(user(['trust_admin'], []), [])).toBe(true);
    expect(seesGuidanceNotes(user(['trust_leader']), ['kilnside'])).toBe(false);
  });
});
