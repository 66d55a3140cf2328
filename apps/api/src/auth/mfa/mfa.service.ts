import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { SecretBox } from '../../common/secret-box';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { ROLES_SEEING_PERSONAL_DATA, type UserRole } from '@encounters/domain';
import type { AuthUser } from '../../common/access/policy';
import { SignInThrottle } from '../sign-in-throttle';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { matchingTimeStep, newTotpSecret, otpauthUrl } from './totp';

const CHALLENGE_MINUTES = 5;
const WRONG_CODE = 'The code is not right.';
const EXPIRED_CHALLENGE = 'This sign-in has expired. Sign in again.';

export type ChallengePurpose = 'verify' | 'enrol';
export type SecondFactor = 'totp' | 'recovery_code';

interface ChallengeRow {
  user_id: string;
  email: string;
  kind: 'cookie' | 'bearer';
  purpose: ChallengePurpose;
}

interface UserFactorRow {
  email: string;
  roles: UserRole[];
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | null;
}

const hashChallenge = (challenge: string) => createHash('sha256').update(challenge).digest();

/**
 * The second factor of password sign-in: TOTP (RFC 6238) with ten single-use recovery codes, the trust's
 * policy that requires it, and the 5-minute challenge between a right password and a right code.
 */
@Injectable()
export class MfaService {
  private readonly box: SecretBox | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {
    this.box = config.SECRETS_KEY ? new SecretBox(config.SECRETS_KEY) : null;
  }

  /** What a right password leads to: nothing more, a code, or enrolment first (the policy requires it). */
  async nextStep(userId: string): Promise<'none' | 'verify' | 'enrol'> {
    const [row]: { totp_secret: string | null; roles: UserRole[]; require_mfa: boolean | null }[] =
      await this.dataSource.query(
        `SELECT u.totp_secret, u.roles, (SELECT bool_or(require_mfa) FROM trust) AS require_mfa
           FROM app_user u WHERE u.id = $1`,
        [userId],
      );
    if (row.totp_secret) return 'verify';
    const seesPersonalData = row.roles.some((role) => ROLES_SEEING_PERSONAL_DATA.includes(role));
    return row.require_mfa && seesPersonalData ? 'enrol' : 'none';
  }

