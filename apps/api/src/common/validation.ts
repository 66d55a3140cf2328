import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ErrorDetail } from './api-error';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The single strict validation pipe: unknown fields are refused, every bad field is named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((detail) => detail.field))];
      return new BadRequestException({
        message: `Invalid ${fields.join(', ')}: ${details.map((detail) => detail.reason).join('; ')}`,
        details,
      });
    },
  });
}
