import { INestApplication } from '@nestjs/common';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { completeDocument } from '../src/openapi/openapi';
import { createTestApp } from './test-app';

const COMMITTED = join(__dirname, '../../../docs/openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** The served OpenAPI document: complete for every operation, and the same as docs/openapi.json. */
describe(`${completeDocument.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let document: { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        method,
        operation: item[method],
      })),
    );

  beforeAll(async () => {
    app = await createTestApp();
    document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await app.close();
  });

  it('equals docs/openapi.json (npm run openapi rewrites it)', () => {
    const served = JSON.stringify(document, null, 2) + '\n';
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, served);
    expect(readFileSync(COMMITTED, 'utf8')).toBe(served);
  });

  it('defines the session cookie, its CSRF header and the bearer token', () => {
    expect(document.components.securitySchemes).toEqual({
      session: { type: 'apiKey', in: 'cookie', name: 'encounters_session' },
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-xsrf-token' }),
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('gives every operation a summary, a tag and a security requirement (empty only for public routes)', () => {
    const lacking = operations().flatMap(({ name, operation }) => [
      ...(operation.summary ? [] : [`${name} has no summary`]),
      ...(operation.tags?.length ? [] : [`${name} has no tag`]),
      ...(Array.isArray(operation.security) ? [] : [`${name} states no security`]),
    ]);
    expect(lacking).toEqual([]);
    const open = operations()
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ name }) => name);
    expect(open).toEqual(expect.arrayContaining(['POST /api/auth/login', 'POST /api/auth/token']));
    expect(open).not.toContain('GET /api/encounters');
  });

  it('answers every error with the one error schema', () => {
    const lacking = operations().flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(
          ([, response]) =>
            JSON.stringify(response.content?.['application/json']?.schema) !==
            JSON.stringify({ $ref: '#/components/schemas/ApiErrorDto' }),
        )
        .map(([status]) => `${name} → ${status} does not use ApiErrorDto`),
    );
    expect(lacking).toEqual([]);
  });
});
