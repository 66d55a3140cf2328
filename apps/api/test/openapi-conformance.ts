import type { INestApplication } from '@nestjs/common';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import request from 'supertest';

/** One answer a test received that the served OpenAPI document does not describe. */
export interface Drift {
  operation: string;
  status: number;
  problem: string;
  /** `gap`: a success answer the document does not describe yet; `mismatch`: one it describes otherwise. */
  kind: 'gap' | 'mismatch';
}

type Schema = Record<string, unknown>;
interface ResponseShape {
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
}
interface DocumentShape {
  paths: Record<string, Record<string, { responses: Record<string, ResponseShape> }>>;
  components?: Schema;
}

/** Every drift of the run's test file; `openapi-conformance.setup.ts` fails the file when any is found. */
export const drifts: Drift[] = [];

function gapOrMismatch(status: number): Drift['kind'] {
  return status < 400 ? 'gap' : 'mismatch';
}

/**
 * Routes left out of the document on purpose: Prometheus's text for scrapers is not part of the API; nor
 * is the catch-all (a `*` route) that answers 404 to unknown `/api` paths.
 */
const UNDOCUMENTED = new Set(['/api/metrics']);

/**
 * Checks every answer the HTTP tests receive against the document the application serves at
 * `/api/docs-json`, with Ajv: the status must be documented for the operation, a JSON body must match its
 * schema, a file must be of a documented content type and a redirect must document its Location.
 * Installed by `createTestApp` before the routes, so every test file is checked.
 */
export class ResponseConformance {
  private document: DocumentShape | null = null;
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();

  /** Checks every answer as Fastify sends it (`onSend`): a JSON body against its schema, anything else by its type. */
  install(app: INestApplication): void {
    (app as NestFastifyApplication)
      .getHttpAdapter()
      .getInstance()
      .addHook('onSend', (req, res, payload, done) => {
        const type = String(res.getHeader('content-type') ?? '');
        if (/^application\/json\b/i.test(type) && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
          const text = payload.toString();
          this.check(req, res, text === '' ? undefined : JSON.parse(text));
        } else {
          this.checkWithoutBody(req, res);
        }
        done(null, payload);
      });
  }

  async load(app: INestApplication): Promise<void> {
    const answer = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    this.document = answer.body as DocumentShape;
    this.ajv.addSchema({ components: this.document.components ?? {} }, 'document');
  }

  /** The documented response for this answer's status, or null (a drift recorded, or a route not checked). */
  private documented(
    req: FastifyRequest,
    res: FastifyReply,
  ): { operation: string; response: ResponseShape } | null {
    const route = req.routeOptions.url;
    if (
      !this.document ||
      !route ||
      !route.startsWith('/api/') ||
      route.startsWith('/api/docs') ||
      UNDOCUMENTED.has(route) ||
      route.includes('*')
    )
      return null;
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = req.method.toLowerCase();
    const operation = `${req.method} ${path}`;
    const status = res.statusCode;
    const found = this.document.paths[path]?.[method];
    if (!found) {
      drifts.push({ operation, status, problem: 'the operation is not in the document', kind: 'mismatch' });
      return null;
    }
    const response = found.responses[String(status)] ?? found.responses.default;
    if (!response) {
      drifts.push({
        operation,
        status,
        problem: `status ${status} is not documented`,
        kind: gapOrMismatch(status),
      });
      return null;
    }
    return { operation, response };
  }

  /**
   * An answer that is not JSON: no content (204), a redirect (3xx, which must say where), or a file
   * whose content type the document must list for the status.
   */
  private checkWithoutBody(req: FastifyRequest, res: FastifyReply): void {
    const found = this.documented(req, res);
    if (!found) return;
    const { operation, response } = found;
    const status = res.statusCode;
    if (status === 204 || status === 304) return;
    if (status >= 300 && status < 400) {
      if (!res.getHeader('location') || !response.headers?.['Location']) {
        drifts.push({
          operation,
          status,
          problem: 'a redirect without a documented Location',
          kind: 'mismatch',
        });
      }
      return;
    }
    const type = String(res.getHeader('content-type') ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!type || !response.content?.[type]) {
      drifts.push({
        operation,
        status,
        problem: `content type "${type}" is not documented for status ${status}`,
        kind: gapOrMismatch(status),
      });
    }
  }

  private check(req: FastifyRequest, res: FastifyReply, body: unknown): void {
    const found = this.documented(req, res);
    if (!found) return;
    const { operation, response } = found;
    const status = res.statusCode;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      drifts.push({
        operation,
        status,
        problem: `status ${status} documents no application/json schema`,
        kind: gapOrMismatch(status),
      });
      return;
    }
    // Schemas repeat (every error answer is ApiErrorDto): one compiled validator per distinct schema.
    const rebased = JSON.stringify(schema).replaceAll('"#/components/', '"document#/components/');
    let validate = this.validators.get(rebased);
    if (!validate) {
      validate = this.ajv.compile(JSON.parse(rebased) as Schema);
      this.validators.set(rebased, validate);
    }
    // What the client receives: dates and class instances as JSON makes them.
    if (!validate(JSON.parse(JSON.stringify(body ?? null)))) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '(body)'} ${error.message}`);
      drifts.push({
        operation,
        status,
        problem: `the body does not match the schema: ${errors.join('; ')}`,
        kind: 'mismatch',
      });
    }
  }
}
