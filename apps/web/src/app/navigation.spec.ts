import { rolesWith, USER_ROLES } from '@encounters/domain';

import { NAVIGATION, navigationFor } from './navigation';

describe(navigationFor.name, () => {
  it('shows a teacher their classes, and their learners and destinations only', () => {
    const sut = navigationFor(['teacher']);

    expect(sut.map((item) => item.label)).toEqual(['My classes', 'Learners', 'Destinations']);
  });

  it('combines the links of every role a user holds, in menu order', () => {
    const sut = navigationFor(['trust_admin', 'trust_leader']);

    expect(sut.map((item) => item.label)).toEqual([
      'Dashboard',
      'Learners',
      'Destinations',
      'NEET risk',
      'Leavers',
      'Log an encounter',
      'Encounters',
      'Organisations',
      'Roster import',
      'Reports',
      'Admin',
    ]);
  });

  it('shows nothing to a user with no roles', () => {
    expect(navigationFor([])).toEqual([]);
  });

  it('offers "Log an encounter" to exactly the roles the API lets log one', () => {
    for (const role of USER_ROLES) {
      const offered = navigationFor([role]).some((item) => item.path === '/log-encounter');

      expect(offered).toBe(rolesWith('logEncounter').includes(role));
    }
  });

  it('offers "NEET risk" to those who may mark it, and "Leavers" to those who record destinations or read reports', () => {
    for (const role of USER_ROLES) {
      const labels = navigationFor([role]).map((item) => item.label);

      expect(labels.includes('NEET risk')).toBe(rolesWith('markNeetRisk').includes(role));
      expect(labels.includes('Leavers')).toBe(
        rolesWith('recordDestinations').includes(role) || rolesWith('readReports').includes(role),
      );
    }
  });

  it('lists every journey once', () => {
    expect(new Set(NAVIGATION.map((item) => item.path)).size).toBe(NAVIGATION.length);
  });
});
