import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, randomBytes } from 'node:crypto';
import { EntityManager, LessThan, Not, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isDatabaseUnavailable } from '../common/database-outage';
import { type UserRole } from '@encounters/domain';
import type { AuthUser } from '../common/access/policy';
import { UserSession } from './user-session.entity';

const MINUTE = 60_000;
/** Recording every request's time would write on every read; a minute's precision is enough for idle expiry. */
const LAST_SEEN_PRECISION_MS = MINUTE;
/**
 * How long a looked-up session is trusted without asking the database again. Every way a session ends
 * (sign-out, password change, deactivation, a change of roles or scope) goes through this service, which
 * forgets the cached entries at once; the short lifetime bounds what another API process could miss.
 */
const CACHE_MS = 5_000;

interface CachedSession {
  user: AuthUser;
  csrfToken: string | null;
  until: number;
}

export interface IssuedSession {
  token: string;
  csrfToken: string | null;
  expiresAt: Date;
}

interface SessionRow {
  session_id: string;
  kind: 'cookie' | 'bearer';
  csrf_token: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  name: string;
  email: string;
  roles: UserRole[];
  academy_ids: string[];
  group_ids: string[];
}

/** The token's SHA-256, in hex: one-shot `crypto.hash`, cheaper than a Hash object on every request (issue 20). */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

@Injectable()
export class SessionService {
  private readonly cache = new Map<string, CachedSession>();

  constructor(
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    userId: string,
    kind: 'cookie' | 'bearer',
    ip: string | null,
    manager?: EntityManager,
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = kind === 'cookie' ? randomBytes(24).toString('base64url') : null;
    const now = new Date();
    const lifetime =
      kind === 'cookie'
        ? this.config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE
        : this.config.BEARER_TOKEN_DAYS * 24 * 60 * MINUTE;
    const expiresAt = new Date(now.getTime() + lifetime);
    await (manager ?? this.sessions.manager).insert(UserSession, {
      id: hashToken(token),
      userId,
      kind,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip,
    });
    return { token, csrfToken, expiresAt };
  }

  /** The user behind a token, or null when the token is unknown, expired, idle too long or the user inactive. */
  async authenticate(token: string): Promise<{ user: AuthUser; csrfToken: string | null } | null> {
    const sessionId = hashToken(token);
    const cached = this.cache.get(sessionId);
    if (cached && cached.until > Date.now()) return { user: cached.user, csrfToken: cached.csrfToken };
    this.cache.delete(sessionId);
    const found = await this.lookUp(sessionId);
    if (found) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(sessionId, { ...found, until: Date.now() + CACHE_MS });
    }
    return found;
  }

  private async lookUp(sessionId: string): Promise<{ user: AuthUser; csrfToken: string | null } | null> {
    const rows: SessionRow[] = await this.sessions.query(
      `SELECT s.id AS session_id, s.kind, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
              u.id AS user_id, u.name, u.email, u.roles,
              COALESCE((SELECT array_agg(ua.academy_id) FROM user_academy ua WHERE ua.user_id = u.id), '{}') AS academy_ids,
              COALESCE((SELECT array_agg(ug.group_id) FROM user_group ug WHERE ug.user_id = u.id), '{}') AS group_ids
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.active`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    const now = Date.now();
    const idleLimit =
      row.kind === 'cookie'
        ? this.config.SESSION_IDLE_MINUTES * MINUTE
        : this.config.BEARER_TOKEN_IDLE_DAYS * 24 * 60 * MINUTE;
    if (row.expires_at.getTime() <= now || now - row.last_seen_at.getTime() > idleLimit) {
      await this.sessions.delete({ id: sessionId });
      return null;
    }
    if (now - row.last_seen_at.getTime() > LAST_SEEN_PRECISION_MS) {
      // With the primary down and a replica answering, the session still reads; its time waits for the primary.
      await this.sessions.update({ id: sessionId }, { lastSeenAt: new Date(now) }).catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) throw error;
      });
    }
    return {
      user: {
        id: row.user_id,
        name: row.name,
        email: row.email,
        roles: row.roles,
        academyIds: row.academy_ids,
        groupIds: row.group_ids,
        sessionId,
        sessionKind: row.kind,
      },
      csrfToken: row.csrf_token,
    };
  }

  async end(sessionId: string): Promise<void> {
    this.cache.delete(sessionId);
    await this.sessions.delete({ id: sessionId });
  }

  /** Ends every session of the user but `keepSessionId` (after a password change, or when the user is disabled). */
  async endAllFor(userId: string, keepSessionId?: string, manager?: EntityManager): Promise<void> {
    this.forgetUser(userId);
    const repository = manager ? manager.getRepository(UserSession) : this.sessions;
    await repository.delete(keepSessionId ? { userId, id: Not(keepSessionId) } : { userId });
  }

  /** Drops the user's cached sessions, so that the next request reads their roles and scope afresh. */
  forgetUser(userId: string): void {
    for (const [sessionId, cached] of this.cache) if (cached.user.id === userId) this.cache.delete(sessionId);
  }

  async purgeExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }
}
