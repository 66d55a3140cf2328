import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool } from 'pg';
import { DataSource, type DataSourceOptions, type QueryRunner, type ReplicationMode } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { isDatabaseUnavailable } from '../common/database-outage';
import { routePreparedReads } from '../common/prepared-read';

/** What health reports of one replica; never its address, which may carry a password. */
export interface ReplicaState {
  name: string;
  status: 'up' | 'lagging' | 'down';
  /** How far its replay is behind the primary, as the monitor last measured it; null when unknown. */
  lagMs: number | null;
}

export interface ReplicaSettings {
  urls: string[];
  maxLagMs: number;
  /** Whether the primary takes its share of the reads replicas may answer (PRIMARY_SHARES_READS). */
  primarySharesReads?: boolean;
  /** How often the monitor asks the primary and every replica where they are. */
  checkEveryMs?: number;
}

/** What one request may read from: set by the routing hooks for the requests that may read a replica. */
interface RequestRouting {
  replicaAllowed: boolean;
  /** The signed-in user's id, once the access guard has found it; reads before that stay on the primary. */
  user?: () => string | undefined;
  /** The server chosen for this request (a replica's index, or PRIMARY), kept for all its reads. */
  server?: number;
}

/** The primary, as the server chosen for a request's reads. */
const PRIMARY = -1;

const requestRouting = new AsyncLocalStorage<RequestRouting>();

/**
 * Runs `work` with reads allowed on a replica (when one is fit), all of them on one server; with `user`,
 * only once it answers a user (signed in) who has not written in the last few seconds.
 */
export function readingFromReplica<T>(work: () => T, user?: () => string | undefined): T {
  return requestRouting.run({ replicaAllowed: true, user }, work);
}

/** A write while the primary does not answer: the exception filter answers 503 with Retry-After. */
export class PrimaryDownError extends Error {
  /** PostgreSQL's "cannot connect now", which `isDatabaseUnavailable` knows. */
  readonly code = '57P03';

  constructor() {
    super('The primary database does not answer: writes wait until it does.');
    this.name = 'PrimaryDownError';
  }
}

/** A statement that only reads, so that a replica (read-only) can answer it. */
export function isReadOnlySql(sql: string): boolean {
  return (
    /^\s*(select|with)\b/i.test(sql) &&
    !/\b(insert|update|delete|merge|nextval|setval|pg_advisory\w*|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share)\b/i.test(
      sql,
    )
  );
}

