import { HttpErrorResponse } from '@angular/common/http';

/** The API's own message where it gave one, in plain words otherwise. Never a stack trace or status line. */
export function httpErrorText(error: unknown, notFound = 'Nothing was found at this address.'): string {
  if (!(error instanceof HttpErrorResponse)) return 'Something went wrong. Try again in a moment.';
  switch (error.status) {
    case 0:
      return 'The server could not be reached. Check your connection and try again.';
    case 403:
      return 'Your account is not allowed to see this.';
    case 404:
      return notFound;
    case 429:
      return 'Too many requests in a short time. Wait a minute and try again.';
  }
  const message = (error.error as { message?: unknown } | null)?.message;
  if (error.status < 500 && typeof message === 'string' && message) return message;
  return 'The server could not answer just now. Try again in a moment.';
}
