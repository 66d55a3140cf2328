/**
 * Scripting the API with a client generated from docs/openapi.json only (openapi-typescript types,
 * openapi-fetch calls): sign in with a token, list academies, log an encounter for a class and read the
 * class's coverage. `encounters-api.d.ts` is generated, not committed: `npm run openapi:types` writes it from
 * docs/openapi.json (`npm run openapi`, `npm run openapi:lint` and the API's type check run it). The API's
 * HTTP tests run this against a test server (apps/api/test/example-script.http.spec.ts).
 */
import createClient from 'openapi-fetch';
import type { paths } from './encounters-api';

export interface ExampleResult {
  academies: number;
  encounterId: string;
  learnersCovered: number;
}

export async function logAnEncounter(
  baseUrl: string,
  email: string,
  password: string,
  date: string,
): Promise<ExampleResult> {
  const api = createClient<paths>({ baseUrl });

  const signIn = await api.POST('/api/auth/token', { body: { email, password } });
  if (!signIn.data || !('token' in signIn.data)) throw new Error(`Sign-in failed: ${signIn.response.status}`);
  const { token } = signIn.data;
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const academies = await client.GET('/api/academies');
  if (!academies.data?.length) throw new Error('No academy visible');
  const academy = academies.data[0];

  const groups = await client.GET('/api/groups', { params: { query: { academyId: academy.id } } });
  const group = groups.data?.[0];
  if (!group) throw new Error('No group in the academy');
  const organisations = await client.GET('/api/organisations');
  const organisation = organisations.data?.items[0];
  if (!organisation) throw new Error('No organisation in the directory');

  const created = await client.POST('/api/encounters', {
    body: {
      academyId: academy.id,
      title: 'Careers talk logged by a script',
      date,
      format: 'talk',
      delivery: 'in_person',
      duringSchoolDay: true,
      durationMinutes: 45,
      organisationIds: [organisation.id],
      meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true },
      attendees: { groupIds: [group.id] },
    },
  });
  if (!created.data) throw new Error(`Logging failed: ${created.error?.message ?? created.response.status}`);

  const coverage = await client.GET('/api/coverage/learners', {
    params: { query: { scope: 'group', id: group.id, asAt: date } },
  });
  if (!coverage.data)
    throw new Error(`Coverage failed: ${coverage.error?.message ?? coverage.response.status}`);
  return {
    academies: academies.data.length,
    encounterId: created.data.id,
    learnersCovered: coverage.data.rows.length,
  };
}
