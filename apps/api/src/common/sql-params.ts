/**
 * The one way SQL parameters are numbered: collects positional parameters while a query is put together,
 * `p.add(value)` answering `$n`. Start it with the values a fixed head of the query numbers itself.
 */
export class SqlParams {
  readonly values: unknown[];

  constructor(initial: readonly unknown[] = []) {
    this.values = [...initial];
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
