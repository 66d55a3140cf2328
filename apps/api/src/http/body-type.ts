import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The bodies the API parses everywhere; uploads (the roster) read their own types. */
const PARSED_TYPES = ['application/json', 'application/*+json', 'application/x-www-form-urlencoded'];

/** Paths that take a file upload and check its type themselves. */
const UPLOAD_PATHS = /^\/api\/.*\/roster(\/|$)|^\/api\/roster|^\/api\/destinations\/import$/;

/**
 * Sign-in takes JSON only: a form on another site can post a form-encoded body without any script (a
 * "simple" request), and so sign a victim's browser into the attacker's account (login CSRF). JSON needs a
 * preflight another site cannot pass.
 */
const JSON_ONLY_PATHS = /^\/api\/auth\//;

function hasBody(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0
  );
}

/** Refuses, with 415, an API request whose body is of a type the API does not read. */
export function requireParsedBodyType() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!request.path.startsWith('/api/') || !hasBody(request) || UPLOAD_PATHS.test(request.path))
      return next();
    if (JSON_ONLY_PATHS.test(request.path)) {
      if (request.is(['application/json'])) return next();
    } else if (request.is(PARSED_TYPES)) return next();
    next(
      new UnsupportedMediaTypeException(
        'Send the request body as JSON, with content-type: application/json.',
      ),
    );
  };
}
