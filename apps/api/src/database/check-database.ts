import { Client } from 'pg';

/** Describes where a database URL points without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'an unreadable URL';
  }
}

/** Coverage keeps `datemultirange` columns, new in PostgreSQL 14. */
const MINIMUM_SERVER_VERSION = 140000;

/** Fails fast, with the reason in one line, when the database cannot be reached or is too old. */
export async function checkDatabase(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [{ version }] = (
      await client.query('SELECT current_setting($1)::int AS version', ['server_version_num'])
    ).rows as { version: number }[];
    if (version < MINIMUM_SERVER_VERSION) {
      throw new Error(
        `PostgreSQL ${Math.floor(version / 10000)} is too old: Encounters needs version 14 or later (date multiranges)`,
      );
    }
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : 'no answer';
    throw new Error(`Cannot use the database at ${describeDatabaseUrl(url)} (DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
