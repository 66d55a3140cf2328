import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Academy } from '../academies/academy.entity';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblem } from '../auth/password-policy';
import { Trust } from '../trust/trust.entity';
import { User } from '../auth/user.entity';
import { parseAcademiesCsv, type SetupAcademy } from './academies-csv';

export interface SetupInput {
  trustName: string;
  /** The first trust administrator; may be left out only when users already exist. */
  admin?: { email: string; name: string; password: string };
  /** A CSV of `URN,name,phase` or a Get Information About Schools download. */
  academiesCsv?: string;
}

export interface SetupResult {
  trust: { id: string; name: string };
  admin: { id: string; email: string } | null;
  academies: SetupAcademy[];
}

export interface SetupState {
  trust: { id: string; name: string } | null;
  academies: number;
  users: number;
}

/** Upper-case letters and digits a person cannot misread (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A process starting this soon after another keeps the code that one issued (and logged). */
const ISSUED_CODE_KEPT = '10 minutes';

function digest(text: string): Buffer {
  return createHash('sha256').update(text.trim().toUpperCase().replace(/[\s-]/g, '')).digest();
}

/**
 * Sets up a new installation in one transaction: the trust, its first administrator and, optionally, its
 * academies. Used by `npm run setup` and by the web app's first-run page, which must quote the one-time
 * set-up code this service writes to the server log at start while no user exists.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SetupService.name);
  private code: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.needed())) return;
    const bytes = randomBytes(12);
    const letters = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
    const code = `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8, 12)}`;
    // Shared by every API process (several behind one address): the first to start issues the code; one
    // starting within ISSUED_CODE_KEPT of it keeps that code, so the code in the log stays the one accepted.
    const issued: unknown[] = await this.dataSource.query(
      `INSERT INTO setup_code (code_hash) VALUES ($1)
       ON CONFLICT (singleton) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_at = now()
         WHERE setup_code.issued_at < now() - $2::interval
       RETURNING 1`,
      [digest(code), ISSUED_CODE_KEPT],
    );
    if (issued.length === 0) {
      this.logger.warn(
        'Encounters is not set up yet. Another API process has just written the one-time set-up code to its log: use that code, or run npm run setup.',
      );
      return;
    }
    this.code = code;
    this.logger.warn(
      `Encounters is not set up yet. Open the web app and enter the one-time set-up code ${this.code}, or run npm run setup.`,
    );
  }

  /** The current one-time code, or null once set-up is done (or was never needed at this start). */
  setupCode(): string | null {
    return this.code;
  }

  /** True while the database holds no user and no trust: the first-run page is open. */
  async needed(): Promise<boolean> {
    const state = await this.state();
    return !state.trust && state.users === 0;
  }

  async state(manager: EntityManager = this.dataSource.manager): Promise<SetupState> {
    const trust = await manager.findOne(Trust, { where: {}, order: { createdAt: 'ASC' } });
    const [{ users, academies }] = await manager.query(
      `SELECT (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM academy)::int AS academies`,
    );
    return { trust: trust ? { id: trust.id, name: trust.name } : null, users, academies };
  }

  /** The first-run page's set-up: refused without the right code, and for good once it has been done. */
  async setUpWithCode(code: string, input: SetupInput, ip: string | null): Promise<SetupResult> {
    const [stored] = (await this.dataSource.query('SELECT code_hash FROM setup_code')) as {
      code_hash: Buffer;
    }[];
    if (!stored || !(await this.needed()))
      throw new ConflictException('Encounters is already set up: sign in instead.');
    if (!timingSafeEqual(stored.code_hash, digest(code)))
      throw new ForbiddenException('That set-up code is not right: copy it from the server log.');
    if (!input.admin) throw new BadRequestException('The first trust administrator is needed.');
    const result = await this.setUp(input, ip);
    await this.dataSource.query('DELETE FROM setup_code');
    this.code = null;
    return result;
  }

  /** Creates the trust, the first administrator and the academies, all or nothing. */
  async setUp(input: SetupInput, ip: string | null): Promise<SetupResult> {
    const trustName = input.trustName.trim();
    if (!trustName || trustName.length > 200)
      throw new BadRequestException({
        message: 'The trust name must be 1 to 200 characters.',
        details: [{ field: 'trustName', reason: 'must be 1 to 200 characters' }],
      });
    const { academies, errors } = input.academiesCsv
      ? parseAcademiesCsv(input.academiesCsv)
      : { academies: [], errors: [] };
    if (errors.length)
      throw new BadRequestException({
        message: 'The academies file has errors; nothing was set up.',
        details: errors,
      });
    const admin = input.admin;
    let passwordHash: string | null = null;
    if (admin) {
      const problem = passwordProblem(admin.password, { email: admin.email, name: admin.name });
      if (problem)
        throw new BadRequestException({
          message: problem,
          details: [{ field: 'password', reason: problem }],
        });
      passwordHash = await hashPassword(admin.password);
    }
    const result = await this.dataSource.transaction(async (manager) => {
      // Two set-ups at once (two browsers, or the CLI and a browser) would each see an empty database.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['encounters.setup']);
      const state = await this.state(manager);
      if (state.trust)
        throw new ConflictException(
          `The trust "${state.trust.name}" is already set up, with ${state.academies} academies and ${state.users} users; set-up runs once. Change its name in the app (Admin) or with PATCH /api/trust.`,
        );
      if (admin && state.users > 0)
        throw new ConflictException(
          `${state.users} user(s) already exist; run set-up without an administrator to create only the trust.`,
        );
      if (!admin && state.users === 0)
        throw new BadRequestException('The first trust administrator is needed: no user exists yet.');
      const trust = await manager.save(manager.create(Trust, { name: trustName }));
      let created: { id: string; email: string } | null = null;
      if (admin && passwordHash) {
        const user = await manager.save(
          manager.create(User, {
            name: admin.name.trim(),
            email: admin.email.trim(),
            passwordHash,
            roles: ['trust_admin'],
            active: true,
          }),
        );
        created = { id: user.id, email: user.email };
      }
      if (academies.length)
        await manager.insert(
          Academy,
          academies.map((academy) => ({ ...academy, trustId: trust.id })),
        );
      await this.audit.record(
        {
          userId: created?.id ?? null,
          action: 'trust.setup',
          entityType: 'trust',
          entityId: trust.id,
          details: { name: trustName, admin: created?.email ?? null, academies: academies.length },
          ip,
        },
        manager,
      );
      return { trust: { id: trust.id, name: trust.name }, admin: created, academies };
    });
    this.logger.log(`Set up the trust with ${academies.length} academies`);
    return result;
  }
}