  async issueChallenge(
    userId: string,
    kind: 'cookie' | 'bearer',
    purpose: ChallengePurpose,
  ): Promise<string> {
    const challenge = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `WITH expired AS (DELETE FROM mfa_challenge WHERE expires_at <= now())
       INSERT INTO mfa_challenge (id, user_id, kind, purpose, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [hashChallenge(challenge), userId, kind, purpose, CHALLENGE_MINUTES],
    );
    return challenge;
  }

  async status(userId: string): Promise<{ enrolled: boolean; required: boolean }> {
    const [row]: { enrolled: boolean }[] = await this.dataSource.query(
      'SELECT totp_secret IS NOT NULL AS enrolled FROM app_user WHERE id = $1',
      [userId],
    );
    const step = await this.nextStep(userId);
    return { enrolled: row.enrolled, required: step !== 'none' };
  }

  /** Starts enrolment: a new secret, kept aside until a first code confirms the user's app holds it. */
  async setup(userId: string): Promise<{ otpauthUrl: string; qrCode: string }> {
    const box = this.requireBox();
    const user = await this.factors(userId);
    if (user.totp_secret) {
      throw new ConflictException(
        'A second factor is already set up. An administrator can reset it if the device is lost.',
      );
    }
    const secret = newTotpSecret();
    await this.dataSource.query('UPDATE app_user SET totp_pending_secret = $2 WHERE id = $1', [
      userId,
      box.seal(secret, `totp:${userId}`),
    ]);
    const url = otpauthUrl(secret, user.email);
    return { otpauthUrl: url, qrCode: await toDataURL(url, { margin: 1, width: 220 }) };
  }

  /** Confirms enrolment with a first code; answers the ten recovery codes, shown this once. */
  async confirm(userId: string, code: string, ip: string): Promise<{ recoveryCodes: string[] }> {
    const box = this.requireBox();
    const user = await this.factors(userId);
    if (user.totp_secret) throw new ConflictException('A second factor is already set up.');
    if (!user.totp_pending_secret) {
      throw new BadRequestException('Start the set-up first: POST /api/auth/mfa/setup.');
    }
    const sealed = user.totp_pending_secret;
    const step = await matchingTimeStep(box.open(sealed, `totp:${userId}`), code.trim(), null);
    if (step === null) {
      throw new BadRequestException({
        message: WRONG_CODE,
        details: [{ field: 'code', reason: WRONG_CODE }],
      });
    }
    const recoveryCodes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                totp_enabled_at = now(), totp_last_step = $2
          WHERE id = $1`,
        [userId, step],
      );
      await this.replaceRecoveryCodes(userId, recoveryCodes, manager);
      await this.audit.record(
        { userId, action: 'auth.mfa_enrolled', entityType: 'user', entityId: userId, ip },
        manager,
      );
    });
    return { recoveryCodes };
  }

  /**
   * Checks a code against a sign-in challenge. A wrong code counts as a failed sign-in of the account
   * (the same throttle as wrong passwords) and is audited; a right one consumes the challenge.
   */
  async verify(
    challenge: string,
    code: string,
    ip: string,
  ): Promise<{ userId: string; kind: 'cookie' | 'bearer'; factor: SecondFactor }> {
    const found = await this.challenge(challenge, 'verify');
    await this.throttle.attempt(found.email, ip);
    const factor = await this.consumeCode(found.user_id, code.trim());
    if (!factor) {
      await this.audit.record({
        userId: found.user_id,
        action: 'auth.mfa_failed',
        entityType: 'user',
        entityId: found.user_id,
        details: { kind: found.kind },
        ip,
      });
      throw new UnauthorizedException(WRONG_CODE);
    }
    await this.dataSource.query('DELETE FROM mfa_challenge WHERE id = $1', [hashChallenge(challenge)]);
    await this.throttle.passed(found.email, ip);
    return { userId: found.user_id, kind: found.kind, factor };
  }

  /** The user behind an enrolment challenge (the policy requires a second factor they have not set up). */
  async enrolmentChallenge(challenge: string): Promise<{ userId: string; kind: 'cookie' | 'bearer' }> {
    const found = await this.challenge(challenge, 'enrol');
    return { userId: found.user_id, kind: found.kind };
  }

  async endChallenge(challenge: string): Promise<void> {
    await this.dataSource.query('DELETE FROM mfa_challenge WHERE id = $1', [hashChallenge(challenge)]);
  }

  /** An administrator's reset: the user sets up a new factor at the next sign-in if the policy requires it. */
  async reset(userId: string, actor: AuthUser, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result: [unknown[], number] = await manager.query(
        `UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
                totp_last_step = NULL
          WHERE id = $1`,
        [userId],
      );
      if (result[1] === 0) throw new NotFoundException('No such user.');
      await manager.query('DELETE FROM mfa_recovery_code WHERE user_id = $1', [userId]);
      await manager.query('DELETE FROM mfa_challenge WHERE user_id = $1', [userId]);
      await this.audit.record(
        { userId: actor.id, action: 'auth.mfa_reset', entityType: 'user', entityId: userId, ip },
        manager,
      );
    });
  }

  async policy(): Promise<{ requireForPersonalData: boolean }> {
    const [row]: { require_mfa: boolean | null }[] = await this.dataSource.query(
      'SELECT bool_or(require_mfa) AS require_mfa FROM trust',
    );
    return { requireForPersonalData: row?.require_mfa ?? false };
  }

  async setPolicy(requireForPersonalData: boolean, actor: AuthUser, ip: string) {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE trust SET require_mfa = $1', [requireForPersonalData]);
      await this.audit.record(
        {
          userId: actor.id,
          action: 'trust.mfa_policy_change',
          entityType: 'trust',
          details: { requireForPersonalData },
          ip,
        },
        manager,
      );
    });
    return { requireForPersonalData };
  }

  private async challenge(challenge: string, purpose: ChallengePurpose): Promise<ChallengeRow> {
    const [found]: ChallengeRow[] = await this.dataSource.query(
      `SELECT c.user_id, u.email, c.kind, c.purpose
         FROM mfa_challenge c JOIN app_user u ON u.id = c.user_id
        WHERE c.id = $1 AND c.purpose = $2 AND c.expires_at > now() AND u.active`,
      [hashChallenge(challenge), purpose],
    );
    if (!found) throw new UnauthorizedException(EXPIRED_CHALLENGE);
    return found;
  }

  /** Uses a TOTP code (its time step, once) or a recovery code (once); null when neither matches. */
  private async consumeCode(userId: string, code: string): Promise<SecondFactor | null> {
    if (looksLikeRecoveryCode(code)) {
      const [, used]: [unknown[], number] = await this.dataSource.query(
        `UPDATE mfa_recovery_code SET used_at = now()
          WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
        [userId, hashRecoveryCode(code)],
      );
      return used === 1 ? 'recovery_code' : null;
    }
    const user = await this.factors(userId);
    if (!user.totp_secret) return null;
    const secret = this.requireBox().open(user.totp_secret, `totp:${userId}`);
    const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const step = await matchingTimeStep(secret, code, lastStep);
    if (step === null) return null;
    // Two requests racing with the same code: only one moves the last step forward.
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user SET totp_last_step = $2
        WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [userId, step],
    );
    return updated === 1 ? 'totp' : null;
  }

  private async replaceRecoveryCodes(userId: string, codes: string[], manager: EntityManager) {
    await manager.query('DELETE FROM mfa_recovery_code WHERE user_id = $1', [userId]);
    await manager.query(`INSERT INTO mfa_recovery_code (user_id, code_hash) SELECT $1, unnest($2::bytea[])`, [
      userId,
      codes.map(hashRecoveryCode),
    ]);
  }

  private async factors(userId: string): Promise<UserFactorRow> {
    const [row]: UserFactorRow[] = await this.dataSource.query(
      `SELECT email, roles, totp_secret, totp_pending_secret, totp_last_step FROM app_user WHERE id = $1`,
      [userId],
    );
    if (!row) throw new NotFoundException('No such user.');
    return row;
  }

  private requireBox(): SecretBox {
    if (!this.box) {
      throw new ServiceUnavailableException(
        'A second factor cannot be set up: the administrator has not set SECRETS_KEY.',
      );
    }
    return this.box;
  }
}
