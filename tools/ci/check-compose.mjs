// A structural check of docker-compose.yml for machines with neither `docker compose` nor `docker-compose`:
// it parses the YAML and checks what the deployment relies on. The real validators are preferred by .ci/run.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const file = process.argv[2] ?? 'docker-compose.yml';
const problems = [];
const expect = (condition, message) => {
  if (!condition) problems.push(message);
};

let compose;
try {
  compose = parse(readFileSync(file, 'utf8'));
} catch (error) {
  process.stderr.write(`${file} is not valid YAML: ${error.message}\n`);
  process.exit(1);
}

const services = compose?.services ?? {};
expect(typeof compose === 'object' && compose !== null, 'the file holds no mapping');
for (const [name, service] of Object.entries(services)) {
  expect(service.image || service.build, `service ${name} has neither image nor build`);
  for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
    expect(services[dependency], `service ${name} depends on ${dependency}, which is not defined`);
    if (condition?.condition === 'service_healthy') {
      expect(
        services[dependency]?.healthcheck,
        `service ${name} waits for ${dependency} to be healthy, which has no healthcheck`,
      );
    }
  }
  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    if (source && !/^[./~]/.test(source) && !source.startsWith('$')) {
      expect(
        compose.volumes && source in compose.volumes,
        `service ${name} uses volume ${source}, which is not declared`,
      );
    }
  }
}
expect(services.db?.image?.startsWith('postgres:17'), 'the db service is not PostgreSQL 17');
expect(services.app?.build, 'the app service is not built from the Dockerfile');
expect(
  String(services.app?.environment?.DATABASE_URL ?? '').includes('@db:'),
  'the app service does not point DATABASE_URL at the db service',
);

// Safe defaults (issue 19): no demo trust with published passwords, the proxy trusted explicitly, and the
// app's port published on loopback unless the operator chooses otherwise.
const appEnvironment = services.app?.environment ?? {};
/** A value as compose reads it when the variable is unset: `${NAME:-default}` gives its default. */
const byDefault = (value) => String(value ?? '').replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1');
expect(
  byDefault(appEnvironment.NODE_ENV) === 'production',
  'the app service does not run with NODE_ENV=production',
);
for (const name of ['DEMO_MODE', 'SEED_DEMO_IF_EMPTY']) {
  expect(
    [undefined, 'false'].includes(
      appEnvironment[name] === undefined ? undefined : byDefault(appEnvironment[name]),
    ),
    `the app service turns ${name} on`,
  );
}
expect(
  byDefault(appEnvironment.TRUST_PROXY) !== '' && byDefault(appEnvironment.TRUST_PROXY) !== 'true',
  'the app service does not say which proxy to trust (TRUST_PROXY: hops or addresses, never true)',
);
for (const port of services.app?.ports ?? []) {
  // "host_ip:host_port:container_port", where host_ip (an IPv4 address) may be `${NAME:-127.0.0.1}`.
  const hostIp =
    typeof port === 'string'
      ? (/^(\$\{[A-Z_]+:-\d+\.[\d.]+\}|\d+\.[\d.]+):/.exec(port)?.[1] ?? '')
      : (port.host_ip ?? '');
  expect(
    byDefault(hostIp) === '127.0.0.1',
    `the app service publishes ${JSON.stringify(port)} on every interface by default, not on loopback`,
  );
}
// The `scale` profile: a streaming replica of db, a second app on the same primary, a proxy in front of both.
const inScale = (name) => (services[name]?.profiles ?? []).includes('scale');
expect(inScale('db-replica') && inScale('app-2') && inScale('proxy'), 'the scale profile is incomplete');
expect(!inScale('db') && !inScale('app'), 'db and app must run without the scale profile too');
expect(
  String(services['app-2']?.environment?.DATABASE_URL ?? '').includes('@db:'),
  'app-2 does not point DATABASE_URL at the primary (db)',
);
expect(
  String(services['app-2']?.environment?.MIGRATE_ON_START) === 'false',
  'app-2 must leave the migrations to app',
);
expect(services['db-replica']?.depends_on?.db, 'db-replica does not wait for the primary');
expect(
  ['app', 'app-2'].every((name) => services.proxy?.depends_on?.[name]),
  'the proxy does not sit in front of both app containers',
);
for (const name of ['app', 'app-2'])
  expect(
    'DATABASE_REPLICA_URLS' in (services[name]?.environment ?? {}),
    `${name} cannot be given DATABASE_REPLICA_URLS`,
  );

if (problems.length) {
  process.stderr.write(`${file}:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${file} parses and its services, dependencies and volumes fit together.\n`);
