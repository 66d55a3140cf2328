import type { FastifyInstance } from 'fastify';

const REFUSED = Symbol('refused before any route ran');

type Marked = { [REFUSED]?: true };

/**
 * Marks an error raised before any route ran (a body that is malformed, too large or of a type the API
 * does not read): the request logger never sees such a request, so the exception filter writes a line.
 */
export function refusedBeforeRoute<T extends object>(error: T): T {
  (error as T & Marked)[REFUSED] = true;
  return error;
}

/** Whether the error was raised before any route ran: marked so, or one of Fastify's own (`FST_…`). */
function raisedBeforeRoute(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as Marked)[REFUSED]) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('FST_');
}

/**
 * Marks the request whose error was raised before any route ran (Fastify's `onError`, which sees the error
 * as raised; Nest's error handler then turns Fastify's own into plain HttpExceptions, without their code).
 * Runs only for requests that fail.
 */
export function markRefusedRequests(fastify: FastifyInstance): void {
  fastify.addHook('onError', (request, _reply, error, done) => {
    if (raisedBeforeRoute(error)) (request as unknown as Marked)[REFUSED] = true;
    done();
  });
}

/** Whether the request was refused before any route ran (see {@link markRefusedRequests}). */
export function wasRefusedBeforeRoute(request: object): boolean {
  return (request as Marked)[REFUSED] === true;
}
