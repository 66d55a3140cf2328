import { isIsoDate, lastDayOfFebruary, todayIsoDate } from '@encounters/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD` (no 31 February), from 1 September 2000 on. */
export function IsIsoDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value) && value >= '2000-09-01',
        defaultMessage: (args) => `${args?.property} must be a real date written YYYY-MM-DD, from 2000-09-01`,
      },
    },
    options,
  );
}

/** Records are logged after the event or shortly before it; a year ahead is a typing mistake. */
export function IsNotMoreThanAYearAhead(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNotMoreThanAYearAhead',
      validator: {
        validate: (value: unknown) => !isIsoDate(value) || value <= aYearFromToday(),
        defaultMessage: (args) => `${args?.property} must not be more than a year in the future`,
      },
    },
    options,
  );
}

export const IsEventDate = () => applyDecorators(IsIsoDate(), IsNotMoreThanAYearAhead());

/** A query's optional date, e.g. the start or end of a range; `example` shows one in the documentation. */
export const OptionalDate = (example: string) =>
  applyDecorators(ApiPropertyOptional({ example }), IsOptional(), IsIsoDate());

/** The same day next year (28 February for 29 February). */
export function aYearFromToday(): string {
  const today = todayIsoDate();
  const nextYear = String(Number(today.slice(0, 4)) + 1);
  const sameDay = `${nextYear}${today.slice(4)}`;
  return today.endsWith('-02-29') ? lastDayOfFebruary(Number(nextYear)) : sameDay;
}
