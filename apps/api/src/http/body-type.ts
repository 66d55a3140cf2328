import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The bodies the API parses everywhere; uploads (the roster) read their own types. */
const PARSED_TYPES = ['application/json', 'application/*+json', 'application/x-www-form-urlencoded'];

/** Paths that take a file upload and check its type themselves. */
const UPLOAD_PATHS = /^\/api\/.*\/roster(\/|$)|^\/api\/roster/;

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
    if (request.is(PARSED_TYPES)) return next();
    next(
      new UnsupportedMediaTypeException(
        'Send the request body as JSON, with content-type: application/json.',
      ),
    );
  };
}
