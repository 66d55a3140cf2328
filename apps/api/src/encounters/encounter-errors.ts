import { HttpStatus, NotFoundException } from '@nestjs/common';
import { ApiError, type ErrorDetail } from '../common/api-error';

/** A 400 naming each bad field; the message lists the fields and what is wrong with them. */
export function invalid(details: ErrorDetail[], message?: string): ApiError {
  const fields = [...new Set(details.map((detail) => detail.field))];
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    message ??
      `Invalid ${fields.join(', ')}: ${[...new Set(details.map((detail) => detail.reason))].join('; ')}`,
    details,
  );
}

/** 404 also means "not yours to change", so no one learns that another academy's encounter exists. */
export function noSuchEncounter(): NotFoundException {
  return new NotFoundException('No such encounter.');
}
