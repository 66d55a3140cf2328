import { BadRequestException, Injectable, PipeTransform, Type, ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ErrorDetail } from '../../common/api-error';

function flatten(errors: ValidationError[], parent: string): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * True only for an item the item type's checks would certainly accept as it is (nothing to transform, no
 * property it does not declare): such an item is taken without running class-transformer and
 * class-validator on it. Anything else, valid or not, goes through them.
 */
export type PlainlyValid = (item: unknown) => boolean;

/**
 * Validates a JSON array body item by item, as strictly as the global pipe validates objects (which it
 * cannot do for a top-level array), naming each bad field as `[index].field`. With `plainlyValid`, the
 * items it vouches for skip the per-item class-transformer and class-validator run (a register of 30
 * learners is 30 such runs); the errors, and every item it does not vouch for, are the same as without it.
 */
@Injectable()
export class ValidatedArrayPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(
    private readonly itemType: Type<T>,
    private readonly maxItems: number,
    private readonly plainlyValid?: PlainlyValid,
  ) {}

  async transform(value: unknown): Promise<T[]> {
    if (!Array.isArray(value)) {
      throw new BadRequestException({
        message: 'The body must be a JSON array.',
        details: [{ field: 'body', reason: 'must be an array' }],
      });
    }
    if (value.length > this.maxItems) {
      throw new BadRequestException({
        message: `The body may hold at most ${this.maxItems} items.`,
        details: [{ field: 'body', reason: `at most ${this.maxItems} items` }],
      });
    }
    const vouched = value.map((item) => this.plainlyValid?.(item) === true);
    if (vouched.every(Boolean)) return value as T[];
    const items = value.map((item, index) =>
      vouched[index] ? (item as T) : plainToInstance(this.itemType, item),
    );
    const details: ErrorDetail[] = [];
    for (const [index, item] of items.entries()) {
      if (vouched[index]) continue;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        details.push({ field: `[${index}]`, reason: 'must be an object' });
        continue;
      }
      const errors = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
      details.push(...flatten(errors, `[${index}]`));
    }
    if (details.length) {
      const fields = [...new Set(details.map((detail) => detail.field))];
      throw new BadRequestException({
        message: `Invalid ${fields.join(', ')}: ${details.map((detail) => detail.reason).join('; ')}`,
        details,
      });
    }
    return items;
  }
}
