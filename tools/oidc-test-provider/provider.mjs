// A real OpenID provider for the tests and the browser journey: the certified `oidc-provider` package on
// 127.0.0.1, with one confidential client and a sign-in form that takes any email (its "verified" box sets
// `email_verified`). Every ID token also carries `tid` (the tenant, --tenant) and `hd` (the email's domain),
// as Microsoft Entra ID and Google Workspace do.
//
//   node tools/oidc-test-provider/provider.mjs --port 0 --client-id encounters --client-secret s3cret \
//     --redirect-uri http://127.0.0.1:3000/api/auth/oidc/callback [--tenant test-tenant]
//
// With --multi-tenant it answers as Microsoft Entra ID's endpoint for every tenant does, at the address
// --public-origin (e.g. https://login.microsoftonline.com, reached through a proxy that forwards to it with
// X-Forwarded-Proto and X-Forwarded-Host): its discovery document, also at
// /organizations/v2.0/.well-known/openid-configuration, names the issuer `<origin>/{tenantid}/v2.0`; its
// sign-in form also asks for the account's tenant; each ID token has that tenant as `tid` and is issued by
// `<origin>/<tid>/v2.0` — or, to test a forged token, by the tenant of the form's "issuer tenant" field.
//
// It prints one line of JSON, `{"issuer":"http://127.0.0.1:<port>"}`, once it listens. POST /test/clock
// `{"offsetSeconds":-7200}` moves its clock (so that it issues ID tokens that have already expired).
// It is a test tool: the keys are made up at start and nothing is kept.
import { AsyncLocalStorage } from 'node:async_hooks';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'client-id': { type: 'string', default: 'encounters' },
    'client-secret': { type: 'string', default: 'test-client-secret' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    tenant: { type: 'string', default: 'test-tenant' },
    'multi-tenant': { type: 'boolean', default: false },
    'public-origin': { type: 'string' },
  },
});
const multiTenant = options['multi-tenant'];

// The provider reads the time through Date; shifting it here shifts every token it issues.
let clockOffsetMs = 0;
const RealDate = Date;
globalThis.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + clockOffsetMs;
  }
};

const { default: Provider } = await import('oidc-provider');

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// Each request's issuer, for a multi-tenant provider: the template, except in an ID token, which its
// account's tenant issues.
const requestIssuer = new AsyncLocalStorage();
let publicOrigin;
const tenantIssuer = (tenant) => `${publicOrigin}/${tenant}/v2.0`;

/**
 * One provider answering for every tenant, as Microsoft's `organizations` endpoint does. oidc-provider has
 * one issuer per instance; this one's is the `{tenantid}` template, or, while an ID token is made, the
 * issuer its account's claims chose.
 */
class MultiTenantProvider extends Provider {
  get issuer() {
    return requestIssuer.getStore()?.issuer ?? tenantIssuer('{tenantid}');
  }

  set issuer(_constructorIssuer) {
    // The constructor's (a valid URL, which the template is not): the getter answers instead.
  }
}

/** The account id carries what the sign-in form said: email, verification and, multi-tenant, the tenants. */
const accountIdOf = (fields) => Buffer.from(JSON.stringify(fields)).toString('base64url');

function account(accountId) {
  const { email, verified, tenant, issuerTenant } = JSON.parse(
    Buffer.from(accountId, 'base64url').toString(),
  );
  return {
    accountId,
    async claims() {
      const store = requestIssuer.getStore();
      if (multiTenant && store) store.issuer = tenantIssuer(issuerTenant || tenant);
      return {
        sub: accountId,
        email,
        email_verified: verified,
        name: email.split('@')[0],
        preferred_username: email,
        tid: multiTenant ? tenant : options.tenant,
        hd: email.split('@')[1],
      };
    },
  };
}

function startProvider(issuer) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new (multiTenant ? MultiTenantProvider : Provider)(issuer, {
    clients: [
      {
        client_id: options['client-id'],
        client_secret: options['client-secret'],
        redirect_uris: options['redirect-uri'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub', 'tid'],
      email: ['email', 'email_verified', 'hd'],
      profile: ['name', 'preferred_username'],
    },
    // The client reads the claims from the ID token, as it does from Microsoft and Google.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    findAccount: (_ctx, accountId) => account(accountId),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: no consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // Behind the proxy that answers for --public-origin: its addresses are the proxy's.
  provider.proxy = multiTenant;
  return provider;
}

function signInPage(uid) {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Test school sign-in</title></head>
<body>
  <main>
    <h1>Test school sign-in</h1>
    <form method="post" action="/interaction/${escapeHtml(uid)}">
      <label for="email">School email</label>
      <input id="email" name="email" type="email" required autofocus>
      <label><input name="verified" type="checkbox" value="yes" checked> Email verified</label>${
        multiTenant
          ? `
      <label for="tenant">Tenant id</label>
      <input id="tenant" name="tenant" required>
      <label for="issuerTenant">Issuer tenant (empty: the account's)</label>
      <input id="issuerTenant" name="issuerTenant">`
          : ''
      }
      <button type="submit">Sign in</button>
    </form>
  </main>
</body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return req.headers['content-type']?.includes('json')
    ? JSON.parse(body || '{}')
    : Object.fromEntries(new URLSearchParams(body));
}

let provider;
const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/test/clock') {
      clockOffsetMs = Number((await readForm(req)).offsetSeconds ?? 0) * 1000;
      res.writeHead(204).end();
      return;
    }
    const interaction = url.pathname.match(/^\/interaction\/([\w-]+)$/);
    if (interaction && req.method === 'GET') {
      await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage(interaction[1]));
      return;
    }
    if (interaction && req.method === 'POST') {
      const form = await readForm(req);
      const accountId = accountIdOf({
        email: String(form.email ?? '').trim(),
        verified: form.verified === 'yes',
        tenant: String(form.tenant ?? '').trim(),
        issuerTenant: String(form.issuerTenant ?? '').trim(),
      });
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    // Microsoft's address of the discovery document for every work or school tenant.
    if (multiTenant && url.pathname === '/organizations/v2.0/.well-known/openid-configuration') {
      req.url = '/.well-known/openid-configuration';
    }
    requestIssuer.run({}, () => provider.callback()(req, res));
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error?.message ?? error));
  }
});

server.listen(Number(options.port), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  publicOrigin = options['public-origin'] ?? issuer;
  provider = startProvider(multiTenant ? publicOrigin : issuer);
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
