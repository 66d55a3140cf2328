import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type UserRole } from '@encounters/domain';
import { UsersService } from '../src/users/users.service';

export const TEST_PASSWORD = 'a long test passphrase 42';

/** A signed-in browser-like client: keeps the cookies and sends the CSRF header on writes. */
export interface SignedInAgent {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  userId: string;
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  patch(path: string): request.Test;
  delete(path: string): request.Test;
}

let counter = 0;

export async function createUser(
  app: INestApplication,
  roles: UserRole[],
  scope: { academyIds?: string[]; groupIds?: string[]; email?: string; name?: string } = {},
): Promise<{ id: string; email: string }> {
  counter += 1;
  const email = scope.email ?? `user${counter}.${Date.now()}@test.encounters`;
  const user = await app.get(UsersService).create(
    {
      email,
      name: scope.name ?? `Test ${roles.join(' ')} ${counter}`,
      password: TEST_PASSWORD,
      roles,
      academyIds: scope.academyIds ?? [],
      groupIds: scope.groupIds ?? [],
    },
    null,
    null,
  );
  return { id: user.id, email };
}

export async function signInAs(
  app: INestApplication,
  email: string,
  password = TEST_PASSWORD,
): Promise<SignedInAgent> {
  const agent = request.agent(app.getHttpServer());
  const response = await agent.post('/api/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`Sign-in failed with ${response.status}: ${JSON.stringify(response.body)}`);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const csrf =
    cookies
      .find((cookie) => cookie.startsWith('XSRF-TOKEN='))
      ?.split(';')[0]
      .split('=')[1] ?? '';
  return {
    agent,
    csrf,
    userId: response.body.id,
    get: (path) => agent.get(path),
    post: (path) => agent.post(path).set('x-xsrf-token', csrf),
    put: (path) => agent.put(path).set('x-xsrf-token', csrf),
    patch: (path) => agent.patch(path).set('x-xsrf-token', csrf),
    delete: (path) => agent.delete(path).set('x-xsrf-token', csrf),
  };
}

/** Creates a user with `roles` and signs them in. */
export async function signedInUser(
  app: INestApplication,
  roles: UserRole[],
  scope: { academyIds?: string[]; groupIds?: string[] } = {},
): Promise<SignedInAgent> {
  const { email } = await createUser(app, roles, scope);
  return signInAs(app, email);
}
