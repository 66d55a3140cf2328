import type { NextFunction, Request, Response } from 'express';

/**
 * Answers of the API are never kept by a browser, a shared computer's cache or a proxy: most carry
 * learners' personal data, and the rest are not worth telling apart. A middleware in front of every
 * `/api` route (not an interceptor, which would wrap every handler in an observable and run only after
 * the guard), so that every answer carries it, a refusal or an error (which may still name a learner) too.
 */
export function noStore() {
  return (_request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    next();
  };
}
