import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Request fields whose documentation and checks recur across the DTOs, each declared once. A field is
 * required unless `optional`; `doc` adds to its OpenAPI description. The checks stand in the order they
 * would be written above the property.
 */
/** `@Transform(trim)`: text with the spaces around it taken off; anything else as it came. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

interface Presence {
  optional?: boolean;
}

function documented(doc: ApiPropertyOptions, { optional = false }: Presence, checks: PropertyDecorator[]) {
  const property = optional ? ApiPropertyOptional(doc) : ApiProperty(doc);
  return applyDecorators(...[property, ...(optional ? [IsOptional()] : []), ...checks].reverse());
}

/** A whole number from `minimum` to `maximum`; `fromQuery` converts the query string's text first. */
export function WholeNumber(
  doc: ApiPropertyOptions & { minimum: number; maximum: number },
  options: Presence & { fromQuery?: boolean } = {},
) {
  return documented(doc, options, [
    ...(options.fromQuery ? [Type(() => Number)] : []),
    IsInt(),
    Min(doc.minimum),
    Max(doc.maximum),
  ]);
}

/** Yes or no. */
export function Flag(doc: ApiPropertyOptions = {}, options: Presence = {}) {
  return documented(doc, options, [IsBoolean()]);
}

/** A list of ids (UUIDs), at most `maxItems` (and at least `minItems`, when given). */
export function UuidList(
  { maxItems, minItems, ...doc }: ApiPropertyOptions & { maxItems: number; minItems?: number },
  options: Presence = {},
) {
  return documented({ type: [String], format: 'uuid', ...doc } as ApiPropertyOptions, options, [
    IsArray(),
    ...(minItems === undefined ? [] : [ArrayMinSize(minItems)]),
    ArrayMaxSize(maxItems),
    IsUUID('all', { each: true }),
  ]);
}

/** An object checked as `dto` describes it. */
export function Nested(dto: Class<unknown>, doc: ApiPropertyOptions = {}, options: Presence = {}) {
  return documented({ type: dto, ...doc } as ApiPropertyOptions, options, [
    IsObject(),
    ValidateNested(),
    Type(() => dto),
  ]);
}

/** One record, by id: a UUID. */
export function Uuid(doc: ApiPropertyOptions = {}, options: Presence = {}) {
  return documented({ format: 'uuid', ...doc } as ApiPropertyOptions, options, [IsUUID()]);
}

/** A user's email address, the name they sign in with. */
export function EmailAddress() {
  return documented({ example: 'j.smith@kilnside.example' }, {}, [
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(254),
  ]);
}

/** A user's name, as the app shows it. */
export function PersonName() {
  return documented({ example: 'Jo Smith' }, {}, [IsString(), Length(1, 200)]);
}

/** A new password; the service checks its strength (length, common passwords) and names the field. */
export function NewPassword() {
  return documented({ minLength: 12 }, {}, [IsString(), MaxLength(256)]);
}
