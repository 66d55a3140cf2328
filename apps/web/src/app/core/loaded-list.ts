import { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, of } from 'rxjs';

/**
 * A list fetched once for a picker or a lookup (academies, users, sign-in providers): empty until it arrives,
 * and `fallback()` (empty unless given) when the request fails, so that the page still works without it.
 * Call it where `inject` may be called (a field initialiser).
 */
export function loadedList<T>(source: Observable<T[]>, fallback: () => T[] = () => []): Signal<T[]> {
  return toSignal(source.pipe(catchError(() => of(fallback()))), { initialValue: [] });
}
