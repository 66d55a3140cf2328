import { DataSource } from 'typeorm';
import { createAcademies } from './roster-files';
import { signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/**
 * The start of many HTTP tests: a fresh app and database holding two academies of one trust, Kilnside
 * Academy (URN `urn`) and Burslem Vale Academy (`urn + 1`), and a signed-in trust administrator.
 */
export async function startTwoAcademyTrust(urn: number, env: Record<string, string> = {}) {
  const app = await createTestApp(env);
  await resetDatabase(app);
  const [kilnside, burslem] = await createAcademies(app, [
    { name: 'Kilnside Academy', urn: String(urn) },
    { name: 'Burslem Vale Academy', urn: String(urn + 1) },
  ]);
  const admin = await signedInUser(app, ['trust_admin']);
  return { app, dataSource: app.get(DataSource), kilnside, burslem, admin };
}
