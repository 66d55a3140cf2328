import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createApp } from './create-app';
import { checkDatabase } from './database/check-database';

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
  process.stdout.write(`Encounters is ready at http://localhost:${config.PORT}\n`);
}

main().catch((error: unknown) => {
  fail(`Encounters could not start: ${error instanceof Error ? error.message : String(error)}`);
});
