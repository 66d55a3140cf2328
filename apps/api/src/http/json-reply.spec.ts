import express, { type Express } from 'express';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepAnswer } from '../common/kept-answer';
import { fastJsonReplies } from './json-reply';

const LARGE = {
  rows: Array.from({ length: 60 }, (_, index) => ({ id: index, name: `Zoë Ødegaard ${index}`, ok: true })),
};
/** The same answer, kept (as the trust view keeps its own): written once, as bytes. */
const KEPT = keepAnswer(structuredClone(LARGE));

/** An app answering the same JSON in the ways the API does; `fast` with fastJsonReplies. */
function app(fast: boolean, etag = false): Express {
  const built = express();
  built.set('etag', etag);
  if (fast) fastJsonReplies(built);
  built.get('/small', (_request, response) => void response.json({ status: 'ok' }));
  built.get('/large', (_request, response) => void response.json(LARGE));
  built.get('/kept', (_request, response) => void response.json(fast ? KEPT : LARGE));
  built.get('/created', (_request, response) => void response.status(201).json([1, 'two', null]));
  built.get('/none', (_request, response) => void response.status(204).json({ gone: true }));
  built.get('/typed', (_request, response) => void response.type('application/problem+json').json({ a: 1 }));
  built.get('/undefined', (_request, response) => void response.json(undefined));
  built.get(
    '/error',
    (_request, response) =>
      void response.status(404).json({ statusCode: 404, error: 'Not Found', message: 'No such group.' }),
  );
  return built;
}

interface Raw {
  status: number;
  headers: string[];
  body: string;
}

function fetchRaw(server: Server, path: string, method = 'GET', headers: Record<string, string> = {}) {
  const { port } = server.address() as AddressInfo;
  return new Promise<Raw>((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          // Every header, in order and as written, but the date, which moves.
          headers: response.rawHeaders.filter((_, index, all) => all[index - (index % 2)] !== 'Date'),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe(fastJsonReplies.name, () => {
  const servers: Server[] = [];
  const listen = (built: Express) =>
    new Promise<Server>((resolve) => {
      const server = built.listen(0, '127.0.0.1', () => resolve(server));
      servers.push(server);
    });
  afterAll(() => Promise.all(servers.map((server) => new Promise((done) => server.close(done)))));

  it.each([
    ['/small', 'GET', {}],
    ['/large', 'GET', {}],
    ['/large', 'HEAD', {}],
    ['/created', 'GET', {}],
    ['/none', 'GET', {}],
    ['/typed', 'GET', {}],
    ['/undefined', 'GET', {}],
    ['/error', 'GET', {}],
    ['/large', 'GET', { 'If-None-Match': '*' }],
    ['/kept', 'GET', {}],
    ['/kept', 'HEAD', {}],
  ])("answers %s (%s %j) with Express's own status, headers and bytes", async (path, method, headers) => {
    const [plain, fast] = await Promise.all([listen(app(false)), listen(app(true))]);
    const expected = await fetchRaw(plain, path, method, headers);
    expect(await fetchRaw(fast, path, method, headers)).toEqual(expected);
  });

  it('leaves ETags to Express when they are on', async () => {
    const [plain, fast] = await Promise.all([listen(app(false, true)), listen(app(true, true))]);
    const expected = await fetchRaw(plain, '/large');
    expect(expected.headers).toContain('ETag');
    expect(await fetchRaw(fast, '/large')).toEqual(expected);
  });

  it('writes the large answer as one string, not a Buffer copy', async () => {
    const built = app(true);
    const server = await listen(built);
    const end = jest.spyOn(built.response, 'end');
    const answer = await fetchRaw(server, '/large');
    expect(JSON.parse(answer.body)).toEqual(LARGE);
    expect(end).toHaveBeenCalledWith(JSON.stringify(LARGE), 'utf8');
    end.mockRestore();
  });

  it('sends a kept answer as the bytes of its first writing, the same each time', async () => {
    const built = app(true);
    const server = await listen(built);
    const end = jest.spyOn(built.response, 'end');
    const first = await fetchRaw(server, '/kept');
    const again = await fetchRaw(server, '/kept');
    expect(again).toEqual(first);
    expect(JSON.parse(first.body)).toEqual(LARGE);
    const [[sent], [sentAgain]] = end.mock.calls as unknown as [Buffer][];
    expect(Buffer.isBuffer(sent)).toBe(true);
    expect(sentAgain).toBe(sent);
    end.mockRestore();
  });
});
