import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Statement names by text; a statement's text is fixed but for the few shapes of access it may take. */
const names = new Map<string, string>();
const MAX_NAMES = 200;

/**
 * A hot read (issue 20: the class view) as a named statement on the primary's `pg` pool: each connection
 * parses and plans it once instead of on every request, and TypeORM's query runner is not made for it.
 * The rows, as `DataSource.query` returns them for a SELECT. With read replicas configured (TypeORM's
 * replication, routed per request by `ReplicaRouter`), it is `DataSource.query` itself, routing and all.
 */
export function preparedRead<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const driver = dataSource.driver as PostgresDriver;
  if (driver.options.replication) return dataSource.query(text, values);
  let name = names.get(text);
  if (name === undefined) {
    // Past the bound, plain statements: never two texts under one name, which `pg` refuses.
    if (names.size >= MAX_NAMES) return dataSource.query(text, values);
    name = `encounters_read_${names.size + 1}`;
    names.set(text, name);
  }
  return (driver.master as Pool).query({ name, text, values }).then((result) => result.rows as T[]);
}
