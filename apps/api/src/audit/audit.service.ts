import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { escapeLiteral } from 'pg';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  userId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  academyId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditQuery {
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  academyId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Records an entry; pass the transaction's manager so that the entry commits or rolls back with the change.
   * One plain statement: every write of the API records one, and TypeORM's insert builder cost several times
   * the statement's own work in JavaScript (issue 20).
   */
  async record(entry: AuditRecord, manager: EntityManager = this.entries.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, academy_id, details, ip)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [
        entry.userId,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.academyId ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.ip ?? null,
      ],
    );
  }

  /**
   * Records the entry of a read (guidance notes shown) in a transaction of its own that does not wait for
   * PostgreSQL to flush it to disk (`synchronous_commit = off` for that transaction only): one round trip,
   * and no write-ahead-log flush on the reader's path. A crash of the database server within a fraction of
   * a second afterwards could lose the entry; changes are still audited with `record`, in their transaction.
   */
  async recordRead(entry: AuditRecord): Promise<void> {
    const literal = (value: string | null | undefined) => (value == null ? 'NULL' : escapeLiteral(value));
    // One simple-protocol message carries the whole transaction, so the values go in as escaped literals.
    const sql = `BEGIN; SET LOCAL synchronous_commit = off;
      INSERT INTO audit_entry (user_id, action, entity_type, entity_id, academy_id, details, ip)
      VALUES (${literal(entry.userId)}::uuid, ${literal(entry.action)}, ${literal(entry.entityType)},
              ${literal(entry.entityId)}, ${literal(entry.academyId)}::uuid,
              ${literal(JSON.stringify(entry.details ?? {}))}::jsonb, ${literal(entry.ip)});
      COMMIT;`;
    const runner = this.entries.manager.connection.createQueryRunner();
    try {
      await runner.query(sql);
    } catch (error) {
      // A failed statement leaves the transaction open on this connection: end it before the pool reuses it.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * A page of entries, newest first, each with the names a reader needs to read it as a sentence: the acting
   * user's, the record's (`entityName`), the academy's, and the learners the details name (`learnerIds`).
   * Names are looked up for the page only, a few queries whatever its size; what no longer exists is null.
   */
  async list(query: AuditQuery): Promise<{
    items: AuditEntryView[];
    total: number;
    page: number;
    pageSize: number;
  }> {
    const builder = this.entries
      .createQueryBuilder('entry')
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC');
    if (query.userId) builder.andWhere('entry.user_id = :userId', { userId: query.userId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.entityType)
      builder.andWhere('entry.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.academyId) builder.andWhere('entry.academy_id = :academyId', { academyId: query.academyId });
    if (query.from) builder.andWhere('entry.at >= :from::date', { from: query.from });
    if (query.to) builder.andWhere(`entry.at < (:to::date + interval '1 day')`, { to: query.to });
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.namesOf(items);
    return {
      items: items.map((entry) => {
        const learnerIds = learnerIdsOf(entry);
        return {
          ...entry,
          userName: (entry.userId && names.get(`user:${entry.userId}`)) || null,
          entityName: (entry.entityId && names.get(`${entry.entityType}:${entry.entityId}`)) || null,
          academyName: (entry.academyId && names.get(`academy:${entry.academyId}`)) || null,
          learners: learnerIds.map((id) => ({ id, name: names.get(`learner:${id}`) ?? null })),
        };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The names of everything a page of entries refers to, keyed `<entity type>:<id>`, in one query. */
  private async namesOf(items: AuditEntry[]): Promise<Map<string, string>> {
    const ids = (type: string) => [
      ...new Set(
        items.flatMap((entry) => [
          ...(entry.entityType === type && entry.entityId && UUID.test(entry.entityId)
            ? [entry.entityId]
            : []),
          ...(type === 'user' && entry.userId ? [entry.userId] : []),
          ...(type === 'academy' && entry.academyId ? [entry.academyId] : []),
          ...(type === 'learner' ? learnerIdsOf(entry) : []),
        ]),
      ),
    ];
    const rows: { key: string; name: string }[] = await this.entries.manager.query(
      `SELECT 'user:' || id AS key, name FROM app_user WHERE id = ANY($1::uuid[])
       UNION ALL SELECT 'academy:' || id, name FROM academy WHERE id = ANY($2::uuid[])
       UNION ALL SELECT 'learner:' || id,
              coalesce(preferred_forename, legal_forename) || ' ' || coalesce(preferred_surname, legal_surname)
         FROM learner WHERE id = ANY($3::uuid[])
       UNION ALL SELECT 'encounter:' || id, title FROM encounter WHERE id = ANY($4::uuid[])
       UNION ALL SELECT 'organisation:' || id, name FROM organisation WHERE id = ANY($5::uuid[])
       UNION ALL SELECT 'guidance_meeting:' || m.id,
              coalesce(l.preferred_forename, l.legal_forename) || ' ' || coalesce(l.preferred_surname, l.legal_surname)
         FROM guidance_meeting m JOIN learner l ON l.id = m.learner_id WHERE m.id = ANY($6::uuid[])
       UNION ALL SELECT 'auth_provider:' || id, label FROM auth_provider WHERE id = ANY($7::uuid[])`,
      [
        ids('user'),
        ids('academy'),
        ids('learner'),
        ids('encounter'),
        ids('organisation'),
        ids('guidance_meeting'),
        ids('auth_provider'),
      ],
    );
    return new Map(rows.map((row) => [row.key, row.name]));
  }
}

export type AuditEntryView = AuditEntry & {
  userName: string | null;
  entityName: string | null;
  academyName: string | null;
  learners: { id: string; name: string | null }[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The learners an entry names: its `learnerIds` detail, or the learner it is about. */
function learnerIdsOf(entry: AuditEntry): string[] {
  const listed = entry.details?.['learnerIds'];
  if (Array.isArray(listed))
    return listed.filter((id): id is string => typeof id === 'string' && UUID.test(id));
  return [];
}
