import { HttpException, HttpStatus } from '@nestjs/common';

/** One entry of an error's `details`: a field (or CSV row) and what is wrong with it. */
export interface ErrorDetail {
  field?: string;
  line?: number;
  column?: string;
  value?: string;
  reason: string;
}

/** Raises an error in the shape of spec/api.md with details; the exception filter keeps them intact. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    details: ErrorDetail[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super({ message, details, ...extra }, status);
  }
}
