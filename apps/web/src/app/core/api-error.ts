import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody, ApiErrorDetail } from '@encounters/domain';

function body(error: unknown): Partial<ApiErrorBody> & Record<string, unknown> {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object') {
    return error.error as Partial<ApiErrorBody> & Record<string, unknown>;
  }
  return {};
}

export function errorStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : -1;
}

/** One sentence a user can act on: the API's own message where it gave one, otherwise a plain default. */
export function apiErrorMessage(error: unknown): string {
  const status = errorStatus(error);
  if (status === 0) return 'Encounters could not be reached. Check your connection and try again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 413) return 'The file is too large. Upload a file under 20 MB.';
  if (status === 429) return 'Too many requests. Wait a minute, then try again.';
  if (status >= 500 || status === -1)
    return 'Something went wrong on our side. Please try again in a few minutes.';
  const message = body(error).message;
  return typeof message === 'string' && message ? message : 'That did not work. Please try again.';
}

/** The fields or CSV rows the API named as wrong. */
export function apiErrorDetails(error: unknown): ApiErrorDetail[] {
  const details = body(error).details;
  return Array.isArray(details) ? (details as ApiErrorDetail[]) : [];
}

/** The record a 409 says already exists, when the API named it. */
export function existingIdOf(error: unknown): string | null {
  const id = body(error)['existingId'];
  return errorStatus(error) === 409 && typeof id === 'string' ? id : null;
}

/** "title must be shorter…" → "Title must be shorter…", with the field named as on screen. */
export function plainReason(detail: ApiErrorDetail, labels: Readonly<Record<string, string>> = {}): string {
  const field = detail.field ?? '';
  const label = labels[field] ?? labels[field.split('.')[0]] ?? '';
  let reason = detail.reason;
  const bare = field.split('.').pop() ?? '';
  if (bare && reason.startsWith(`${bare} `)) {
    reason = reason.slice(bare.length + 1);
  } else if (field && reason.startsWith(`${field} `)) {
    reason = reason.slice(field.length + 1);
  }
  const sentence = label ? `${label}: ${reason}` : reason;
  const withValue = detail.value ? `${sentence} (${detail.value})` : sentence;
  return withValue.charAt(0).toUpperCase() + withValue.slice(1);
}
