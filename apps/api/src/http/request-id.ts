import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Letters, digits and `._:-`, up to 128 characters: what a proxy or a client sends; anything else is replaced. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Gives every request an id: the caller's `X-Request-Id` when well-formed, else a new UUID. It is echoed in
 * the response header and, as `req.id`, in the request's log line.
 */
export function requestId() {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.header(REQUEST_ID_HEADER);
    const id = incoming && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    (request as Request & { id?: string }).id = id;
    response.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}
