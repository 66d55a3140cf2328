import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * The fields that many requests share, each declared once: its OpenAPI description, its conversion from the
 * query string and its checks, with one wording of the error. `doc` adds to the OpenAPI description.
 */
interface FieldOptions {
  /** Required fields are documented with `ApiProperty`; optional ones may be left out. */
  required?: boolean;
  /** Query strings carry text: convert to a number first. */
  fromQuery?: boolean;
}

/** Decorators in the order they would stand above the property (TypeScript applies those bottom-up). */
function field(doc: ApiPropertyOptions, { required = false }: FieldOptions, checks: PropertyDecorator[]) {
  const documented = required ? ApiProperty(doc) : ApiPropertyOptional(doc);
  return applyDecorators(...[documented, ...(required ? [] : [IsOptional()]), ...checks].reverse());
}

const ACADEMIC_YEAR = { message: 'academicYear must be a year from 2000 to 2100' };

/** An academic year, named by its first calendar year: a whole number from 2000 to 2100. */
export function AcademicYearField(doc: ApiPropertyOptions = {}, options: FieldOptions = {}) {
  const { fromQuery = true } = options;
  return field({ example: 2025, ...doc } as ApiPropertyOptions, options, [
    ...(fromQuery ? [Type(() => Number)] : []),
    IsInt(ACADEMIC_YEAR),
    Min(2000, ACADEMIC_YEAR),
    Max(2100, ACADEMIC_YEAR),
  ]);
}

/** The date the figures are taken at, YYYY-MM-DD. */
export function AsAtField(doc: ApiPropertyOptions = {}) {
  return field({ example: '2026-03-31', ...doc } as ApiPropertyOptions, {}, [
    IsISO8601({ strict: true }, { message: 'asAt must be a date as YYYY-MM-DD' }),
  ]);
}

/** One academy, by id. */
export function AcademyIdField(doc: ApiPropertyOptions = {}) {
  return field({ format: 'uuid', ...doc } as ApiPropertyOptions, {}, [
    IsUUID('all', { message: 'academyId must be the UUID of an academy' }),
  ]);
}
