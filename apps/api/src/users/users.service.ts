import type { PagedResult, UserListQuery, UserResponse } from '@encounters/domain';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/access/policy';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblem } from '../auth/password-policy';
import { SessionService } from '../auth/session.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { User } from '../auth/user.entity';

/** A user as the API answers it (`UserResponse` of libs/domain): never the password. */
export type UserView = UserResponse;
type UserListPage = Required<Pick<UserListQuery, 'page' | 'pageSize'>> & UserListQuery;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** A page of users by name; `q` keeps those whose name or email holds it. */
  async list(query: UserListPage): Promise<PagedResult<UserView>> {
    const typed = query.q?.trim().toLowerCase();
    const where = typed ? `(lower(u.name) LIKE $1 OR lower(u.email) LIKE $1)` : 'TRUE';
    const parameters = typed ? [`%${typed.replace(/[\\%_]/g, (character) => `\\${character}`)}%`] : [];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM app_user u WHERE ${where}`,
      parameters,
    );
    const items = await this.query(
      where,
      parameters,
      `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<UserView> {
    const [user] = await this.query('u.id = $1', [id]);
    if (!user) throw new NotFoundException('No such user.');
    return user;
  }

  async create(dto: CreateUserDto, actor: Pick<AuthUser, 'id'> | null, ip: string | null): Promise<UserView> {
    const problem = passwordProblem(dto.password, { email: dto.email, name: dto.name });
    if (problem)
      throw new BadRequestException({ message: problem, details: [{ field: 'password', reason: problem }] });
    const passwordHash = await hashPassword(dto.password);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, dto.email);
      const user = await manager.save(
        manager.create(User, {
          name: dto.name,
          email: dto.email,
          passwordHash,
          roles: dto.roles,
          active: true,
        }),
      );
      const academyIds = dto.academyIds ?? [];
      const groupIds = dto.groupIds ?? [];
      await this.setScopes(manager, user.id, academyIds, groupIds);
      await this.audit.record(
        {
          userId: actor?.id ?? null,
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          details: { email: dto.email, roles: dto.roles, academyIds, groupIds },
          ip,
        },
        manager,
      );
      return user.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser, ip: string | null): Promise<UserView> {
    const before = await this.get(id);
    const passwordHash =
      dto.password !== undefined
        ? await this.checkedHash(dto.password, dto.email ?? before.email)
        : undefined;
    if (id === actor.id && dto.active === false)
      throw new ConflictException('You cannot deactivate your own account.');
    await this.dataSource.transaction(async (manager) => {
      const remainsAdmin =
        (dto.active ?? before.active) && (dto.roles ?? before.roles).includes('trust_admin');
      if (!remainsAdmin) await this.assertAnotherActiveAdmin(manager, id);
      if (dto.email && dto.email.toLowerCase() !== before.email.toLowerCase())
        await this.assertEmailFree(manager, dto.email);
      const changes: Partial<User> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.roles !== undefined) changes.roles = dto.roles;
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.ssoOnly !== undefined) changes.ssoOnly = dto.ssoOnly;
      if (passwordHash) Object.assign(changes, { passwordHash, passwordChangedAt: new Date() });
      if (Object.keys(changes).length) await manager.update(User, { id }, changes);
      if (dto.academyIds !== undefined || dto.groupIds !== undefined) {
        await this.setScopes(
          manager,
          id,
          dto.academyIds ?? before.academyIds,
          dto.groupIds ?? before.groupIds,
        );
      }
      // A user whose access changes signs in again, so that no session keeps access it no longer has.
      // What a GET answered, sent back unchanged, changes nobody's access and ends no session.
      const changed = <T>(sent: readonly T[] | undefined, held: readonly T[]) =>
        sent !== undefined && !sameMembers(sent, held);
      if (
        passwordHash ||
        (dto.active === false && before.active) ||
        changed(dto.roles, before.roles) ||
        changed(dto.academyIds, before.academyIds) ||
        changed(dto.groupIds, before.groupIds)
      ) {
        await this.sessions.endAllFor(id, id === actor.id ? actor.sessionId : undefined, manager);
      }
      const { password: _password, ...visible } = dto;
      await this.audit.record(
        {
          userId: actor.id,
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          details: { changed: { ...visible, ...(passwordHash ? { password: '(changed)' } : {}) } },
          ip,
        },
        manager,
      );
    });
    // Again once committed: a request in between may have cached the user's old roles or scope.
    this.sessions.forgetUser(id);
    return this.get(id);
  }

  /** Deactivates rather than deletes: the audit log keeps pointing at who did what. */
  async deactivate(id: string, actor: AuthUser, ip: string | null): Promise<void> {
    await this.get(id);
    if (id === actor.id) throw new ConflictException('You cannot deactivate your own account.');
    await this.dataSource.transaction(async (manager) => {
      await this.assertAnotherActiveAdmin(manager, id);
      await manager.update(User, { id }, { active: false });
      await this.sessions.endAllFor(id, undefined, manager);
      await this.audit.record(
        { userId: actor.id, action: 'user.deactivate', entityType: 'user', entityId: id, ip },
        manager,
      );
    });
    this.sessions.forgetUser(id);
  }

  async countUsers(): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM app_user');
    return count;
  }

  /**
   * The trust always keeps an active trust administrator: nobody else can manage users, and without one
   * the trust would need a command line on the server to get back in. Locks the administrators' rows, so
   * that two administrators demoting each other at once cannot both succeed.
   */
  private async assertAnotherActiveAdmin(manager: EntityManager, leaving: string): Promise<void> {
    const admins: { id: string }[] = await manager.query(
      `SELECT id FROM app_user WHERE active AND 'trust_admin' = ANY(roles) ORDER BY id FOR UPDATE`,
    );
    if (!admins.some((admin) => admin.id === leaving)) return;
    if (admins.length > 1) return;
    throw new ConflictException({
      message: 'The trust must keep at least one active trust administrator: make someone else one first.',
      details: [{ field: 'roles', reason: 'the last active trust administrator' }],
    });
  }

  private async checkedHash(password: string, email: string): Promise<string> {
    const problem = passwordProblem(password, { email });
    if (problem)
      throw new BadRequestException({ message: problem, details: [{ field: 'password', reason: problem }] });
    return hashPassword(password);
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const rows = await manager.query('SELECT id FROM app_user WHERE lower(email) = lower($1)', [email]);
    if (rows.length)
      throw new ConflictException({
        message: 'A user with that email already exists.',
        existingId: rows[0].id,
      });
  }

  private async setScopes(
    manager: EntityManager,
    userId: string,
    academyIds: string[],
    groupIds: string[],
  ): Promise<void> {
    const academies = academyIds.length
      ? await manager.query('SELECT id FROM academy WHERE id = ANY($1::uuid[])', [academyIds])
      : [];
    if (academies.length !== new Set(academyIds).size) {
      throw new NotFoundException({
        message: 'An academy in academyIds does not exist.',
        details: [{ field: 'academyIds', reason: 'unknown academy' }],
      });
    }
    const groups = groupIds.length
      ? await manager.query('SELECT id FROM learning_group WHERE id = ANY($1::uuid[])', [groupIds])
      : [];
    if (groups.length !== new Set(groupIds).size) {
      throw new NotFoundException({
        message: 'A group in groupIds does not exist.',
        details: [{ field: 'groupIds', reason: 'unknown group' }],
      });
    }
    await manager.query('DELETE FROM user_academy WHERE user_id = $1', [userId]);
    await manager.query(
      'INSERT INTO user_academy (user_id, academy_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
      [userId, academyIds],
    );
    await manager.query('DELETE FROM user_group WHERE user_id = $1', [userId]);
    await manager.query(
      'INSERT INTO user_group (user_id, group_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
      [userId, groupIds],
    );
  }

  private async query(where: string, parameters: unknown[], limit = ''): Promise<UserView[]> {
    // The sign-in throttle counts an account under sha256('account:' + its lower-cased email): see SignInThrottle.
    const rows = await this.dataSource.query(
      `SELECT u.id, u.name, u.email, u.roles, u.active, u.sso_only, u.totp_secret IS NOT NULL AS mfa_enrolled,
              u.last_sign_in_at, u.created_at,
              (SELECT c.next_allowed_at FROM sign_in_counter c
                WHERE c.key_hash = sha256(convert_to('account:' || lower(btrim(u.email)), 'UTF8'))
                  AND c.next_allowed_at > now()) AS sign_in_delayed_until,
              COALESCE((SELECT array_agg(academy_id) FROM user_academy WHERE user_id = u.id), '{}') AS academy_ids,
              COALESCE((SELECT array_agg(group_id) FROM user_group WHERE user_id = u.id), '{}') AS group_ids
         FROM app_user u WHERE ${where} ORDER BY lower(u.name), u.id ${limit}`,
      parameters,
    );
    return rows.map((row: Record<string, never>) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      roles: row.roles,
      academyIds: row.academy_ids,
      groupIds: row.group_ids,
      active: row.active,
      ssoOnly: row.sso_only,
      mfaEnrolled: row.mfa_enrolled,
      lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
      signInDelayedUntil: row.sign_in_delayed_until
        ? new Date(row.sign_in_delayed_until).toISOString()
        : null,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }
}

/** Whether two lists hold the same members, in any order. */
function sameMembers<T>(a: readonly T[], b: readonly T[]): boolean {
  const held = new Set(b);
  return a.length === b.length && a.every((item) => held.has(item)) && new Set(a).size === held.size;
}
