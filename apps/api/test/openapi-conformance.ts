import type { INestApplication } from '@nestjs/common';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
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
interface DocumentShape {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: Schema;
}

/** Every drift of the run's test file; `openapi-conformance.setup.ts` fails the file when any is found. */
export const drifts: Drift[] = [];

function gapOrMismatch(status: number): Drift['kind'] {
  return status < 400 ? 'gap' : 'mismatch';
}

/** Routes left out of the document on purpose: Prometheus's text for scrapers is not part of the API. */
const UNDOCUMENTED = new Set(['/api/metrics']);

/**
 * Checks every JSON answer the HTTP tests receive against the document the application serves at
 * `/api/docs-json`, with Ajv: the status must be documented for the operation, and the body must match
 * its schema. Installed by `createTestApp` before the routes, so every test file is checked.
 */
export class ResponseConformance {
  private document: DocumentShape | null = null;
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();

  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        this.check(req, res, body);
        return json(body);
      };
      next();
    };
  }

  async load(app: INestApplication): Promise<void> {
    const answer = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    this.document = answer.body as DocumentShape;
    this.ajv.addSchema({ components: this.document.components ?? {} }, 'document');
  }

  private check(req: Request, res: Response, body: unknown): void {
    const route = (req.route as { path?: string } | undefined)?.path;
    if (
      !this.document ||
      !route ||
      !route.startsWith('/api/') ||
      route.startsWith('/api/docs') ||
      UNDOCUMENTED.has(route)
    )
      return;
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = req.method.toLowerCase();
    const operation = `${req.method} ${path}`;
    const status = res.statusCode;
    const found = this.document.paths[path]?.[method];
    if (!found) {
      drifts.push({ operation, status, problem: 'the operation is not in the document', kind: 'mismatch' });
      return;
    }
    const response = found.responses[String(status)] ?? found.responses.default;
    if (!response) {
      drifts.push({
        operation,
        status,
        problem: `status ${status} is not documented`,
        kind: gapOrMismatch(status),
      });
      return;
    }
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
