import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's security headers, worked out once at start-up. With a fixed Content Security Policy (no nonces,
 * no directive computed from the request) they are the same on every answer, so one middleware sets the
 * recorded list instead of helmet's dozen middlewares each setting one on every request (issue 20). If
 * helmet ever did more than set and remove headers synchronously, the start-up fails here rather than
 * the headers silently changing.
 */
export function securityHeaders(options: HelmetOptions) {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' && csp ? Object.values(csp.directives ?? {}) : [];
  if (directives.flat().some((value) => typeof value === 'function')) {
    throw new Error(
      'A Content Security Policy computed per request cannot be worked out once: use helmet itself.',
    );
  }
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to something other than text.`);
      set.push([name, value]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let finished = false;
  helmet(options)({ headers: {} } as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished)
    throw new Error('helmet did not finish at once: its headers cannot be worked out in advance.');
  return (_request: Request, response: Response, next: NextFunction): void => {
    for (const name of removed) response.removeHeader(name);
    for (const [name, value] of set) response.setHeader(name, value);
    next();
  };
}
