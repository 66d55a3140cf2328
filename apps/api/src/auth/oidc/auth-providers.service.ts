import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  MICROSOFT_ORGANIZATIONS_ISSUER,
  TENANT_ID_PATTERN,
  type AuthProviderKind,
  type AuthProviderRequest,
  type AuthProviderResponse,
  type PublicAuthProvider,
} from '@encounters/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { SecretBox } from '../../common/secret-box';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { AuthUser } from '../../common/access/policy';

export const CALLBACK_PATH = '/api/auth/oidc/callback';
const GOOGLE_ISSUER = 'https://accounts.google.com';

interface ProviderRow {
  id: string;
  label: string;
  kind: AuthProviderKind;
  issuer: string;
  multi_tenant: boolean;
  tenant_ids: string[];
  domains: string[];
  client_id: string;
  client_secret: string;
  enabled: boolean;
  updated_at: Date;
}

/** A provider as the sign-in needs it, with its secret opened. */
export interface ProviderForSignIn extends ProviderSettings {
  clientSecret: string;
  version: string;
}

/**
 * What the sign-in and the administrator's list both read of a provider (with `multiTenant`, `issuer` is
 * Microsoft's `organizations` endpoint).
 */
type ProviderSettings = Omit<AuthProviderResponse, 'enabled' | 'redirectUri'>;

const settingsOf = (row: ProviderRow): ProviderSettings => ({
  id: row.id,
  label: row.label,
  kind: row.kind,
  issuer: row.issuer,
  multiTenant: row.multi_tenant,
  tenantIds: row.tenant_ids,
  domains: row.domains,
  clientId: row.client_id,
});

