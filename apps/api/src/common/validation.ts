import {
  type ArgumentMetadata,
  BadRequestException,
  Injectable,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { ErrorDetail } from './api-error';
import { withoutServerOwned } from './server-owned';
import { textProblem } from './text-input';
import { cacheValidationMetadata } from './validation-metadata-cache';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function invalid(details: ErrorDetail[]): BadRequestException {
  const fields = [...new Set(details.map((detail) => detail.field))];
  return new BadRequestException({
    message: `Invalid ${fields.join(', ')}: ${details.map((detail) => detail.reason).join('; ')}`,
    details,
  });
}

/**
 * Whole numbers a query may carry: PostgreSQL's integer range. `page=1e308` is an integer to JavaScript
 * but an OFFSET PostgreSQL refuses; every numeric query parameter is held to this whatever its DTO says.
 */
export const QUERY_NUMBER_LIMIT = 2_147_483_647;
/** `asAt` is a day everywhere it appears (coverage, reports, learner pages), never a moment. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A query DTO class with a quick path: its instance for a query it can see is valid with no doubt (the same
 * instance the checks would make), else null. See `CoverageQueryDto.quickQuery`.
 */
interface QuickQueryType {
  quickQuery?(query: Record<string, unknown>): object | null;
}

/**
 * The single strict validation pipe: unknown fields are refused, every bad field is named. Before any
 * DTO rule it refuses, for the body, the query and the path alike, text PostgreSQL cannot store (NUL) or
 * that is not Unicode (a lone surrogate); after them, numbers a query cannot mean and an `asAt` (query or
 * body) with a time. A body's server-owned fields (`@ServerOwned`) are dropped first: writes accept what
 * reads return.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => invalid(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    if (metadata.type === 'query' && value !== null && typeof value === 'object') {
      // A query DTO may answer its commonest, plainly valid shape itself (issue 20: the class view);
      // null sends the query through the checks below.
      const quick = (metadata.metatype as QuickQueryType | undefined)?.quickQuery?.(
        value as Record<string, unknown>,
      );
      if (quick) return quick;
    }
    if (metadata.type === 'body') value = withoutServerOwned(value, metadata.metatype);
    const problems = textProblems(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problems.length) throw invalid(problems);
    const transformed = await super.transform(value, metadata);
    if (metadata.type === 'query' || metadata.type === 'body') {
      const later = valueProblems(transformed, metadata.data ?? '', metadata.type === 'query');
      if (later.length) throw invalid(later);
    }
    return transformed;
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new StrictValidationPipe();
}

/** Every string (and key) in a parsed body, query or path parameter, checked once; depth-first. */
function textProblems(value: unknown, path: string, depth = 0): ErrorDetail[] {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? [{ field: path || 'body', reason }] : [];
  }
  // Deeper than any DTO goes: the DTO refuses it; nothing to gain by walking it here.
  if (value === null || typeof value !== 'object' || depth > 64) return [];
  const problems: ErrorDetail[] = [];
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const keyReason = textProblem(key);
    if (keyReason) problems.push({ field: path || 'body', reason: `a field name ${keyReason}` });
    problems.push(...textProblems(item, field, depth + 1));
    if (problems.length >= 10) break;
  }
  return problems;
}

/** The top-level values of a query or body: numbers of a query in range, and `asAt` a day. */
function valueProblems(value: unknown, path: string, query: boolean): ErrorDetail[] {
  const own = (item: unknown, field: string): ErrorDetail[] => [
    ...(query ? numberProblems(item, field) : []),
    ...dateProblems(item, field),
  ];
  if (value === null || typeof value !== 'object') return own(value, path);
  if (Array.isArray(value)) return query ? value.flatMap((item) => own(item, path)) : [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    return Array.isArray(item) ? item.flatMap((entry) => own(entry, field)) : own(item, field);
  });
}

function dateProblems(value: unknown, field: string): ErrorDetail[] {
  if (field.split('.').pop() !== 'asAt' || typeof value !== 'string' || DATE_ONLY.test(value)) return [];
  return [{ field, reason: 'asAt must be a date as YYYY-MM-DD, without a time' }];
}

function numberProblems(value: unknown, field: string): ErrorDetail[] {
  if (typeof value !== 'number') return [];
  if (Number.isFinite(value) && Math.abs(value) <= QUERY_NUMBER_LIMIT) return [];
  return [
    {
      field,
      reason: `${field || 'the value'} must be a number between ${-QUERY_NUMBER_LIMIT} and ${QUERY_NUMBER_LIMIT}`,
    },
  ];
}
