import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = resolve(__dirname, '../../../tools/oidc-test-provider/provider.mjs');

/** The local OpenID provider (`oidc-provider`, its own Node process) on a free loopback port. */
export async function startOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<{ issuer: string; stop(): Promise<void> }> {
  const child = spawn(
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
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += String(chunk)));
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(() => {
      throw new Error(`The test OpenID provider stopped: ${errors}`);
    }),
  ]);
  const { issuer } = JSON.parse(String(line)) as { issuer: string };
  return {
    issuer,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
