import {
  type Ability,
  academicYearLabel,
  DESTINATION_YEAR_GROUPS,
  type NeetRiskEntry,
  type NeetRiskList,
} from '@encounters/domain';
import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { type AuthUser, may, mayEverywhere } from '../common/access/policy';
import { ApiError } from '../common/api-error';
import { Clock } from './clock';
import { toNeetRiskEntry } from './destination-follow-up.mapper';
import {
  academyExists,
  deleteNeetRisk,
  enrolmentsOf,
  lockNeetRisk,
  neetRiskList,
  neetRiskOfLearner,
  upsertNeetRisk,
} from './destination-follow-up.queries';
import type { MarkNeetRiskDto, NeetRiskQueryDto } from './dto/neet-risk.dto';

const NO_SUCH_LEARNER = 'No such learner.';

/**
 * R-DEST-3: the NEET-risk list, restricted like guidance notes: only those who hold `markNeetRisk` at the
 * learner's academy (careers advisers and leads there, trust administrators everywhere) read or change it.
 * Anyone else meets 404 for one learner, as for a learner who does not exist, and 403 for an academy's list.
 * Every answer that shows reasons is audited; the reasons themselves never reach the audit trail or logs.
 */
@Injectable()
export class NeetRiskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: NeetRiskQueryDto, actor: Actor): Promise<NeetRiskList> {
    await assertAcademyReadable(this.dataSource.manager, actor.user, query.academyId, ['markNeetRisk']);
    const academicYear = query.academicYear ?? this.clock.academicYear();
    const rows = await neetRiskList(
      this.dataSource.manager,
      { academyId: query.academyId, academicYear, reviewDue: query.reviewDue },
      this.clock.today(),
    );
    const items = rows.map(toNeetRiskEntry);
    await this.auditRead(items, actor, query.academyId);
    return { academicYear, items };
  }

  /** One learner's entry, marked, flagged or neither; 404 when the user may not read their NEET risk. */
  async get(learnerId: string, actor: Actor): Promise<NeetRiskEntry> {
    const row = await neetRiskOfLearner(
      this.dataSource.manager,
      learnerId,
      academiesWhere(actor.user, 'markNeetRisk'),
      this.clock.today(),
    );
    if (!row) throw new NotFoundException(NO_SUCH_LEARNER);
    const entry = toNeetRiskEntry(row);
    await this.auditRead([entry], actor, entry.academyId);
    return entry;
  }

  /**
   * Marks a learner of Year 11 or 13 (in `academicYear`, the current year unless given) at NEET risk, or
   * changes their mark: one per learner.
   */
  async mark(dto: MarkNeetRiskDto, actor: Actor): Promise<NeetRiskEntry> {
    const academicYear = dto.academicYear ?? this.clock.academicYear();
    return this.dataSource.transaction(async (db) => {
      const permitted = await this.markableEnrolments(db, dto.learnerId, actor.user);
      const placing = permitted.find(
        (enrolment) =>
          enrolment.academic_year === academicYear &&
          (DESTINATION_YEAR_GROUPS as readonly number[]).includes(enrolment.year_group),
      );
      if (!placing) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `The learner is not in Year 11 or Year 13 in ${academicYearLabel(academicYear)} at an academy where you mark NEET risk.`,
          [{ field: 'learnerId', value: dto.learnerId, reason: 'not in Year 11 or Year 13 that year' }],
        );
      }
      const before = await lockNeetRisk(db, dto.learnerId);
      const state = { reason: dto.reason, support: dto.support, review_on: dto.reviewOn };
      await upsertNeetRisk(db, { ...dto, markedBy: actor.user.id });
      const changed = before
        ? (['reason', 'support', 'review_on'] as const).filter((key) => before[key] !== state[key])
        : [];
      await this.audit.record(
        {
          userId: actor.user.id,
          action: 'neet_risk.mark',
          entityType: 'learner',
          entityId: dto.learnerId,
          academyId: placing.academy_id,
          // The reason and the support agreed are restricted: only the names of the changed fields.
          details: {
            learnerIds: [dto.learnerId],
            academicYear,
            reviewOn: dto.reviewOn,
            created: !before,
            ...(before ? { changed: changed.map((key) => (key === 'review_on' ? 'reviewOn' : key)) } : {}),
          },
          ip: actor.ip,
        },
        db,
      );
      const row = await neetRiskOfLearner(db, dto.learnerId, [placing.academy_id], this.clock.today());
      return toNeetRiskEntry(row!);
    });
  }

  /** Clears a learner's mark; 404 when they are not marked or not the user's to mark. */
  async clear(learnerId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const [latest] = await this.markableEnrolments(db, learnerId, actor.user);
      if (!(await lockNeetRisk(db, learnerId)))
        throw new NotFoundException('The learner is not marked at NEET risk.');
      await deleteNeetRisk(db, learnerId);
      await this.audit.record(
        {
          userId: actor.user.id,
          action: 'neet_risk.clear',
          entityType: 'learner',
          entityId: learnerId,
          academyId: latest.academy_id,
          details: { learnerIds: [learnerId] },
          ip: actor.ip,
        },
        db,
      );
    });
  }

  /**
   * The learner's enrolments at academies where the user marks NEET risk, the latest first, with the learner
   * locked so that writes about them follow one another; 404 when there are none.
   */
  private async markableEnrolments(db: EntityManager, learnerId: string, user: AuthUser) {
    await db.query(`SELECT id FROM learner WHERE id = $1 FOR NO KEY UPDATE`, [learnerId]);
    const permitted = (await enrolmentsOf(db, learnerId)).filter((enrolment) =>
      may(user, 'markNeetRisk', enrolment.academy_id),
    );
    if (!permitted.length) throw new NotFoundException(NO_SUCH_LEARNER);
    return permitted;
  }

  /** Reading NEET-risk reasons leaves a trace: one entry per answer, naming the learners whose reasons it showed. */
  private async auditRead(items: NeetRiskEntry[], actor: Actor, academyId: string): Promise<void> {
    const read = items.filter((item) => item.marked);
    if (!read.length) return;
    await this.audit.recordRead({
      userId: actor.user.id,
      action: 'neet_risk.read',
      entityType: 'learner',
      entityId: read.length === 1 ? read[0].learnerId : null,
      academyId,
      details: { learnerIds: read.map((item) => item.learnerId) },
      ip: actor.ip,
    });
  }
}

/** The academies where the user holds `ability`; null for every academy (a trust-wide role). */
export function academiesWhere(user: AuthUser, ability: Ability): string[] | null {
  if (mayEverywhere(user, ability)) return null;
  return user.academyIds.filter((academyId) => may(user, ability, academyId));
}

/**
 * An academy's lists are for those who hold one of `abilities` there: 403 for anyone else (the route's
 * roles let them in, the academy does not), 404 for an academy that does not exist.
 */
export async function assertAcademyReadable(
  db: EntityManager,
  user: AuthUser,
  academyId: string,
  abilities: readonly Ability[],
): Promise<void> {
  if (!abilities.some((ability) => may(user, ability, academyId)))
    throw new ForbiddenException('Not an academy whose list you may read.');
  if (!(await academyExists(db, academyId))) throw new NotFoundException('No such academy.');
}
