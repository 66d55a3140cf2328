import type { INestApplication } from '@nestjs/common';
import { Lifecycle } from '../health/lifecycle.service';

/**
 * Stops the app without cutting anyone off: new requests get 503 while those in flight finish, for at most
 * `timeoutMs`; then the server and the database pool close. Resolves true when nothing was left unfinished.
 */
export async function stopGracefully(app: INestApplication, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  const drained = await app.get(Lifecycle).drain(timeoutMs);
  const left = Math.max(timeoutMs - (Date.now() - started), 100);
  const closed = await Promise.race([
    app.close().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), left).unref()),
  ]);
  return drained && closed;
}
