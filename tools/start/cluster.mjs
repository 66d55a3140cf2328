// Runs API_PROCESSES copies of the API on one machine, sharing one port (Node's cluster module): for a
// server with more cores than one Node process uses. The first process applies the migrations (and seeds,
// and creates the first administrator) before the others start, so that they never race at start-up.
// A process that stops unexpectedly is started again; SIGTERM or SIGINT stops them all gracefully.
import cluster from 'node:cluster';

/** The number of API processes asked for in API_PROCESSES (default 1), or an error naming the problem. */
export function apiProcesses(env = process.env) {
  const raw = env.API_PROCESSES ?? '1';
  const count = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || count < 1 || count > 64)
    throw new Error(`API_PROCESSES must be a whole number from 1 to 64, not "${raw}".`);
  return count;
}

/** Starts `count` workers running `script` (the built main.js); resolves with a stop function. */
export function runCluster(
  script,
  count,
  { execArgv = [], log = (line) => process.stdout.write(`${line}\n`) } = {},
) {
  cluster.setupPrimary({ exec: script, execArgv });
  let stopping = false;
  const later = {
    MIGRATE_ON_START: 'false',
    SEED_DEMO_IF_EMPTY: 'false',
    INITIAL_ADMIN_EMAIL: '',
    INITIAL_ADMIN_NAME: '',
    INITIAL_ADMIN_PASSWORD: '',
  };
  let onFailure = () => undefined;
  const fork = (index, first) => {
    const worker = cluster.fork(first ? {} : later);
    let listened = false;
    worker.once('listening', () => {
      listened = true;
      log(`API process ${index + 1} of ${count} (pid ${worker.process.pid}) is listening.`);
      if (first) for (let other = 1; other < count; other += 1) fork(other, false);
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      // Failing before it listens (a bad setting, a database that does not answer) is not worth retrying.
      if (!listened) {
        stopping = true;
        onFailure(code || 1);
        return;
      }
      log(`API process ${index + 1} stopped (${signal ?? `code ${code}`}); starting it again.`);
      setTimeout(() => fork(index, false), 1000);
    });
  };
  fork(0, true);
  return {
    /** Called with an exit code when a process fails before it listens: the others are stopped. */
    onFailure(handler) {
      onFailure = (code) => {
        for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill('SIGTERM');
        handler(code);
      };
    },
    stop(signal = 'SIGTERM') {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      for (const worker of workers) worker.process.kill(signal);
      return Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let count;
  try {
    count = apiProcesses();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const [script = 'dist/apps/api/main.js'] = process.argv.slice(2);
  const running = runCluster(script, count, { execArgv: process.execArgv });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      running.stop(signal).then(() => process.exit(process.exitCode ?? 0));
    });
  }
  running.onFailure((code) => setTimeout(() => process.exit(code), 500));
}
