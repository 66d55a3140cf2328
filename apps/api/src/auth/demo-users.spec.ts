import { DEMO_USERS, demoUsersBanner } from './demo-users';

describe(demoUsersBanner.name, () => {
  it('lists every demo user with its password and role, one per line, in columns', () => {
    const lines = demoUsersBanner(DEMO_USERS).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^The demo trust is ready\. Sign in as/);
    expect(lines).toHaveLength(1 + DEMO_USERS.length);
    expect(lines[1]).toBe('  admin@demo.encounters    blue-kiln-falcon-2025  (Trust administrator)');
    expect(lines).toContain('  careers@demo.encounters  amber-kiln-heron-2025  (Careers lead)');
    // The passwords start in one column.
    const columns = new Set(DEMO_USERS.map((user, index) => lines[index + 1].indexOf(user.password)));
    expect(columns).toEqual(new Set([27]));
    // So do the roles.
    expect(new Set(lines.slice(1).map((line) => line.indexOf('(')))).toEqual(new Set([50]));
  });
});
