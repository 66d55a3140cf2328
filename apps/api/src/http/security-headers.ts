import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * helmet's security headers, worked out once at start-up. With a fixed Content Security Policy (no nonces,
 * no directive computed from the request) they are the same on every answer, so one hook sets the
 * recorded list instead of helmet's dozen middlewares each setting one on every request (issue 20). If
 * helmet ever did more than set headers synchronously, the start-up fails here rather than the headers
 * silently changing.
 */
export function securityHeaders(options: HelmetOptions) {
  const set = recordHelmet(options);
  return (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    for (const [name, value] of set) reply.header(name, value);
    done();
  };
}

/** The headers helmet sets with these options, in its order. */
export function recordHelmet(options: HelmetOptions): [string, string][] {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' && csp ? Object.values(csp.directives ?? {}) : [];
  if (directives.flat().some((value) => typeof value === 'function')) {
    throw new Error(
      'A Content Security Policy computed per request cannot be worked out once: use helmet itself.',
    );
  }
  const set: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to something other than text.`);
      set.push([name, value]);
    },
    // helmet removes X-Powered-By, which Fastify never sets: nothing to record.
    removeHeader: () => undefined,
  };
  let finished = false;
  helmet(options)(
    { headers: {} } as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
      finished = true;
    },
  );
  if (!finished)
    throw new Error('helmet did not finish at once: its headers cannot be worked out in advance.');
  return set;
}
