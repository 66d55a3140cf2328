import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { mediaTypeOf } from '../common/http/media-type';
import { refusedBeforeRoute } from '../common/http/refused-before-route';

/** Paths that take a file upload and check its type themselves. */
const UPLOAD_PATHS = /^\/api\/.*\/roster(\/|$)|^\/api\/roster|^\/api\/destinations\/import$/;

/**
 * Sign-in takes JSON only: a form on another site can post a form-encoded body without any script (a
 * "simple" request), and so sign a victim's browser into the attacker's account (login CSRF). JSON needs a
 * preflight another site cannot pass.
 */
const JSON_ONLY_PATHS = /^\/api\/auth\//;

/** The bodies the API parses everywhere (`http/body-parsers.ts`); uploads read their own types. */
export function isParsedType(type: string): boolean {
  return (
    type === 'application/json' ||
    type === 'application/x-www-form-urlencoded' ||
    (type.startsWith('application/') && type.endsWith('+json'))
  );
}

function hasBody(request: FastifyRequest): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0
  );
}

/** Refuses, with 415, an API request whose body is of a type the API does not read, before it is read. */
export function requireParsedBodyType() {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const path = request.url.split('?', 1)[0];
    if (!path.startsWith('/api/') || !hasBody(request) || UPLOAD_PATHS.test(path)) return done();
    const type = mediaTypeOf(request.headers['content-type']);
    if (JSON_ONLY_PATHS.test(path) ? type === 'application/json' : isParsedType(type)) return done();
    done(
      refusedBeforeRoute(
        new UnsupportedMediaTypeException(
          'Send the request body as JSON, with content-type: application/json.',
        ),
      ),
    );
  };
}
