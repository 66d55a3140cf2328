import { ABILITIES, abilitiesOf, holdsAbility, mayAtAcademy, rolesWith } from './abilities';
import { USER_ROLES } from './roles';

describe(mayAtAcademy.name, () => {
  const kilnside = 'academy-kilnside';
  const burslem = 'academy-burslem';

  it('lets a careers lead log encounters at the academies they serve only', () => {
    const sut = { roles: ['careers_lead'] as const, academyIds: [kilnside] };

    expect(mayAtAcademy(sut, 'logEncounter', kilnside)).toBe(true);
    expect(mayAtAcademy(sut, 'logEncounter', burslem)).toBe(false);
  });

  it('lets a trust administrator log encounters at every academy, served or not', () => {
    const sut = { roles: ['trust_admin'] as const, academyIds: [] };

    expect(mayAtAcademy(sut, 'logEncounter', kilnside)).toBe(true);
    expect(mayAtAcademy(sut, 'logEncounter', burslem)).toBe(true);
  });

  it('refuses a role without the ability even at an academy the user serves', () => {
    const sut = { roles: ['teacher', 'academy_leader'] as const, academyIds: [kilnside] };

    expect(mayAtAcademy(sut, 'logEncounter', kilnside)).toBe(false);
    expect(mayAtAcademy(sut, 'recordGuidance', kilnside)).toBe(false);
  });

  it('lets an adviser record guidance meetings but not log encounters', () => {
    const sut = { roles: ['careers_adviser'] as const, academyIds: [kilnside] };

    expect(mayAtAcademy(sut, 'recordGuidance', kilnside)).toBe(true);
    expect(mayAtAcademy(sut, 'logEncounter', kilnside)).toBe(false);
  });
});

describe(abilitiesOf.name, () => {
  it('gives a teacher no ability beyond seeing their groups', () => {
    expect(abilitiesOf(['teacher'])).toEqual([]);
  });

  it('combines the abilities of every role held', () => {
    const sut = abilitiesOf(['careers_adviser', 'academy_leader']);

    expect(sut).toEqual([
      'recordGuidance',
      'recordDestinations',
      'markNeetRisk',
      'readReports',
      'takeSnapshots',
    ]);
  });

  it('gives a trust administrator every ability', () => {
    expect(abilitiesOf(['trust_admin'])).toEqual(Object.keys(ABILITIES));
  });
});

describe(holdsAbility.name, () => {
  it('answers the same as the table for every role and ability', () => {
    for (const ability of Object.keys(ABILITIES) as (keyof typeof ABILITIES)[]) {
      for (const role of USER_ROLES) {
        expect(holdsAbility([role], ability)).toBe(rolesWith(ability).includes(role));
      }
    }
  });
});
