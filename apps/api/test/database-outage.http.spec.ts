import { INestApplication, Logger } from '@nestjs/common';
import { createServer, type Server, type Socket, connect } from 'node:net';
import request from 'supertest';
import { HttpExceptionFilter } from '../src/common/http-exception.filter';
import { signInAs, createUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/**
 * A TCP relay between the API and PostgreSQL: closing it is a real outage (connections cut, new ones
 * refused) without stopping the test database other suites use.
 */
async function relayTo(host: string, port: number): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The relay has no port.');
  return {
    port: address.port,
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe(`${HttpExceptionFilter.name}: a database outage`, () => {
  let app: INestApplication;
  let relay: Awaited<ReturnType<typeof relayTo>>;

  beforeAll(async () => {
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    relay = await relayTo(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    app = await createTestApp({ DATABASE_URL: url.toString(), AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    await resetDatabase(app);
  });

  afterAll(async () => {
    await relay.cut();
    await app?.close().catch(() => undefined);
  });

  it('answers 503 with Retry-After (never 500) and logs one line for many requests', async () => {
    const { email } = await createUser(app, ['teacher']);
    const client = await signInAs(app, email);
    await client.get('/api/auth/me').expect(200);

    await relay.cut();
    const error = jest.spyOn(Logger.prototype, 'error');
    const answers = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      answers.push(await client.get('/api/auth/me'));
      answers.push(
        await request(app.getHttpServer())
          .post('/api/auth/login')
          .send({ email, password: 'whatever it is 12' }),
      );
    }
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([503]));
    expect(answers.every((answer) => answer.headers['retry-after'] === '5')).toBe(true);
    expect(answers[0].body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.stringMatching(/cannot reach its database/),
      details: [],
    });
    const outageLines = error.mock.calls.filter((call) => /database is not answering/.test(String(call[1])));
    expect(outageLines).toHaveLength(1);
    expect(error.mock.calls.filter((call) => call[1] === 'Unhandled error')).toHaveLength(0);
    error.mockRestore();
  });
});
