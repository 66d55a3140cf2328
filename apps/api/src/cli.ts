import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/config';
import { checkDatabase } from './database/check-database';
import { dataSourceOptions } from './database/data-source-options';
import { RetentionService } from './destination-follow-up/retention.service';
import { loadSeedBundle, seedDependencies } from './database/seed-loader';
import { SetupService } from './setup/setup.service';
import { USER_ROLES, type UserRole } from '@encounters/domain';
import { UsersService } from './users/users.service';
import { learnerRecordsSql } from './coverage/learner-records';
import { learnerRecordColumns } from './learners/learners.service';

const USAGE = `Usage:
  cli migrate
  cli seed
  cli generate --preset <name> [--seed <n>]
  cli user:create --email <email> --name <name> --role <role> [--role <role>] [--password-stdin]
  cli setup --trust-name <name> --admin-email <email> --admin-name <name> [--academies <file.csv>] [--password-stdin]
  cli retention run
  cli sql learner-record`;

async function migrate(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length
        ? `Applied ${applied.map((migration) => migration.name).join(', ')}\n`
        : 'The database is up to date.\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

async function withApp<T>(
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
) {
  // The retention schedule is the API's: a short-lived command runs the job only when asked to.
  const config = loadConfig({
    ...process.env,
    SEED_DEMO_IF_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    RETENTION_SCHEDULE: 'off',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const label = 'Password (at least 12 characters): ';
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Keep the password off the screen: show the label when readline redraws the line, never what is typed.
  (prompt as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
    if (text.startsWith(label)) process.stdout.write(label);
  };
  const password = await new Promise<string>((resolve) => prompt.question(label, resolve));
  prompt.close();
  process.stdout.write('\n');
  return password;
}

async function createUser(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const roles = (values.role ?? []) as UserRole[];
  if (!values.email || !values.name || !roles.length) throw new ConfigError(USAGE);
  const unknown = roles.filter((role) => !USER_ROLES.includes(role));
  if (unknown.length)
    throw new ConfigError(`Unknown role ${unknown.join(', ')}: choose from ${USER_ROLES.join(', ')}`);
  const password = await readPassword(values['password-stdin'] ?? false);
  await withApp(async (app) => {
    const user = await app
      .get(UsersService)
      .create(
        { email: values.email!, name: values.name!, password, roles, academyIds: [], groupIds: [] },
        null,
        null,
      );
    process.stdout.write(`Created ${user.email} (${user.roles.join(', ')}).\n`);
  });
}

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const answer = await new Promise<string>((resolve) => prompt.question(question, resolve));
  prompt.close();
  return answer.trim();
}

/**
 * Sets up a new installation: the trust, its first trust administrator and, optionally, its academies from a
 * CSV of `URN,name,phase` (or the Get Information About Schools download). Asks for what the flags leave out
 * when run in a terminal; refuses to run twice.
 */
async function setup(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'trust-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      academies: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const interactive = process.stdin.isTTY && !values['password-stdin'];
  const state = await withApp((app) => app.get(SetupService).state());
  if (state.trust)
    throw new ConfigError(
      `Encounters is already set up: the trust "${state.trust.name}" has ${state.academies} academies and ${state.users} users. Set-up runs once.`,
    );
  const needsAdmin = state.users === 0;
  let trustName = values['trust-name'];
  let email = values['admin-email'];
  let name = values['admin-name'];
  let academiesFile = values.academies;
  if (interactive) {
    trustName ||= await ask('Name of the trust: ');
    if (needsAdmin) {
      email ||= await ask('Email of the first trust administrator: ');
      name ||= await ask('Their full name: ');
    }
    if (academiesFile === undefined)
      academiesFile = await ask('CSV of academies (URN,name,phase or a GIAS download; Enter to skip): ');
  }
  if (!trustName || (needsAdmin && (!email || !name))) throw new ConfigError(USAGE);
  let academiesCsv: string | undefined;
  if (academiesFile) {
    try {
      academiesCsv = readFileSync(academiesFile, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `Cannot read ${academiesFile}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      );
    }
  }
  const admin =
    needsAdmin && email && name
      ? { email, name, password: await readPassword(values['password-stdin'] ?? false) }
      : undefined;
  const result = await withApp((app) =>
    app.get(SetupService).setUp({ trustName, admin, academiesCsv }, null),
  ).catch((error: { response?: { details?: { line?: number; reason: string }[] } }) => {
    const details = error.response?.details ?? [];
    // Rows of the academies file; the message itself is printed once, last.
    for (const detail of details.filter((row) => row.line))
      process.stderr.write(`line ${detail.line}: ${detail.reason}\n`);
    throw error;
  });
  process.stdout.write(
    `Set up ${result.trust.name}${result.admin ? ` with ${result.admin.email} as trust administrator` : ''} and ${result.academies.length} academies.\n` +
      'Start Encounters with npm start and sign in.\n',
  );
}

/**
 * Writes a preset of tools/demo-data into the database, through the seed bundle (seed.js). `demo` is the
 * curated trust that `npm start` seeds, written by the same code; the others are generated trusts for
 * benchmarks and large demonstrations, written into an empty database.
 */
async function generate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { preset: { type: 'string' }, seed: { type: 'string' } } });
  const { PRESET_NAMES, writePreset } = await loadSeedBundle();
  const preset = values.preset;
  if (!preset || !(PRESET_NAMES as readonly string[]).includes(preset))
    throw new ConfigError(`${USAGE}\nPresets: ${PRESET_NAMES.join(', ')}`);
  if (preset === 'demo' && values.seed)
    throw new ConfigError('The demo preset is fixed: it takes no --seed.');
  const started = Date.now();
  await withApp((app) =>
    writePreset(
      seedDependencies((type) => app.get(type)),
      preset,
      values.seed ? Number(values.seed) : undefined,
      (message) => process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s: ${message}\n`),
    ),
  );
  process.stdout.write(`Generated the ${preset} trust in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

/**
 * R-DEST-4: runs the retention job once, now, as the daily schedule would (for RETENTION_SCHEDULE=off, from
 * the system's own scheduler). Prints how many leavers it pseudonymised; waits for no other run.
 */
async function retention(args: string[]): Promise<void> {
  if (args.length !== 1 || args[0] !== 'run') throw new ConfigError(USAGE);
  const outcome = await withApp((app) => app.get(RetentionService).run());
  process.stdout.write(
    outcome.ran
      ? `Pseudonymised ${outcome.pseudonymised} ${outcome.pseudonymised === 1 ? 'leaver' : 'leavers'}.\n`
      : 'Another retention run holds the lock: nothing done.\n',
  );
}

/**
 * Prints, as JSON, the statement the API runs for a trust administrator's read of a learner record, with
 * its parameters (the learner's id written as "$learner"): the bench's floor server runs the very same text
 * (tools/bench/floor.mjs). Reads nothing from the database.
 */
function printSql(args: string[]): void {
  if (args.length !== 1 || args[0] !== 'learner-record') throw new ConfigError(USAGE);
  const marker = '$learner';
  const trustWide = { trustWide: true, academyIds: [], groupIds: [], memberAcademyIds: [] };
  const { columns, parameters } = learnerRecordColumns(marker, trustWide);
  process.stdout.write(
    `${JSON.stringify({ text: learnerRecordsSql({ columns }), values: [[marker], ...parameters] })}\n`,
  );
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'sql') return printSql(args);
  const config = loadConfig();
  await checkDatabase(config.DATABASE_URL);
  switch (command) {
    case 'migrate':
      return migrate(config.DATABASE_URL);
    case 'seed':
      return withApp(async (app) => {
        const { seedDemoTrust } = await loadSeedBundle();
        await seedDemoTrust(
          seedDependencies((type) => app.get(type)),
          { onlyIfEmpty: false },
        );
        process.stdout.write('Seeded the demo trust.\n');
      });
    case 'user:create':
      return createUser(args);
    case 'generate':
      return generate(args);
    case 'setup':
      return setup(args);
    case 'retention':
      return retention(args);
    default:
      throw new ConfigError(USAGE);
  }
}

main().catch((error: unknown) => {
  const response = (error as { response?: { message?: string } }).response;
  process.stderr.write(`${response?.message ?? (error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
