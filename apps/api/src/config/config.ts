import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

const toNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** A whole number from `min` (to `max`), read from its text. */
function WholeNumber(min: number, { max, optional }: { max?: number; optional?: boolean } = {}) {
  return applyDecorators(
    Transform(toNumber),
    ...(optional ? [IsOptional()] : []),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}

/** On or off: `1`, `true`, `yes` or `on` (any case) is on. */
function Switch() {
  return applyDecorators(Transform(toBoolean), IsBoolean());
}

/** Every setting the API reads from its environment. `.env.example` lists the same names. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @WholeNumber(0, { max: 65535 })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * Which proxies in front of the API to believe about the client's address and protocol
   * (`X-Forwarded-For`, `X-Forwarded-Proto`): empty or `false` for none (the default: the API faces clients
   * directly), a number of proxy hops (`1` for one reverse proxy), or a comma-separated list of the proxies'
   * addresses or subnets (`127.0.0.1`, `172.16.0.0/12`, `loopback`). Decides `req.ip` (audit, per-address
   * throttling) and whether the session cookie is `Secure`.
   */
  @IsString()
  @Matches(/^(|false|true|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message:
      'TRUST_PROXY must be empty, false, a number of hops, or a comma-separated list of addresses or subnets',
  })
  TRUST_PROXY = '';

  /** postgres://user:password@host:port/database. The start script sets it to the embedded server when unset. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * `json`: one JSON line per entry, for a log collector. `text`: short lines for a person at a terminal,
   * without Nest's start-up lines and with a request's line at `debug` only. Unset: `text` in development,
   * `json` otherwise.
   */
  @IsOptional()
  @IsIn(['json', 'text'])
  LOG_FORMAT?: 'json' | 'text';

  /** Serves the built Angular app from this folder when it exists. */
  @IsString()
  WEB_DIST = 'dist/apps/web/browser';

  /** Seeds the demo trust when the database holds no trust yet. */
  @Switch()
  SEED_DEMO_IF_EMPTY = false;

  /** Demo mode shows the demo users and their passwords on the sign-in page. Never in production. */
  @Switch()
  DEMO_MODE = false;

  /** Runs pending migrations at start-up. */
  @Switch()
  MIGRATE_ON_START = true;

  @WholeNumber(1, { optional: true })
  DATABASE_POOL_SIZE = 10;

  /** PostgreSQL's max_parallel_workers_per_gather for the API's connections: 0 suits a server of a few cores. */
  @WholeNumber(0, { optional: true })
  DATABASE_PARALLEL_WORKERS_PER_GATHER = 0;

  /**
   * Read replicas (streaming replicas of DATABASE_URL), comma-separated postgres:// URLs. Coverage, reports and
   * lists read from them; writes and the writer's own next reads go to the primary. Unset: all on the primary.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^,\s]+(,postgres(ql)?:\/\/[^,\s]+)*$/, {
    message: 'DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas',
  })
  DATABASE_REPLICA_URLS?: string;

  /** A replica whose replay is further behind the primary than this is skipped until it catches up. */
  @WholeNumber(0)
  REPLICA_MAX_LAG_MS = 5000;

  /**
   * With replicas, whether the primary takes its share of the reads replicas may answer (each request to the
   * least busy of the primary and the replicas that are up to date), or leaves them all to the replicas.
   */
  @Switch()
  PRIMARY_SHARES_READS = true;

  /** After a write, the same user's reads stay on the primary this long, so that they see what they wrote. */
  @WholeNumber(0)
  REPLICA_READ_OWN_WRITES_MS = 5000;

  /** A session ends after this many minutes without a request. */
  @WholeNumber(1)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, however busy. */
  @WholeNumber(1)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Bearer tokens for scripts last this many days. */
  @WholeNumber(1)
  BEARER_TOKEN_DAYS = 30;

  /** A bearer token unused for this many days ends, whatever its lifetime: a forgotten script's token dies. */
  @WholeNumber(1)
  BEARER_TOKEN_IDLE_DAYS = 7;

  /** Failed sign-ins of an account before each further attempt must wait (30 s, doubling, at most 5 minutes). */
  @WholeNumber(1)
  SIGN_IN_MAX_FAILURES = 5;

  /** Failed sign-ins per client address in 15 minutes before 429: a school's staff share one address. */
  @WholeNumber(1)
  SIGN_IN_ADDRESS_MAX_FAILURES = 200;

  /** Requests per minute per address to the sign-in routes, whatever their outcome. */
  @WholeNumber(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /** Bearer token that GET /api/metrics requires; the metrics are off while it is unset. */
  @IsOptional()
  @IsString()
  @Matches(/^\S{16,}$/, { message: 'METRICS_TOKEN must be at least 16 characters, without spaces' })
  METRICS_TOKEN?: string;

  /** On SIGTERM or SIGINT, requests in flight may take this long to finish before the process exits. */
  @WholeNumber(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /**
   * The key that encrypts secrets kept in the database (sign-in providers' client secrets, second-factor
   * secrets): 32 random bytes, base64 or hex (`openssl rand -base64 32`). Without it neither can be set up.
   */
  @IsOptional()
  @Matches(/^([A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, {
    message: 'SECRETS_KEY must be 32 bytes in base64 (44 characters) or hex (64 characters)',
  })
  SECRETS_KEY?: string;

  /** The address users reach the app at (https://encounters.trust.example); builds the sign-in redirect URI. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+$/, { message: 'PUBLIC_URL must be an http(s) origin without a path' })
  PUBLIC_URL?: string;

  /**
   * R-DEST-4: when the retention job pseudonymises leavers due (three years after leaving), as a cron
   * expression in England's time (five fields, or six with seconds first); `off` never runs it (run
   * `cli retention run` from another scheduler instead). Every API process schedules it; one runs it.
   */
  @IsString()
  @Matches(/^(off|[0-9*,/\-A-Za-z?#]+(\s+[0-9*,/\-A-Za-z?#]+){4,5})$/, {
    message: 'RETENTION_SCHEDULE must be a cron expression (5 or 6 fields) or off',
  })
  RETENTION_SCHEDULE = '30 2 * * *';

  /** Creates the first trust administrator at start-up when no user exists yet. */
  @IsOptional()
  @IsString()
  INITIAL_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  INITIAL_ADMIN_NAME?: string;

  @IsOptional()
  @IsString()
  INITIAL_ADMIN_PASSWORD?: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad value stops the process with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) =>
      error.constraints
        ? Object.values(error.constraints).map((message) =>
            message.startsWith(error.property) ? message : `${error.property}: ${message}`,
          )
        : [],
    );
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  if (config.NODE_ENV === 'production' && (config.DEMO_MODE || config.SEED_DEMO_IF_EMPTY)) {
    // The demo users' passwords are published: they must never exist where real learners do.
    throw new ConfigError(
      'Invalid configuration: DEMO_MODE and SEED_DEMO_IF_EMPTY cannot be on when NODE_ENV is production',
    );
  }
  config.LOG_FORMAT ??= config.NODE_ENV === 'development' ? 'text' : 'json';
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Fastify's `trustProxy` value for {@link AppConfig.TRUST_PROXY} (the same forms as Express's `trust proxy`). */
export function trustProxySetting(value: string): boolean | number | string[] {
  const setting = value.trim();
  if (setting === '' || setting === 'false') return false;
  if (setting === 'true') return true;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',').map((part) => part.trim());
}