/** "16/B374D848" → a number of bytes; exact enough to compare positions in the WAL. */
function lsnToBigInt(lsn: string | null): bigint | null {
  if (!lsn) return null;
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('connection timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Read replicas through TypeORM's replication support (`replication: { master, slaves }`): TypeORM keeps one
 * pool per server; this decides which of them a read goes to.
 *
 * - Writes, transactions and every read outside `readingFromReplica` go to the primary, as without replicas.
 * - Inside it (coverage, reports and lists, unless the user wrote in the last few seconds), a read-only
 *   statement goes to the least busy of the replicas whose replay is within `maxLagMs` of the primary and,
 *   unless `primarySharesReads` is off, the primary; no replica fit → the primary. One request's reads all
 *   go to the server chosen for its first, so that they see one moment.
 * - While the primary does not answer, reads go to a replica that does (stale but available), and the routing
 *   interceptor answers writes 503 with Retry-After.
 * - A replica that refuses a connection or fails mid-read is marked down at once and the read is repeated on
 *   the primary; the monitor brings it back when it answers and has caught up.
 *
 * Lag is measured against the primary's WAL position as the monitor saw it over time: a replica whose replay
 * position is at or past what the primary had written at time t is at most (now − t) behind. This needs no
 * clock shared between servers and no writes.
 */
export class ReplicaRouter {
  readonly replicas: ReplicaState[];
  primaryUp = true;
  /** Routed reads (see `count`), by the server that was asked: 'primary' or a replica's name. */
  readonly reads = new Map<string, number>();
  /** Users who wrote lately, with when their reads may leave the primary again. */
  private readonly recentWriters = new Map<string, number>();
  private readonly driver: PostgresDriver;
  private readonly samples: { lsn: bigint; at: number }[] = [];
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ReplicaSettings,
  ) {
    this.driver = dataSource.driver as PostgresDriver;
    this.replicas = settings.urls.map((_, index) => ({
      name: `replica-${index + 1}`,
      status: 'down',
      lagMs: null,
    }));
  }

  get configured(): boolean {
    return this.replicas.length > 0;
  }

  /** Routes the DataSource's reads; call once, after `initialize()`. */
  install(): void {
    if (!this.configured) return;
    const dataSource = this.dataSource;
    const originalQuery = dataSource.query.bind(dataSource);
    dataSource.defaultReplicationModeForReads = () => this.readMode();
    dataSource.query = async <T = unknown>(sql: string, parameters?: unknown[], runner?: QueryRunner) => {
      if (runner || !isReadOnlySql(sql)) return originalQuery(sql, parameters, runner) as Promise<T>;
      if (this.readMode() === 'master') {
        try {
          return (await originalQuery(sql, parameters)) as T;
        } catch (error) {
          // The primary has just gone: this read (a session's look-up, say) is answered by a replica.
          if (!isDatabaseUnavailable(error) || !this.replicas.some((replica) => replica.status !== 'down'))
            throw error;
          this.primaryUp = false;
        }
      }
      const replicaRunner = dataSource.createQueryRunner('slave');
      try {
        return (await replicaRunner.query(sql, parameters)) as T;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || !this.primaryUp) throw error;
        this.markDown(requestRouting.getStore()?.server);
        return originalQuery(sql, parameters) as Promise<T>;
      } finally {
        await replicaRunner.release();
      }
    };
    routePreparedReads(dataSource, (query) => this.namedRead(query));
    // Every query runner of TypeORM's (its queries, query builders, repositories) takes its connection here:
    // routed reads are counted by the server they get it from.
    const obtainMasterConnection = this.driver.obtainMasterConnection.bind(this.driver);
    this.driver.obtainMasterConnection = () => {
      this.count('primary');
      return obtainMasterConnection();
    };
    this.driver.obtainSlaveConnection = async () => {
      const index = this.chooseServer();
      if (index === undefined || index === PRIMARY) return this.driver.obtainMasterConnection();
      try {
        const connection = await this.connect(this.driver.slaves[index] as Pool);
        this.count(this.replicas[index].name);
        return connection;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.markDown(index);
        return this.driver.obtainMasterConnection();
      }
    };
  }

  /** Starts the monitor: one check now, then every `checkEveryMs`. */
  async start(): Promise<void> {
    if (!this.configured) return;
    await this.check();
    this.timer = setInterval(() => void this.check(), this.settings.checkEveryMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** Asks the primary directly (never a replica): for health, and for deciding on writes. */
  async pingPrimary(): Promise<boolean> {
    try {
      await withTimeout((this.driver.master as Pool).query('SELECT 1'), 2000);
      this.primaryUp = true;
    } catch {
      this.primaryUp = false;
    }
    return this.primaryUp;
  }

  /** Keeps `userId`'s reads on the primary for `forMs`, so that they see what they have just written. */
  noteWrite(userId: string | undefined, forMs: number): void {
    if (userId === undefined) return;
    if (this.recentWriters.size > 10_000) this.recentWriters.clear();
    this.recentWriters.set(userId, Date.now() + forMs);
  }

  /** Whether this moment's reads may be routed: inside `readingFromReplica`, signed in, not a recent writer. */
  private routable(routing: RequestRouting | undefined): routing is RequestRouting {
    if (!routing?.replicaAllowed) return false;
    if (!routing.user) return true;
    const userId = routing.user();
    if (userId === undefined) return false;
    if ((this.recentWriters.get(userId) ?? 0) > Date.now()) {
      routing.replicaAllowed = false;
      return false;
    }
    return true;
  }

  /** Whether reads of this moment go to a replica ('slave') or the primary ('master'). */
  readMode(): ReplicationMode {
    if (!this.configured) return 'master';
    if (!this.primaryUp)
      return this.replicas.some((replica) => replica.status !== 'down') ? 'slave' : 'master';
    const routing = requestRouting.getStore();
    if (!this.routable(routing)) return 'master';
    const chosen = this.chooseServer();
    return chosen === undefined || chosen === PRIMARY ? 'master' : 'slave';
  }

  /**
   * A hot read (`preparedRead`) as a named statement on the pool of the server this moment's reads go to,
   * with the same fall-backs as every other read: a replica that fails mid-read is marked down and the read
   * repeated on the primary; with the primary gone, a replica answers.
   */
  private async namedRead(query: { name?: string; text: string; values: unknown[] }): Promise<unknown[]> {
    const run = (pool: Pool) => pool.query(query).then((result) => result.rows as unknown[]);
    const primary = this.driver.master as Pool;
    if (this.readMode() === 'master') {
      try {
        this.count('primary');
        return await run(primary);
      } catch (error) {
        if (!isDatabaseUnavailable(error) || !this.replicas.some((replica) => replica.status !== 'down'))
          throw error;
        this.primaryUp = false;
      }
    }
    const index = this.chooseServer();
    if (index === undefined || index === PRIMARY) {
      this.count('primary');
      return run(primary);
    }
    try {
      this.count(this.replicas[index].name);
      return await run(this.driver.slaves[index] as Pool);
    } catch (error) {
      if (!isDatabaseUnavailable(error) || !this.primaryUp) throw error;
      this.markDown(index);
      this.count('primary');
      return run(primary);
    }
  }

  /**
   * The server for this moment's routed reads: the one chosen for the request if it is still fit, otherwise
   * the least busy fit one (ties at random), kept for the request. Fit: a replica that is up (any that
   * answers, while the primary is down), and the primary when it is up and shares reads. Undefined: none.
   */
  private chooseServer(): number | undefined {
    const routing = requestRouting.getStore();
    const fit = (index: number) =>
      index === PRIMARY
        ? this.primaryUp
        : this.primaryUp
          ? this.replicas[index].status === 'up'
          : this.replicas[index].status !== 'down';
    if (routing?.server !== undefined && fit(routing.server)) return routing.server;
    const replicas = this.replicas.map((_, index) => index).filter(fit);
    if (replicas.length === 0) return undefined;
    const candidates =
      this.primaryUp && this.settings.primarySharesReads !== false && this.routable(routing)
        ? [PRIMARY, ...replicas]
        : replicas;
    const busy = (index: number) => {
      const pool = (index === PRIMARY ? this.driver.master : this.driver.slaves[index]) as Pool;
      return pool.totalCount - pool.idleCount + pool.waitingCount;
    };
    const least = Math.min(...candidates.map(busy));
    const quietest = candidates.filter((index) => busy(index) === least);
    const chosen = quietest[Math.floor(Math.random() * quietest.length)];
    if (routing) routing.server = chosen;
    return chosen;
  }

  /** Counts a routed read (one a replica may answer, or any while the primary is down) under its server. */
  private count(server: string): void {
    if (this.primaryUp && !this.routable(requestRouting.getStore())) return;
    this.reads.set(server, (this.reads.get(server) ?? 0) + 1);
  }

  private markDown(index: number | undefined): void {
    if (index !== undefined && index !== PRIMARY && this.replicas[index]) {
      this.replicas[index].status = 'down';
      this.replicas[index].lagMs = null;
    }
  }

  private connect(pool: Pool): Promise<[unknown, () => void]> {
    return new Promise((resolve, reject) =>
      pool.connect((error, client, release) => (error ? reject(error) : resolve([client, release]))),
    );
  }

  private check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const now = Date.now();
    let primaryLsn: bigint | null = null;
    try {
      const { rows } = await withTimeout(
        (this.driver.master as Pool).query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'),
        2000,
      );
      primaryLsn = lsnToBigInt(rows[0].lsn);
      this.primaryUp = true;
      const last = this.samples.at(-1);
      if (!last || primaryLsn !== last.lsn) this.samples.push({ lsn: primaryLsn as bigint, at: now });
      // A minute of history is more than any lag worth measuring.
      while (this.samples.length > 1 && this.samples[1].at < now - 60_000) this.samples.shift();
    } catch {
      this.primaryUp = false;
    }
    await Promise.all(
      this.replicas.map(async (replica, index) => {
        try {
          const { rows } = await withTimeout(
            (this.driver.slaves[index] as Pool).query<{ replay: string | null }>(
              'SELECT pg_last_wal_replay_lsn()::text AS replay',
            ),
            2000,
          );
          const replay = lsnToBigInt(rows[0].replay);
          replica.lagMs = primaryLsn === null ? null : this.lagOf(replay, primaryLsn, now);
          replica.status =
            replica.lagMs !== null && replica.lagMs > this.settings.maxLagMs ? 'lagging' : 'up';
        } catch {
          replica.status = 'down';
          replica.lagMs = null;
        }
      }),
    );
  }

  /** The time since the primary was first seen past the replica's replay position; 0 when it has caught up. */
  private lagOf(replay: bigint | null, primaryLsn: bigint, now: number): number {
    // Not replaying (a promoted server, or a primary given as a replica): it is current.
    if (replay === null || replay >= primaryLsn) return 0;
    const firstAhead = this.samples.find((sample) => sample.lsn > replay);
    return firstAhead ? now - firstAhead.at : Number.POSITIVE_INFINITY;
  }
}

const routers = new WeakMap<DataSource, ReplicaRouter>();

/**
 * The DataSource of the app: with replica URLs, TypeORM's replication (primary as master, replicas as
 * slaves, reads on the primary unless routed), and a router installed and started. A replica that does not
 * answer at start-up is no reason to stop: its pool is kept and the monitor marks it down until it answers.
 */
export async function createDataSource(
  options: DataSourceOptions & { url?: string },
  settings: ReplicaSettings,
): Promise<DataSource> {
  const replicated: DataSourceOptions =
    settings.urls.length === 0
      ? options
      : ({
          ...options,
          url: undefined,
          replication: {
            master: { url: options.url },
            slaves: settings.urls.map((url) => ({ url })),
            defaultMode: 'master',
          },
        } as DataSourceOptions);
  const dataSource = new DataSource(replicated);
  if (settings.urls.length > 0) {
    const driver = dataSource.driver as PostgresDriver & {
      createPool: (options: unknown, credentials: { url?: string }) => Promise<Pool>;
    };
    const createPool = driver.createPool.bind(driver);
    const replicaUrls = new Set(settings.urls);
    driver.createPool = async (poolOptions, credentials) => {
      if (!credentials.url || !replicaUrls.has(credentials.url)) return createPool(poolOptions, credentials);
      try {
        return await createPool(poolOptions, credentials);
      } catch {
        // The same options as TypeORM's pool, without the first connection it insists on.
        const extra = (poolOptions as { extra?: object }).extra ?? {};
        const pool = new driver.postgres.Pool({ connectionString: credentials.url, ...extra }) as Pool;
        pool.on('error', () => undefined);
        return pool;
      }
    };
  }
  await dataSource.initialize();
  const router = new ReplicaRouter(dataSource, settings);
  router.install();
  await router.start();
  routers.set(dataSource, router);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await router.stop();
    await destroy();
  };
  return dataSource;
}

/** The router of a DataSource made by `createDataSource`; one without replicas otherwise. */
export function replicaRouterOf(dataSource: DataSource): ReplicaRouter {
  let router = routers.get(dataSource);
  if (!router) {
    router = new ReplicaRouter(dataSource, { urls: [], maxLagMs: 0 });
    routers.set(dataSource, router);
  }
  return router;
}

/** The replica settings of the app's configuration. */
export function replicaSettings(config: {
  DATABASE_REPLICA_URLS?: string;
  REPLICA_MAX_LAG_MS: number;
  PRIMARY_SHARES_READS?: boolean;
}): ReplicaSettings {
  return {
    urls: (config.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
    maxLagMs: config.REPLICA_MAX_LAG_MS,
    primarySharesReads: config.PRIMARY_SHARES_READS ?? true,
  };
}
