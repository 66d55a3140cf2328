import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_USERS } from '../src/auth/demo-users';
import { createTestApp } from './test-app';

describe('GET /api/auth/demo-users (HTTP)', () => {
  let demo: INestApplication;
  let real: INestApplication;

  beforeAll(async () => {
    demo = await createTestApp({ DEMO_MODE: 'true' });
    real = await createTestApp();
  });

  afterAll(async () => {
    await demo.close();
    await real.close();
  });

  it('lists the demo users with their passwords and roles, without a session, in demo mode', async () => {
    const response = await request(demo.getHttpServer()).get('/api/auth/demo-users').expect(200);
    expect(response.body).toEqual(
      DEMO_USERS.map(({ email, name, password, roles }) => ({ email, name, password, roles })),
    );
    expect(response.body).toContainEqual({
      email: 'careers@demo.encounters',
      name: 'Casey Careers',
      password: 'amber-kiln-heron-2025',
      roles: ['careers_lead'],
    });
    // The academies they belong to stay inside the server.
    expect(Object.keys(response.body[0]).sort()).toEqual(['email', 'name', 'password', 'roles']);
  });

  it('answers an empty list, and no password, when demo mode is off', async () => {
    const response = await request(real.getHttpServer()).get('/api/auth/demo-users').expect(200);
    expect(response.body).toEqual([]);
    expect(response.text).not.toContain('kiln');
  });
});
