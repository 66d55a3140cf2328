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

  /** Records an entry; pass the transaction's manager so that the entry commits or rolls back with the change. */
  async record(entry: AuditRecord, manager: EntityManager = this.entries.manager): Promise<void> {
    await manager.insert(AuditEntry, {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      academyId: entry.academyId ?? null,
      details: (entry.details ?? {}) as never,
      ip: entry.ip ?? null,
    });
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

  /** A page of entries, newest first, each with the acting user's display name (null when none or erased). */
  async list(query: AuditQuery): Promise<{
    items: (AuditEntry & { userName: string | null })[];
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
    const userIds = [...new Set(items.flatMap((entry) => (entry.userId ? [entry.userId] : [])))];
    const users: { id: string; name: string }[] = userIds.length
      ? await this.entries.manager.query('SELECT id, name FROM app_user WHERE id = ANY($1::uuid[])', [
          userIds,
        ])
      : [];
    const names = new Map(users.map((user) => [user.id, user.name]));
    return {
      items: items.map((entry) => ({
        ...entry,
        userName: (entry.userId && names.get(entry.userId)) || null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
