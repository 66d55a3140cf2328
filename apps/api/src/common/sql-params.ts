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

/**
 * The parameters of a bulk `INSERT … SELECT * FROM unnest($1::t[], $2::t[], …)`: one array a field, in the
 * order given, each holding that field of every row.
 */
export function columnArrays<Row, Field extends keyof Row>(rows: readonly Row[], fields: readonly Field[]) {
  return fields.map((field) => rows.map((row) => row[field]));
}

/** An upsert's `DO UPDATE SET` list: each column takes the value the insert proposed. */
export const fromExcluded = (columns: readonly string[]) =>
  columns.map((column) => `${column} = EXCLUDED.${column}`).join(',\n');