/** The OpenID providers the trust administrator configures; client secrets are sealed with SECRETS_KEY. */
@Injectable()
export class AuthProvidersService {
  private readonly box: SecretBox | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.box = config.SECRETS_KEY ? new SecretBox(config.SECRETS_KEY) : null;
  }

  /** The redirect URI to register with every provider. */
  redirectUri(requestOrigin?: string): string {
    return `${this.config.PUBLIC_URL ?? requestOrigin ?? ''}${CALLBACK_PATH}`;
  }

  async listPublic(): Promise<PublicAuthProvider[]> {
    return this.dataSource.query(
      'SELECT id, label, kind FROM auth_provider WHERE enabled ORDER BY label, id',
    );
  }

  async list(requestOrigin: string): Promise<AuthProviderResponse[]> {
    const rows: ProviderRow[] = await this.dataSource.query('SELECT * FROM auth_provider ORDER BY label, id');
    return rows.map((row) => this.toResponse(row, requestOrigin));
  }

  async create(
    dto: AuthProviderRequest,
    actor: AuthUser,
    ip: string,
    requestOrigin: string,
  ): Promise<AuthProviderResponse> {
    const box = this.requireBox();
    const shape = providerShape(dto.kind, dto);
    const id = randomUUID();
    const row = await this.dataSource.transaction(async (manager) => {
      const [inserted]: ProviderRow[] = await manager.query(
        `INSERT INTO auth_provider
           (id, label, kind, issuer, tenant_ids, domains, client_id, client_secret, enabled, multi_tenant)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          id,
          dto.label.trim(),
          dto.kind,
          shape.issuer,
          shape.tenantIds,
          shape.domains,
          dto.clientId.trim(),
          box.seal(dto.clientSecret, `auth_provider:${id}`),
          dto.enabled ?? true,
          shape.multiTenant,
        ],
      );
      await this.audit.record(
        {
          userId: actor.id,
          action: 'auth_provider.create',
          entityType: 'auth_provider',
          entityId: id,
          details: {
            label: inserted.label,
            kind: inserted.kind,
            issuer: inserted.issuer,
            ...(inserted.multi_tenant ? { multiTenant: true, tenantIds: inserted.tenant_ids } : {}),
          },
          ip,
        },
        manager,
      );
      return inserted;
    });
    return this.toResponse(row, requestOrigin);
  }

  async update(
    id: string,
    dto: Partial<AuthProviderRequest>,
    actor: AuthUser,
    ip: string,
    requestOrigin: string,
  ): Promise<AuthProviderResponse> {
    const current = await this.row(id);
    const kind = dto.kind ?? current.kind;
    const shape = providerShape(kind, {
      // A Microsoft or Google issuer follows from the kind and tenant unless given.
      issuer:
        dto.issuer ??
        (kind !== 'oidc' && (dto.kind || dto.tenantIds || dto.multiTenant !== undefined)
          ? undefined
          : current.issuer),
      // Changing the kind away from Microsoft ends a multi-tenant app.
      multiTenant: dto.multiTenant ?? (kind === 'microsoft' && current.multi_tenant),
      tenantIds: dto.tenantIds ?? current.tenant_ids,
      domains: dto.domains ?? current.domains,
    });
    const secret =
      dto.clientSecret === undefined ? null : this.requireBox().seal(dto.clientSecret, `auth_provider:${id}`);
    const row = await this.dataSource.transaction(async (manager) => {
      const [updated]: [ProviderRow[], number] = await manager.query(
        `UPDATE auth_provider
            SET label = $2, kind = $3, issuer = $4, tenant_ids = $5, domains = $6, client_id = $7,
                client_secret = COALESCE($8, client_secret), enabled = $9, multi_tenant = $10,
                updated_at = now()
          WHERE id = $1 RETURNING *`,
        [
          id,
          dto.label?.trim() ?? current.label,
          kind,
          shape.issuer,
          shape.tenantIds,
          shape.domains,
          dto.clientId?.trim() ?? current.client_id,
          secret,
          dto.enabled ?? current.enabled,
          shape.multiTenant,
        ],
      );
      await this.audit.record(
        {
          userId: actor.id,
          action: 'auth_provider.update',
          entityType: 'auth_provider',
          entityId: id,
          // The names of the changed fields only: never the secret.
          details: { changed: Object.keys(dto).sort() },
          ip,
        },
        manager,
      );
      return updated[0];
    });
    return this.toResponse(row, requestOrigin);
  }

  async remove(id: string, actor: AuthUser, ip: string): Promise<void> {
    await this.row(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM auth_provider WHERE id = $1', [id]);
      await this.audit.record(
        { userId: actor.id, action: 'auth_provider.delete', entityType: 'auth_provider', entityId: id, ip },
        manager,
      );
    });
  }

  /** An enabled provider with its secret, for signing in; null when unknown or disabled. */
  async forSignIn(id: string): Promise<ProviderForSignIn | null> {
    const [row]: ProviderRow[] = await this.dataSource.query(
      'SELECT * FROM auth_provider WHERE id = $1 AND enabled',
      [id],
    );
    if (!row) return null;
    return {
      ...settingsOf(row),
      clientSecret: this.requireBox().open(row.client_secret, `auth_provider:${row.id}`),
      version: row.updated_at.toISOString(),
    };
  }

  private async row(id: string): Promise<ProviderRow> {
    const [row]: ProviderRow[] = await this.dataSource.query('SELECT * FROM auth_provider WHERE id = $1', [
      id,
    ]);
    if (!row) throw new NotFoundException('No such sign-in provider.');
    return row;
  }

  private toResponse(row: ProviderRow, requestOrigin: string): AuthProviderResponse {
    return {
      ...settingsOf(row),
      enabled: row.enabled,
      redirectUri: this.redirectUri(requestOrigin),
    };
  }

  private requireBox(): SecretBox {
    if (!this.box) {
      throw new ServiceUnavailableException(
        'Sign-in providers cannot be used: the administrator has not set SECRETS_KEY.',
      );
    }
    return this.box;
  }
}

/**
 * The issuer and restrictions of a provider of this kind. Microsoft: one tenant (its issuer follows from the
 * tenant id) and its `tid` must match — or a multi-tenant app, signing in through Microsoft's `organizations`
 * endpoint, whose accounts' `tid` must be one of the listed tenant GUIDs; Google: its issuer, and the
 * Workspace domains (`hd`) that may sign in; any other provider: its issuer, and optionally the email domains
 * that may sign in.
 */
function providerShape(
  kind: AuthProviderKind,
  input: Pick<AuthProviderRequest, 'issuer' | 'multiTenant' | 'tenantIds' | 'domains'>,
): { issuer: string; multiTenant: boolean; tenantIds: string[]; domains: string[] } {
  const tenantIds = [...new Set(input.tenantIds ?? [])];
  const domains = [...new Set((input.domains ?? []).map((domain) => domain.toLowerCase()))];
  const refuse = (field: string, reason: string) =>
    new BadRequestException({ message: reason, details: [{ field, reason }] });
  if (input.multiTenant && kind !== 'microsoft') {
    throw refuse('multiTenant', 'Only a Microsoft Entra ID provider can be a multi-tenant app.');
  }
  if (input.multiTenant) {
    const allowed = [...new Set(tenantIds.map((id) => id.toLowerCase()))];
    if (allowed.length === 0) {
      throw refuse('tenantIds', 'A multi-tenant Microsoft app needs at least one allowed tenant id.');
    }
    if (!allowed.every((id) => TENANT_ID_PATTERN.test(id))) {
      throw refuse('tenantIds', 'Each allowed tenant id must be a tenant GUID.');
    }
    if (input.issuer && input.issuer !== MICROSOFT_ORGANIZATIONS_ISSUER) {
      throw refuse(
        'issuer',
        `A multi-tenant Microsoft app signs in through ${MICROSOFT_ORGANIZATIONS_ISSUER}.`,
      );
    }
    return { issuer: MICROSOFT_ORGANIZATIONS_ISSUER, multiTenant: true, tenantIds: allowed, domains: [] };
  }
  if (kind === 'microsoft') {
    if (tenantIds.length === 0) throw refuse('tenantIds', 'A Microsoft provider needs its tenant id.');
    if (tenantIds.length > 1 && !input.issuer) {
      throw refuse(
        'tenantIds',
        'Several tenants: make it a multi-tenant app, or add one Microsoft provider per tenant.',
      );
    }
    const issuer = input.issuer ?? `https://login.microsoftonline.com/${tenantIds[0]}/v2.0`;
    return { issuer, multiTenant: false, tenantIds, domains };
  }
  if (kind === 'google') {
    if (domains.length === 0)
      throw refuse('domains', 'A Google provider needs the Workspace domains that may sign in.');
    return { issuer: input.issuer ?? GOOGLE_ISSUER, multiTenant: false, tenantIds: [], domains };
  }
  if (!input.issuer) throw refuse('issuer', 'A provider needs its issuer URL.');
  return { issuer: input.issuer, multiTenant: false, tenantIds, domains };
}
