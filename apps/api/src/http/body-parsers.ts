import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { parse as parseForm } from 'node:querystring';
import { MAX_ROSTER_BYTES } from '../roster-import/roster-csv-reader';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { refusedBeforeRoute } from '../common/http/refused-before-route';

/** Every JSON body but a roster's. */
export const MAX_JSON_BYTES = 1024 * 1024;
const MAX_FORM_BYTES = 100 * 1024;

/**
 * How the API reads request bodies (Fastify's content-type parsers):
 * - JSON (`application/json`, `application/*+json`), at most 1 MB, or a roster's size on
 *   `POST /api/academies/:id/roster` (connectors push a whole roster as JSON, issue 14); nested at most 32
 *   deep, checked on the bytes before parsing (a deeply nested body would otherwise cost a long parse and a
 *   deep validation); parsed with Fastify's own parser, which refuses `__proto__` and `constructor.prototype`
 *   keys; an empty body is `{}`.
 * - form-encoded bodies, at most 100 kB (sign-in refuses them: `body-type.ts`).
 * - any other type is left unread: only the uploads take one (their interceptors read the stream and refuse,
 *   with 415 and what they take, a type they do not); multipart is `@fastify/multipart`'s. Anywhere else
 *   under `/api/`, a type the API does not read is refused with 415 before it is read (`body-type.ts`).
 */
export function readBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (route.url === '/api/academies/:id/roster' && methods.includes('POST')) {
      route.bodyLimit = MAX_ROSTER_BYTES;
    }
  });
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // Fastify's own JSON and plain-text parsers make way for these.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    ['application/json', /^application\/[^;\s]+\+json(?:[;\s]|$)/i] as unknown as string[],
    { parseAs: 'buffer' },
    (request, body: Buffer, done) => {
      if (body.length === 0) return done(null, {});
      if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
        return done(
          refusedBeforeRoute(
            new BadRequestException(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`),
          ),
          undefined,
        );
      }
      parseJson(request, body.toString('utf8'), (error, value) => {
        if (error) {
          const message =
            'The request body is not valid JSON, or holds a __proto__ or constructor.prototype key.';
          done(refusedBeforeRoute(new BadRequestException(message)), undefined);
        } else done(null, value);
      });
    },
  );
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
    (_request, body: string, done) => done(null, { ...parseForm(body) }),
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}
