import { ROLE_LABELS, type UserRole } from '@encounters/domain';

/**
 * One demo user per role, created with the demo trust and listed on the sign-in page in demo mode only.
 * The passwords are public by design: never run demo mode on real data.
 */
export const DEMO_USERS: {
  email: string;
  name: string;
  password: string;
  roles: UserRole[];
  academyUrns: string[];
}[] = [
  {
    email: 'admin@demo.encounters',
    name: 'Alex Admin',
    password: 'blue-kiln-falcon-2025',
    roles: ['trust_admin'],
    academyUrns: [],
  },
  {
    email: 'leader@demo.encounters',
    name: 'Taylor Trustleader',
    password: 'green-kiln-otter-2025',
    roles: ['trust_leader'],
    academyUrns: [],
  },
  {
    email: 'head@demo.encounters',
    name: 'Harper Head',
    password: 'red-kiln-badger-2025',
    roles: ['academy_leader'],
    academyUrns: ['900001'],
  },
  {
    email: 'careers@demo.encounters',
    name: 'Casey Careers',
    password: 'amber-kiln-heron-2025',
    roles: ['careers_lead'],
    academyUrns: ['900001'],
  },
  {
    email: 'adviser@demo.encounters',
    name: 'Avery Adviser',
    password: 'teal-kiln-finch-2025',
    roles: ['careers_adviser'],
    academyUrns: ['900001'],
  },
  {
    email: 'teacher@demo.encounters',
    name: 'Morgan Tutor',
    password: 'grey-kiln-robin-2025',
    roles: ['teacher'],
    academyUrns: ['900001'],
  },
];

/**
 * What `npm start` prints once, when it has just seeded the demo trust: who to sign in as, in plain lines
 * (the sign-in page lists the same users while DEMO_MODE is on).
 */
export function demoUsersBanner(
  users: readonly { email: string; password: string; roles: UserRole[] }[],
): string {
  const width = Math.max(...users.map((user) => user.email.length));
  const passwordWidth = Math.max(...users.map((user) => user.password.length));
  return [
    'The demo trust is ready. Sign in as any of these users (demo passwords, never for real data):',
    ...users.map(
      (user) =>
        `  ${user.email.padEnd(width)}  ${user.password.padEnd(passwordWidth)}  (${user.roles.map((role) => ROLE_LABELS[role]).join(', ')})`,
    ),
    '',
  ].join('\n');
}
