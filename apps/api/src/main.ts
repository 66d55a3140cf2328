import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createApp } from './create-app';
import { checkDatabase } from './database/check-database';
import { DemoSeedOnStart } from './database/demo-seed.module';
import { stopGracefully } from './http/graceful-stop';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  await checkDatabase(config.DATABASE_URL).catch((error: Error) => fail(error.message));
  const app = await createApp(config);
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      await app.close();
      fail(`Port ${config.PORT} is already in use: is Encounters already running? Set PORT to use another.`);
    }
    throw error;
  }
  const banner = app.get(DemoSeedOnStart).startBanner();
  if (banner) process.stdout.write(banner);
  process.stdout.write(`Encounters is ready at http://localhost:${config.PORT}\n`);

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const timeout = config.SHUTDOWN_TIMEOUT_MS;
      process.stdout.write(
        `Stopping on ${signal}: finishing the requests in flight (at most ${timeout} ms).\n`,
      );
      // Whatever happens, the process is gone by SHUTDOWN_TIMEOUT_MS.
      setTimeout(
        () => fail(`Encounters did not stop within ${timeout} ms; exiting anyway.`),
        timeout,
      ).unref();
      stopGracefully(app, Math.max(timeout - 200, 0)).then(
        (clean) => {
          if (!clean) fail('Encounters stopped with requests unfinished (SHUTDOWN_TIMEOUT_MS).');
          process.stdout.write('Encounters stopped.\n');
          process.exit(0);
        },
        () => fail('Encounters could not stop cleanly.'),
      );
    });
  }
}

main().catch((error: unknown) => {
  fail(`Encounters could not start: ${error instanceof Error ? error.message : String(error)}`);
});
