import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { User } from './user.entity';
import type { AuthUser } from '../common/access/policy';
import { MfaService } from './mfa/mfa.service';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { IssuedSession, SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';

export interface UserProfile {
  id: string;
  name: string;
  email: string;
  roles: string[];
  academies: { id: string; name: string; urn: string }[];
  groupIds: string[];
}

export interface SignedIn {
  session: IssuedSession;
  profile: UserProfile;
}

/** A right password with a second factor to come: `enrolmentRequired` when the policy asks for one first. */
export interface SecondFactorChallenge {
  mfaRequired: true;
  enrolmentRequired?: true;
  challenge: string;
}

export type PasswordSignIn = SignedIn | SecondFactorChallenge;

const BAD_CREDENTIALS = 'The email or password is not right.';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly mfa: MfaService,
  ) {}

  /**
   * Checks an email and password; every failure answers the same 401 so the answer never tells whether the
   * email exists. With a second factor enrolled (or required by the trust's policy) a right password yields
   * only a challenge, never a session: `MfaService` finishes the sign-in.
   */
  async signIn(
    email: string,
    password: string,
    ip: string,
    kind: 'cookie' | 'bearer',
  ): Promise<PasswordSignIn> {
    await this.throttle.attempt(email, ip);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !valid || !user.active || user.ssoOnly) {
      const reason = !user
        ? 'unknown account'
        : !valid
          ? 'wrong password'
          : !user.active
            ? 'account disabled'
            : 'school account sign-in only';
      await this.audit.record({
        userId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        details: { reason, kind },
        ip,
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.throttle.passed(email, ip);
    const step = await this.mfa.nextStep(user.id);
    if (step !== 'none') {
      // The account's failure count is left as it is: only a full sign-in clears it, so a known password
      // cannot reset the count of wrong codes.
      const challenge = await this.mfa.issueChallenge(user.id, kind, step);
      await this.audit.record({
        userId: user.id,
        action: 'auth.password_accepted',
        entityType: 'user',
        entityId: user.id,
        details: { kind, next: step === 'verify' ? 'second factor' : 'second factor set-up' },
        ip,
      });
      return step === 'verify'
        ? { mfaRequired: true, challenge }
        : { mfaRequired: true, enrolmentRequired: true, challenge };
    }
    return this.completeSignIn(user.id, ip, kind, { method: 'password' });
  }

  /** Issues the session of a user whose sign-in succeeded (password, password and code, or school account). */
  async completeSignIn(
    userId: string,
    ip: string,
    kind: 'cookie' | 'bearer',
    details: Record<string, unknown>,
  ): Promise<SignedIn> {
    const user = await this.users.findOneByOrFail({ id: userId });
    await this.throttle.clearAccount(user.email);
    const session = await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { lastSignInAt: new Date() });
      await this.audit.record(
        {
          userId: user.id,
          action: 'auth.sign_in',
          entityType: 'user',
          entityId: user.id,
          details: { kind, ...details },
          ip,
        },
        manager,
      );
      return this.sessions.issue(user.id, kind, ip, manager);
    });
    return { session, profile: await this.profile(user.id) };
  }

  async signOut(user: AuthUser, ip: string): Promise<void> {
    await this.sessions.end(user.sessionId);
    await this.audit.record({
      userId: user.id,
      action: 'auth.sign_out',
      entityType: 'user',
      entityId: user.id,
      ip,
    });
  }

  async changePassword(
    user: AuthUser,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const stored = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: user.id })
      .getOneOrFail();
    // Guessing the current password from a stolen session is throttled like guessing it at sign-in.
    await this.throttle.attempt(user.email, ip);
    if (!(await verifyPassword(stored.passwordHash, currentPassword))) {
      throw new BadRequestException({
        message: 'The current password is not right.',
        details: [{ field: 'currentPassword', reason: 'The current password is not right.' }],
      });
    }
    await this.throttle.passed(user.email, ip);
    const problem = passwordProblem(newPassword, { email: user.email });
    if (problem)
      throw new BadRequestException({
        message: problem,
        details: [{ field: 'newPassword', reason: problem }],
      });
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.sessions.endAllFor(user.id, user.sessionId, manager);
      await this.audit.record(
        { userId: user.id, action: 'user.password_change', entityType: 'user', entityId: user.id, ip },
        manager,
      );
    });
    // Again once committed: a request in between may have cached a session that has now ended.
    this.sessions.forgetUser(user.id);
  }

  async profile(userId: string): Promise<UserProfile> {
    const user = await this.users.findOneOrFail({ where: { id: userId }, relations: { academies: true } });
    const groups: { group_id: string }[] = await this.dataSource.query(
      'SELECT group_id FROM user_group WHERE user_id = $1',
      [userId],
    );
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      roles: user.roles,
      academies: (user.academies ?? [])
        .map((academy) => ({ id: academy.id, name: academy.name, urn: academy.urn }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      groupIds: groups.map((group) => group.group_id),
    };
  }
}
