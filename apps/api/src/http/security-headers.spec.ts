import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './security-headers';

/** What helmet itself sets on a response for this request, sorted. */
function helmetSets(options: HelmetOptions, request: Partial<IncomingMessage>): string[] {
  const calls: string[] = [];
  const response = {
    setHeader: (name: string, value: string) => calls.push(`set ${name}: ${value}`),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  helmet(options)(request as IncomingMessage, response, () => undefined);
  return calls.sort();
}

/** What the hook sets on a reply for this request, sorted, and how often it said it was done. */
function hookSets(options: HelmetOptions, request: Partial<IncomingMessage>) {
  const calls: string[] = [];
  const reply = {
    header(name: string, value: string) {
      calls.push(`set ${name}: ${value}`);
      return reply;
    },
  } as unknown as FastifyReply;
  let done = 0;
  securityHeaders(options)({ raw: request } as unknown as FastifyRequest, reply, () => (done += 1));
  return { calls: calls.sort(), done };
}

describe(securityHeaders.name, () => {
  const options: HelmetOptions = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], frameAncestors: ["'none'"] },
    },
    strictTransportSecurity: false,
  };

  it("sets exactly helmet's headers, for any request", () => {
    for (const request of [
      { method: 'GET', url: '/api/health', headers: {} },
      { method: 'POST', url: '/api/encounters', headers: { 'user-agent': 'MSIE 8.0' } },
    ]) {
      const actual = hookSets(options, request);
      expect(actual.calls).toEqual(helmetSets(options, request));
      expect(actual.calls).toContain(
        "set Content-Security-Policy: default-src 'self';script-src 'self';frame-ancestors 'none'",
      );
      expect(actual.done).toBe(1);
    }
  });

  it('refuses, at start-up, a policy computed from the request', () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: [(_request, response) => `'nonce-${String(response)}'`],
          },
        },
      }),
    ).toThrow(/computed per request/);
  });
});
