import Fastify, { type FastifyInstance } from 'fastify';
import { keepAnswer } from '../common/kept-answer';
import * as keptAnswer from '../common/kept-answer';
import { keptAnswerSerializer } from './json-reply';

const LARGE = {
  rows: Array.from({ length: 60 }, (_, index) => ({ id: index, name: `Zoë Ødegaard ${index}`, ok: true })),
};
/** The same answer, kept (as the trust view keeps its own): written once, as bytes. */
const KEPT = keepAnswer(structuredClone(LARGE));

function app(withSerializer: boolean): FastifyInstance {
  const built = Fastify();
  if (withSerializer) built.setReplySerializer(keptAnswerSerializer);
  built.get('/small', async () => ({ status: 'ok' }));
  built.get('/large', async () => LARGE);
  built.get('/kept', async () => (withSerializer ? KEPT : LARGE));
  built.get('/created', async (_request, reply) => reply.status(201).send([1, 'two', null]));
  built.get('/typed', async (_request, reply) => reply.type('application/problem+json').send({ a: 1 }));
  return built;
}

describe(keptAnswerSerializer.name, () => {
  const plain = app(false);
  const kept = app(true);
  afterAll(() => Promise.all([plain.close(), kept.close()]));

  it.each(['/small', '/large', '/kept', '/created', '/typed'])(
    "answers %s with Fastify's own status, headers and bytes",
    async (url) => {
      for (const method of ['GET', 'HEAD'] as const) {
        const expected = await plain.inject({ method, url });
        const actual = await kept.inject({ method, url });
        expect(actual.statusCode).toBe(expected.statusCode);
        expect(actual.headers).toEqual({ ...expected.headers, date: actual.headers['date'] });
        expect(actual.body).toBe(expected.body);
      }
    },
  );

  it('writes a kept answer once and sends the same bytes each time', async () => {
    const written = jest.spyOn(keptAnswer, 'answerJson');
    const first = await kept.inject({ method: 'GET', url: '/kept' });
    const again = await kept.inject({ method: 'GET', url: '/kept' });
    expect(JSON.parse(first.body)).toEqual(LARGE);
    expect(again.body).toBe(first.body);
    const [sent, sentAgain] = written.mock.results.map((result) => result.value as Buffer);
    expect(Buffer.isBuffer(sent)).toBe(true);
    expect(sentAgain).toBe(sent);
    written.mockRestore();
  });
});
