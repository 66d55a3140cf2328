import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a request id from a proxy may look like: short, and nothing a log line could be forged with. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Fastify's `genReqId`: the request's id is a well-formed `X-Request-Id` sent by a proxy in front, kept so
 * that lines can be followed across both, or else a new UUID. The id is also set on the raw request, where
 * the request logger's serializer reads it, and answered in `X-Request-Id` (create-app.ts).
 */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
  (request as IncomingMessage & { id?: string }).id = id;
  return id;
}
