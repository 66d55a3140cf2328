import 'reflect-metadata';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

const SERVER_OWNED = Symbol('serverOwned');

const IGNORED = 'Owned by the server: shown in answers, ignored when sent back in a write.';

/**
 * Marks the fields a read answers with but a write does not set (`id`, `createdAt`, counts, ...): a body
 * sent back as it was read is accepted, these fields dropped before validation, while any other unknown
 * field is still refused. The document lists them as `readOnly`, so generated clients need not send them.
 */
export function ServerOwned(fields: Record<string, ApiPropertyOptions>): ClassDecorator {
  return (target) => {
    const inherited: string[] = Reflect.getMetadata(SERVER_OWNED, target) ?? [];
    Reflect.defineMetadata(SERVER_OWNED, [...inherited, ...Object.keys(fields)], target);
    for (const [field, options] of Object.entries(fields)) {
      ApiPropertyOptional({
        ...options,
        readOnly: true,
        description: options.description ?? IGNORED,
      } as ApiPropertyOptions)(target.prototype, field);
    }
  };
}

/** The server-owned fields of a body DTO class, its parents' included; none for any other type. */
export function serverOwnedFields(metatype: unknown): readonly string[] {
  if (typeof metatype !== 'function') return [];
  return Reflect.getMetadata(SERVER_OWNED, metatype) ?? [];
}

/** A copy of a body without its server-owned fields; anything but a plain object is returned as it is. */
export function withoutServerOwned(value: unknown, metatype: unknown): unknown {
  const fields = serverOwnedFields(metatype);
  if (!fields.length || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of fields) delete copy[field];
  return copy;
}
