import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessScope, type AuthUser, seesAcademy, may } from '../common/access/policy';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import type { MarkLeaversDto } from './dto/mark-leavers.dto';

/**
 * Marks as leavers the learners an academy's new file no longer lists: their latest enrolment at the academy
 * (in the year of the file or before) gets the leaving date, so that they drop out of current coverage
 * (R-G-4) and keep their history. Nothing is deleted.
 */
@Injectable()
export class LeaversService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly progress: LearnerProgressService,
  ) {}

  async mark(
    user: AuthUser,
    academyId: string,
    dto: MarkLeaversDto,
    ip: string | null,
  ): Promise<{ marked: number }> {
    const [academy] = await this.dataSource.query('SELECT id FROM academy WHERE id = $1', [academyId]);
    if (!academy || !seesAcademy(accessScope(user), academyId))
      throw new NotFoundException('No such academy.');
    if (!may(user, 'importRoster', academyId)) {
      throw new ForbiddenException(
        "Only the academy's careers lead or a trust administrator may mark leavers.",
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // Locked, then the latest per learner is kept (PostgreSQL cannot lock a DISTINCT ON).
      const held: { id: string; learner_id: string; academic_year: number; admission_date: string | null }[] =
        await manager.query(
          `SELECT e.id, e.learner_id, e.academic_year, e.admission_date::text AS admission_date
             FROM enrolment e
            WHERE e.academy_id = $1 AND e.learner_id = ANY($2::uuid[]) AND e.academic_year <= $3
            ORDER BY e.learner_id, e.academic_year DESC
            FOR UPDATE`,
          [academyId, dto.learnerIds, dto.academicYear],
        );
      const latest = new Map<string, (typeof held)[number]>();
      for (const enrolment of held)
        if (!latest.has(enrolment.learner_id)) latest.set(enrolment.learner_id, enrolment);
      const enrolments = [...latest.values()];
      const found = new Set(enrolments.map((enrolment) => enrolment.learner_id));
      const unknown = dto.learnerIds.filter((id) => !found.has(id));
      if (unknown.length) {
        throw new BadRequestException({
          message: `learnerIds: ${unknown.length} of them are not learners of this academy.`,
          details: unknown.map((id) => ({
            field: 'learnerIds',
            value: id,
            reason: 'not a learner of this academy',
          })),
        });
      }
      const early = enrolments.filter(
        (enrolment) => enrolment.admission_date && enrolment.admission_date > dto.leavingDate,
      );
      if (early.length) {
        throw new BadRequestException({
          message: 'leavingDate is before the admission date of some of these learners.',
          details: early.map((enrolment) => ({
            field: 'leavingDate',
            value: dto.leavingDate,
            reason: `before the admission date ${enrolment.admission_date} of learner ${enrolment.learner_id}`,
          })),
        });
      }
      await manager.query(
        `UPDATE enrolment SET leaving_date = $2, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [enrolments.map((enrolment) => enrolment.id), dto.leavingDate],
      );
      await this.progress.learnersChanged(manager, dto.learnerIds);
      await this.audit.record(
        {
          userId: user.id,
          action: 'roster.mark_leavers',
          entityType: 'academy',
          entityId: academyId,
          academyId,
          details: {
            academicYear: dto.academicYear,
            leavingDate: dto.leavingDate,
            learners: dto.learnerIds.length,
          },
          ip,
        },
        manager,
      );
      return { marked: enrolments.length };
    });
  }
}
