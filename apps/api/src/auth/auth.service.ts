import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import type { AuthUser } from './auth-user';
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

const BAD_CREDENTIALS = 'The email or password is not right.';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {}

  /** Signs in; every failure answers the same 401 so the answer never tells whether the email exists. */
  async signIn(
    email: string,
    password: string,
    ip: string,
    kind: 'cookie' | 'bearer',
  ): Promise<{ session: IssuedSession; profile: UserProfile }> {
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(email, ip);
      await this.audit.record({
        userId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        details: { reason: !user ? 'unknown account' : !valid ? 'wrong password' : 'account disabled', kind },
        ip,
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.throttle.clearAccount(email);
    const session = await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { lastSignInAt: new Date() });
      await this.audit.record(
        {
          userId: user.id,
          action: 'auth.sign_in',
          entityType: 'user',
          entityId: user.id,
          details: { kind },
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
    if (!(await verifyPassword(stored.passwordHash, currentPassword))) {
      throw new BadRequestException({
        message: 'The current password is not right.',
        details: [{ field: 'currentPassword', reason: 'The current password is not right.' }],
      });
    }
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
