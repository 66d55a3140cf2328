import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AuthService, type SignedIn } from '../auth.service';
import { AuthProvidersService, type ProviderForSignIn } from './auth-providers.service';

const SIGN_IN_MINUTES = 10;
const DISCOVERY_CACHE_MS = 10 * 60_000;
const SCOPE = 'openid email profile';
/**
 * The issuer Microsoft's `organizations` discovery document names: a template, since each tenant issues its
 * own ID tokens. openid-client recognises Microsoft's address and checks every ID token's `iss` against it
 * with `{tenantid}` replaced by the token's own `tid`.
 */
const MICROSOFT_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';

/** Why a sign-in through a provider was refused: the sign-in page explains each. */
export type SsoRefusal =
  | 'unknown_account'
  | 'unverified_email'
  | 'wrong_tenant'
  | 'state'
  | 'expired'
  | 'failed'
  | 'provider_unavailable';

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const hashState = (state: string) => createHash('sha256').update(state).digest();

/** Plain http is for a provider on this machine only (the tests' provider); real ones speak https. */
function isLoopback(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/**
 * Sign-in through the school's accounts with OpenID Connect: authorization code flow with PKCE, state and
 * nonce; openid-client validates the ID token (issuer, audience, expiry, nonce, and — with its
 * non-repudiation checks — the signature against the provider's JWKS). A multi-tenant Microsoft app uses the
 * library's own support for Microsoft's `organizations` endpoint (the issuer is the token's tenant's), and
 * admits the listed tenants only. The provider only vouches for an email: the account, its roles and
 * academies are Encounters' own, and an email no user holds is refused — sign-in never creates accounts.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);
  private readonly configurations = new Map<string, { configuration: oidc.Configuration; until: number }>();
  private customFetch: oidc.CustomFetch | undefined;

  constructor(
    private readonly providers: AuthProvidersService,
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * For tests only: sends every request to the providers through this fetch (openid-client's `customFetch`),
   * so that Microsoft's address can be answered by the tests' own provider. Never set by the application.
   */
  routeProviderRequests(fetch: oidc.CustomFetch | undefined): void {
    this.customFetch = fetch;
    this.configurations.clear();
  }

  /** The provider's authorization URL, and the state the browser must bring back (kept in a cookie). */
  async start(providerId: string, requestOrigin: string): Promise<{ url: string; state: string }> {
    const provider = await this.providers.forSignIn(providerId);
    if (!provider) throw new SsoRefused('failed', 'unknown or disabled provider');
    const configuration = await this.configuration(provider);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await this.dataSource.query(
      `WITH expired AS (DELETE FROM oidc_sign_in WHERE expires_at <= now())
       INSERT INTO oidc_sign_in (state_hash, provider_id, code_verifier, nonce, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [hashState(state), provider.id, codeVerifier, nonce, SIGN_IN_MINUTES],
    );
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.providers.redirectUri(requestOrigin),
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * Completes the sign-in from the provider's redirect. The state must match the browser's cookie and a
   * pending sign-in, which is deleted at once, so a state — and the code that came with it — serves once.
   */
  async callback(
    query: URLSearchParams,
    browserState: string | undefined,
    requestOrigin: string,
    ip: string,
  ): Promise<SignedIn> {
    let provider: ProviderForSignIn | null = null;
    try {
      const state = query.get('state') ?? '';
      if (!state || state !== browserState) throw new SsoRefused('state', 'state does not match the browser');
      const [[pending]]: [{ provider_id: string; code_verifier: string; nonce: string }[], number] =
        await this.dataSource.query(
          `DELETE FROM oidc_sign_in WHERE state_hash = $1 AND expires_at > now()
           RETURNING provider_id, code_verifier, nonce`,
          [hashState(state)],
        );
      if (!pending) throw new SsoRefused('state', 'no pending sign-in for this state');
      provider = await this.providers.forSignIn(pending.provider_id);
      if (!provider) throw new SsoRefused('failed', 'the provider was removed or disabled');
      const configuration = await this.configuration(provider);
      const currentUrl = new URL(`${this.providers.redirectUri(requestOrigin)}?${query.toString()}`);
      const tokens = await oidc
        .authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        })
        .catch((error: unknown) => {
          throw refusalOf(error);
        });
      const claims = tokens.claims();
      if (!claims) throw new SsoRefused('failed', 'no ID token');
      const email = admittedEmail(provider, claims);
      const [user]: { id: string; active: boolean }[] = await this.dataSource.query(
        'SELECT id, active FROM app_user WHERE lower(email) = lower($1)',
        [email],
      );
      if (!user?.active) {
        throw new SsoRefused('unknown_account', user ? 'account disabled' : 'no user with this email');
      }
      return await this.auth.completeSignIn(user.id, ip, 'cookie', {
        method: 'oidc',
        provider: provider.label,
      });
    } catch (error) {
      const refusal = error instanceof SsoRefused ? error : refusalOf(error);
      await this.audit.record({
        userId: null,
        action: 'auth.sso_refused',
        entityType: 'auth_provider',
        entityId: provider?.id ?? null,
        details: { reason: refusal.reason, detail: refusal.detail },
        ip,
      });
      throw refusal;
    }
  }

  private async configuration(provider: ProviderForSignIn): Promise<oidc.Configuration> {
    const key = `${provider.id}@${provider.version}`;
    const cached = this.configurations.get(key);
    if (cached && cached.until > Date.now()) return cached.configuration;
    try {
      const configuration = await oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        undefined,
        oidc.ClientSecretBasic(provider.clientSecret),
        {
          // The ID token's signature is checked against the provider's JWKS, not only its TLS connection.
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(isLoopback(provider.issuer) ? [oidc.allowInsecureRequests] : []),
          ],
          timeout: 10,
          ...(this.customFetch ? { [oidc.customFetch]: this.customFetch } : {}),
        },
      );
      if (provider.multiTenant && configuration.serverMetadata().issuer !== MICROSOFT_ISSUER_TEMPLATE) {
        throw new Error(
          `the organizations endpoint named the issuer ${configuration.serverMetadata().issuer}`,
        );
      }
      this.configurations.set(key, { configuration, until: Date.now() + DISCOVERY_CACHE_MS });
      return configuration;
    } catch (error) {
      this.logger.warn(`Discovery failed for sign-in provider ${provider.id}: ${(error as Error).message}`);
      throw new SsoRefused('provider_unavailable', 'the provider did not answer its discovery');
    }
  }
}

/** The email the provider vouches for, once the account's tenant or domain and its verification are checked. */
function admittedEmail(provider: ProviderForSignIn, claims: oidc.IDToken): string {
  if (provider.kind === 'microsoft') {
    const tid = String(claims.tid ?? '');
    if (!provider.tenantIds.some((allowed) => allowed.toLowerCase() === tid.toLowerCase())) {
      throw new SsoRefused('wrong_tenant', `the account belongs to another tenant (${tid || 'none'})`);
    }
    // openid-client has checked this already (its Microsoft multi-tenant support); checked again here, as
    // the one thing that ties a multi-tenant token to its tenant.
    if (provider.multiTenant && claims.iss !== MICROSOFT_ISSUER_TEMPLATE.replace('{tenantid}', tid)) {
      throw new SsoRefused('failed', `the ID token's issuer ${claims.iss} is not its tenant's`);
    }
  }
  const email = String(
    claims.email ?? (provider.kind === 'microsoft' ? claims.preferred_username : '') ?? '',
  );
  if (!email.includes('@')) throw new SsoRefused('unverified_email', 'the provider gave no email');
  const domain = email.split('@')[1].toLowerCase();
  if (provider.kind === 'microsoft') {
    // Entra ID sends no email_verified: an account of the trust's own tenant is taken as verified by it,
    // but an email the tenant says it has not verified is refused.
    if (claims.email_verified === false) throw new SsoRefused('unverified_email', 'email not verified');
    return email;
  }
  if (claims.email_verified !== true) throw new SsoRefused('unverified_email', 'email not verified');
  if (provider.kind === 'google' && !provider.domains.includes(String(claims.hd ?? '').toLowerCase())) {
    throw new SsoRefused('wrong_tenant', 'the account belongs to another Workspace domain');
  }
  if (provider.kind === 'oidc' && provider.domains.length > 0 && !provider.domains.includes(domain)) {
    throw new SsoRefused('wrong_tenant', 'the email belongs to another domain');
  }
  return email;
}

function refusalOf(error: unknown): SsoRefused {
  if (error instanceof SsoRefused) return error;
  const code = (error as { code?: string }).code;
  const { error: oauthError, error_description: description } = error as {
    error?: string;
    error_description?: string;
  };
  // openid-client's own message is general ("unexpected JWT claim value encountered"); its cause says which.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const message = [error instanceof Error ? error.message : String(error), cause, oauthError, description]
    .filter(Boolean)
    .join(': ');
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new SsoRefused('expired', message);
  if (error instanceof TypeError || /fetch failed|ECONNREFUSED|timed? ?out|abort/i.test(message)) {
    return new SsoRefused('provider_unavailable', message);
  }
  return new SsoRefused('failed', message);
}
