import type { NextFunction, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestBoundLogger } from './request-logger';

describe(requestBoundLogger.name, () => {
  const lines: Record<string, unknown>[] = [];
  const root = pino(
    {
      serializers: {
        req: (request: Request & { id?: string }) => ({ id: request.id, method: request.method }),
      },
    },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    }),
  );
  const logger = new PinoLogger({ pinoHttp: { level: 'info' } });
  const saved = (PinoLogger as unknown as { root: unknown }).root;
  const request = { id: 'req-1', method: 'GET' } as unknown as Request & { id: string };

  beforeAll(() => ((PinoLogger as unknown as { root: unknown }).root = root));
  afterAll(() => ((PinoLogger as unknown as { root: unknown }).root = saved));
  beforeEach(() => lines.splice(0));

  function inRequest(work: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      const next: NextFunction = () => void work().then(resolve, reject);
      requestBoundLogger()(request, {} as Response, next);
    });
  }

  it('gives a line logged while a request is handled, after an await too, the request', async () => {
    const childOf = jest.spyOn(root, 'child');
    await inRequest(async () => {
      expect(childOf).not.toHaveBeenCalled();
      await new Promise((resolve) => setImmediate(resolve));
      logger.error('Unhandled error');
      logger.warn('and another');
    });
    expect(childOf).toHaveBeenCalledTimes(1);
    childOf.mockRestore();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => [line['msg'], line['req']])).toEqual([
      ['Unhandled error', { id: 'req-1', method: 'GET' }],
      ['and another', { id: 'req-1', method: 'GET' }],
    ]);
  });

  it('makes no request logger for a request that logs nothing', async () => {
    const childOf = jest.spyOn(root, 'child');
    await inRequest(async () => undefined);
    expect(childOf).not.toHaveBeenCalled();
    childOf.mockRestore();
  });

  it("keeps the fields PinoLogger.assign adds to the request's logger", async () => {
    await inRequest(async () => {
      logger.assign({ academy: 'a-1' });
      logger.info('assigned');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({ msg: 'assigned', academy: 'a-1', req: { id: 'req-1' } });
  });
});
