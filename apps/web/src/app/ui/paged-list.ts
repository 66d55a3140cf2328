import { computed, linkedSignal, Signal, signal, WritableSignal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { PageEvent } from '@angular/material/paginator';
import { PagedResult } from '@encounters/domain';
import { debounceTime, distinctUntilChanged, map, Observable, switchMap } from 'rxjs';

/** The page part of a list query: 1-based, as the API counts. */
export interface PageQuery {
  page: number;
  pageSize: number;
}

/**
 * One page of a server-side list and the paging around it: the list pages (encounters, organisations,
 * the audit log) each hold one, built in a field initialiser (it needs the injection context). Any change
 * of the filters goes back to the first page; the last page shown stays on screen while the next loads.
 */
export class PagedList<Q extends object, T> {
  /** The filters; a change of any of them goes back to the first page. */
  readonly query: Signal<Q>;
  readonly pageIndex: WritableSignal<number>;
  readonly pageSize: WritableSignal<number>;
  readonly resource;
  /** The page on screen, kept while the next one loads; undefined before the first arrives. */
  readonly page: Signal<PagedResult<T> | undefined>;

  constructor(options: {
    pageSize: number;
    /** The filters, read inside a reactive context: the list reloads when they change. */
    query: () => Q;
    fetch: (query: Q & PageQuery) => Observable<PagedResult<T>>;
  }) {
    this.query = computed(options.query, { equal: sameFilters });
    this.pageIndex = linkedSignal({ source: this.query, computation: () => 0 });
    this.pageSize = signal(options.pageSize);
    this.resource = rxResource({
      params: () => ({ ...this.query(), page: this.pageIndex() + 1, pageSize: this.pageSize() }),
      stream: ({ params }) => options.fetch(params),
    });
    this.page = computed(() => (this.resource.hasValue() ? this.resource.value() : undefined));
  }

  /** The paginator's event: another page, or another page size. */
  turn(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  reload(): void {
    this.resource.reload();
  }
}

/**
 * What is typed in a search box, once the typing pauses: the query does not reload on every key.
 * Call in an injection context.
 */
export function debounced<T>(
  source: Signal<T>,
  milliseconds: number,
  equal?: (a: T, b: T) => boolean,
): Signal<T> {
  return toSignal(toObservable(source).pipe(debounceTime(milliseconds), distinctUntilChanged(equal)), {
    initialValue: source(),
  });
}

/**
 * The answer to what is typed in a search box: the words trimmed, asked about once the typing pauses, an
 * answer to earlier words dropped when new ones come. Call in an injection context.
 */
export function searchAsTyped<T>(
  typed: Signal<string>,
  milliseconds: number,
  search: (words: string) => Observable<T>,
  initialValue: T,
): Signal<T> {
  const words = toObservable(typed).pipe(
    map((text) => text.trim()),
    debounceTime(milliseconds),
    distinctUntilChanged(),
  );
  return toSignal(words.pipe(switchMap(search)), { initialValue });
}

function sameFilters(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(
    (key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key],
  );
}
