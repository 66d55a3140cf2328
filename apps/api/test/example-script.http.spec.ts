import { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
// The example is a script a third party would write, not a library of the workspace: run it as it is.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { logAnEncounter } from '../../../tools/examples/log-an-encounter';
import { startWithEncounterFixtures, type EncounterFixtures } from './encounters.fixtures';
import { createUser, TEST_PASSWORD } from './sign-in';

/** tools/examples/log-an-encounter.ts, built on the client generated from docs/openapi.json, over real HTTP. */
describe(`${logAnEncounter.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let fx: EncounterFixtures;
  let baseUrl: string;

  beforeAll(async () => {
    ({ app, fx } = await startWithEncounterFixtures({ urnA: '960001', urnB: '960002' }));
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs in with a token, lists academies, logs an encounter and reads the class coverage', async () => {
    const lead = await createUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    const result = await logAnEncounter(baseUrl, lead.email, TEST_PASSWORD, fx.date);
    expect(result.academies).toBe(1);
    const rows: { academy_id: string; title: string }[] = await app
      .get(DataSource)
      .query('SELECT academy_id, title FROM encounter WHERE id = $1', [result.encounterId]);
    expect(rows).toEqual([{ academy_id: fx.academyA, title: 'Careers talk logged by a script' }]);
    expect(result.learnersCovered).toBeGreaterThan(0);
  });
});
