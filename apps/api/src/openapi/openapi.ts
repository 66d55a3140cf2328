import { LearnerDestinationsDto } from '../destinations/dto/learner-destinations.dto';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/auth-cookies';
import { ApiErrorDto } from '../common/api-error.dto';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
const METHODS: readonly Method[] = ['get', 'put', 'post', 'delete', 'patch'];
const WRITES = new Set<Method>(['put', 'post', 'delete', 'patch']);

/** The security schemes: the browser's session cookie (writes echo the CSRF cookie in a header), or a token. */
export const SECURITY_SCHEMES = { session: 'session', csrf: 'csrf', bearer: 'bearer' } as const;

const ERROR_PHRASES: Record<number, string> = {
  400: 'Invalid request: `details` names each bad field.',
  401: 'Not signed in, or the session or token has expired.',
  403: 'Signed in but not allowed (a role, or the CSRF header of a cookie-authenticated write).',
  404: 'Not found, or not visible to the caller.',
  409: 'Conflicts with the current state (for a duplicate, the message and fields name the existing one).',
  413: 'The body is larger than this route accepts.',
  415: 'The body is not of a type this route accepts.',
  422: 'Understood but refused: `details` lists each bad row or field.',
  429: 'Too many attempts; wait and try again.',
  500: 'An unexpected fault; nothing was changed.',
  503: 'The service or its database is not available; try again shortly.',
};

function humanise(operationId: string | undefined, tag: string | undefined): string {
  const method = (operationId ?? '').split('_').pop() ?? '';
  const words = method.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  return tag ? `${sentence} (${tag})` : sentence;
}

/**
 * Completes what the decorators leave implicit, the same way for every operation, so that an endpoint
 * added later is documented without anyone remembering to: the security it needs (the guard's rule is
 * shown by `@ApiCookieAuth` from the access decorators; the rest are public), a summary and tag, and
 * every error status it can answer with the one error schema of spec/api.md.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const errorRef = { $ref: `#/components/schemas/${ApiErrorDto.name}` };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation: Operation | undefined = item[method];
      if (!operation) continue;
      const secured = (operation.security ?? []).some((requirement) => 'cookie' in requirement);
      operation.security = secured
        ? [
            WRITES.has(method)
              ? { [SECURITY_SCHEMES.session]: [], [SECURITY_SCHEMES.csrf]: [] }
              : { [SECURITY_SCHEMES.session]: [] },
            { [SECURITY_SCHEMES.bearer]: [] },
          ]
        : [];
      operation.tags = operation.tags?.length ? operation.tags : [path.split('/')[2] ?? 'api'];
      operation.summary ||= humanise(operation.operationId, operation.tags[0]);
      const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
      const statuses = [
        ...(hasInput ? [400] : []),
        // Public operations with input are the sign-in steps: a bad credential or challenge is a 401.
        ...(secured ? [401, 403] : hasInput ? [401] : []),
        // What the caller may not see is not found; a write can also meet the current state.
        ...(secured || path.includes('{') ? [404] : []),
        ...(WRITES.has(method) ? [409, 422] : []),
        ...(operation.requestBody ? [413, 415] : []),
        429,
        500,
        503,
      ];
      for (const status of statuses) {
        const existing = operation.responses[status] as { description?: string } | undefined;
        operation.responses[status] = {
          description: existing?.description || ERROR_PHRASES[status],
          content: { 'application/json': { schema: errorRef } },
        };
      }
      // Any other error status an operation documents carries the same body.
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && response && !('$ref' in response) && !response.content) {
          response.content = { 'application/json': { schema: errorRef } };
        }
      }
    }
  }
  nullableExplicit(document.components);
  return document;
}

/**
 * OpenAPI 3.0.3: `nullable` does not add null to an `enum`, and does not reach through `allOf`/`$ref`;
 * the answers do carry null there, so the document says so explicitly.
 */
function nullableExplicit(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableExplicit);
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
  if (schema.nullable === true && Array.isArray(schema.allOf)) {
    schema.anyOf = [...schema.allOf, { type: 'object', nullable: true, enum: [null] }];
    delete schema.allOf;
    delete schema.nullable;
    delete schema.type;
  }
  Object.values(schema).forEach(nullableExplicit);
}

/** The document served at `/api/docs` (and written to docs/openapi.json by `npm run openapi`). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Encounters API')
    .setDescription(
      'Careers encounters, coverage and compliance for a multi-academy trust. Scripts sign in with ' +
        '`POST /api/auth/token` and send `Authorization: Bearer <token>`; the web app uses the session ' +
        `cookie and echoes the \`XSRF-TOKEN\` cookie in the \`${CSRF_HEADER}\` header on writes. ` +
        'See docs/scripting-the-api.md.',
    )
    .setVersion('1')
    .addServer('/', 'The server that serves this document')
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      SECURITY_SCHEMES.session,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: CSRF_HEADER,
        description: 'The value of the XSRF-TOKEN cookie; needed on cookie-authenticated writes only.',
      },
      SECURITY_SCHEMES.csrf,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A token from POST /api/auth/token.' },
      SECURITY_SCHEMES.bearer,
    )
    .build();
  return completeDocument(
    SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorDto, LearnerDestinationsDto] }),
  );
}
