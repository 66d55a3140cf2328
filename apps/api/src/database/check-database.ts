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

/** Fails fast, with the reason in one line, when the database cannot be reached. */
export async function checkDatabase(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : 'no answer';
    throw new Error(`Cannot use the database at ${describeDatabaseUrl(url)} (DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
