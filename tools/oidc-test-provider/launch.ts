// Starts provider.mjs for the API's HTTP tests and the browser journeys (one launcher, imported by both).
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = join(__dirname, 'provider.mjs');

/** A fetch as a browser or the API would use it; requests may be routed (see `fetch` below). */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The local OpenID provider (`oidc-provider` in its own Node process) on a free loopback port. */
export interface RunningOidcProvider {
  issuer: string;
  /**
   * Fetch through the proxy the provider stands behind: requests to its public origin (multi-tenant, e.g.
   * https://login.microsoftonline.com) go to it, with X-Forwarded-Proto and X-Forwarded-Host; others as
   * they are. Nothing leaves this machine for that origin.
   */
  fetch: Fetch;
  /** Moves the provider's clock, e.g. -7200 to make it issue ID tokens that expired an hour ago. */
  setClockOffset(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  tenant?: string;
  /** Answers as Microsoft Entra ID's endpoint for every tenant, at this public origin. */
  multiTenantAt?: string;
}): Promise<RunningOidcProvider> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      SCRIPT,
      '--port',
      '0',
      '--client-id',
      options.clientId,
      '--client-secret',
      options.clientSecret,
      '--redirect-uri',
      options.redirectUri,
      '--tenant',
      options.tenant ?? 'test-tenant',
      ...(options.multiTenantAt ? ['--multi-tenant', '--public-origin', options.multiTenantAt] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += String(chunk)));
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(() => {
      throw new Error(`The test OpenID provider stopped: ${errors}`);
    }),
  ]);
  const { issuer } = JSON.parse(first) as { issuer: string };
  const publicOrigin = options.multiTenantAt ? new URL(options.multiTenantAt).origin : null;
  return {
    issuer,
    fetch(url, init = {}) {
      const target = new URL(url);
      if (target.origin !== publicOrigin) return fetch(url, init);
      const headers = new Headers(init.headers);
      headers.set('x-forwarded-proto', target.protocol.slice(0, -1));
      headers.set('x-forwarded-host', target.host);
      return fetch(`${issuer}${target.pathname}${target.search}`, { ...init, headers });
    },
    async setClockOffset(seconds) {
      const response = await fetch(`${issuer}/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ offsetSeconds: seconds }),
      });
      if (response.status !== 204) throw new Error(`Setting the clock answered ${response.status}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A browser's walk through the provider: from its authorization URL, through its sign-in form, to the
 * redirect back to Encounters, keeping the provider's cookies. Answers that redirect's URL.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  account: { email: string; verified?: boolean; tenant?: string; issuerTenant?: string },
  redirectUri: string,
  via: Fetch = fetch,
): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await via(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const response = await send(url);
    if (response.status === 200 && url.includes('/interaction/')) {
      const form = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          email: account.email,
          ...(account.verified === false ? {} : { verified: 'yes' }),
          ...(account.tenant ? { tenant: account.tenant } : {}),
          ...(account.issuerTenant ? { issuerTenant: account.issuerTenant } : {}),
        }).toString(),
      });
      url = new URL(form.headers.get('location') ?? '', url).href;
      continue;
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('Too many redirects at the provider.');
}

/** A loopback port nothing listens on: a provider that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
