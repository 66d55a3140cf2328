import { HttpErrorResponse } from '@angular/common/http';

/** The encounter a 409 says is already logged, as far as the answer names it. */
export interface DuplicateEncounter {
  id: string;
  title: string | null;
  date: string | null;
  /**
   * True for a likely duplicate by meaning (`duplicate_encounter`: same academy, date and organisations and
   * most of the same learners), which the user may override as a different event; false for the identical
   * encounter (same title too), which cannot be logged twice.
   */
  byMeaning: boolean;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/**
 * Reads the existing encounter out of a 409: `existingId` (and `existingTitle`, `existingDate`) at the top of
 * the error body, or an `existing: { id, title, date }` object; null for any other error.
 */
export function duplicateEncounterOf(error: unknown): DuplicateEncounter | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body = (error.error && typeof error.error === 'object' ? error.error : {}) as Record<string, unknown>;
  const existing = (
    body['existing'] && typeof body['existing'] === 'object' ? body['existing'] : {}
  ) as Record<string, unknown>;
  const id = text(existing['id']) ?? text(body['existingId']);
  if (!id) return null;
  return {
    id,
    title: text(existing['title']) ?? text(body['existingTitle']),
    date: text(existing['date']) ?? text(body['existingDate']),
    byMeaning: body['code'] === 'duplicate_encounter',
  };
}
