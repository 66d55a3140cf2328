import type { Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { securityHeaders } from './security-headers';

/** A response that records what is done to its headers, in order. */
function recordingResponse() {
  const calls: string[] = [];
  const response = {
    setHeader: (name: string, value: string) => calls.push(`set ${name}: ${value}`),
    removeHeader: (name: string) => calls.push(`remove ${name}`),
  } as unknown as Response;
  return { calls, response };
}

function run(
  middleware: (request: Request, response: Response, next: () => void) => void,
  request: Partial<Request>,
) {
  const { calls, response } = recordingResponse();
  let nextCalls = 0;
  middleware(request as Request, response, () => (nextCalls += 1));
  return { calls: [...calls].sort(), nextCalls };
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
      const expected = run(helmet(options), request);
      const actual = run(securityHeaders(options), request);
      expect(actual).toEqual(expected);
      expect(actual.calls).toContain(
        "set Content-Security-Policy: default-src 'self';script-src 'self';frame-ancestors 'none'",
      );
      expect(actual.nextCalls).toBe(1);
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
