import { HttpStatus, Injectable, type PipeTransform, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { DestinationEntryDto } from './dto/create-intended-destination.dto';
import type { DestinationBatchDto } from './dto/destination-batch.dto';

function flatten(errors: ValidationError[], parent: string): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Checks each item of a batch as strictly as the global pipe checks a body (unknown fields refused), after
 * it has checked the batch itself, naming every bad field `items[i].field` so that the form can point at
 * the learner's row.
 */
@Injectable()
export class DestinationBatchPipe implements PipeTransform<
  DestinationBatchDto,
  Promise<DestinationBatchDto>
> {
  async transform(batch: DestinationBatchDto): Promise<DestinationBatchDto> {
    const details: ErrorDetail[] = [];
    const items = batch.items.map((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        details.push({ field: `items[${index}]`, reason: 'must be an object' });
        return item;
      }
      return plainToInstance(DestinationEntryDto, item);
    });
    for (const [index, item] of items.entries()) {
      if (!(item instanceof DestinationEntryDto)) continue;
      const errors = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
      details.push(...flatten(errors, `items[${index}]`));
    }
    if (details.length) {
      const fields = [...new Set(details.map((detail) => detail.field))];
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        `Invalid ${fields.join(', ')}: ${[...new Set(details.map((detail) => detail.reason))].join('; ')}`,
        details,
      );
    }
    batch.items = items;
    return batch;
  }
}
