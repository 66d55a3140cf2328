import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type AuthUser, seesGuidanceNotes, may } from '../common/access/policy';
import { GuidanceMeetingsService } from '../guidance-meetings/guidance-meetings.service';
import { LearnersService } from './learners.service';

/** Subject access and erasure (UK GDPR articles 15 and 17): everything held on a learner, or nothing. */
@Injectable()
export class LearnerDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly learners: LearnersService,
    private readonly guidanceMeetings: GuidanceMeetingsService,
    private readonly audit: AuditService,
  ) {}

  /** Everything held on the learner that the caller may see (careers leads of the academy and trust administrators see it all). */
  async export(learnerId: string, user: AuthUser, ip: string | null) {
    const detail = await this.learners.get(learnerId, user, { ip });
    const meetings = await this.guidanceMeetings.list({ learnerId, page: 1, pageSize: 1000 } as never, {
      user,
      ip,
    });
    const attendance: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.encounter_id AS "encounterId", a.status, a.meaningful_override AS "meaningfulOverride",
              a.reflection_rating AS "reflectionRating", a.reflection_comment AS "reflectionComment",
              a.hours::float8 AS hours, a.created_at AS "recordedAt"
         FROM attendance a WHERE a.learner_id = $1 ORDER BY a.created_at`,
      [learnerId],
    );
    // A guidance meeting logged as an encounter is with this learner alone: its notes are about them, and
    // restricted as guidance notes are.
    const guidanceEncounterNotes = (
      (await this.dataSource.query(
        `SELECT e.id AS "encounterId", e.academy_id AS "academyId", to_char(e.date, 'YYYY-MM-DD') AS date, e.notes
           FROM attendance a JOIN encounter e ON e.id = a.encounter_id AND e.deleted_at IS NULL
          WHERE a.learner_id = $1 AND e.format = 'guidance_meeting' AND e.notes IS NOT NULL
          ORDER BY e.date, e.id`,
        [learnerId],
      )) as { encounterId: string; academyId: string; date: string; notes: string }[]
    ).filter((row) => seesGuidanceNotes(user, [row.academyId]));
    // Another academy's roster file asked to enrol the learner: while pending, the request keeps its row.
    const moveRequests: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, academic_year AS "academicYear", to_academy_id AS "toAcademyId",
              from_academy_id AS "fromAcademyId", status, row AS "fileRow", requested_at AS "requestedAt",
              decided_at AS "decidedAt"
         FROM roster_move_request WHERE learner_id = $1 ORDER BY requested_at`,
      [learnerId],
    );
    const progress: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT * FROM learner_progress WHERE learner_id = $1 ORDER BY academic_year',
      [learnerId],
    );
    await this.audit.record({
      userId: user.id,
      action: 'learner.export',
      entityType: 'learner',
      entityId: learnerId,
      details: {
        purpose: 'subject access',
        guidanceNotesIncluded:
          meetings.items.some((m) => m.summary !== undefined) || guidanceEncounterNotes.length > 0,
      },
      ip,
    });
    return {
      exportedAt: new Date().toISOString(),
      learner: detail.learner,
      enrolments: detail.enrolments,
      encounters: detail.timeline.filter((entry) => entry.kind === 'encounter'),
      attendance,
      guidanceMeetings: meetings.items,
      guidanceEncounterNotes,
      moveRequests,
      partTimeJobs: detail.partTimeJobs,
      // R-DEST-1..4: intended destinations with their dated statuses, the NEET-risk mark (for those who may
      // see it), the leaver's activity at each anniversary and their consent to be followed up.
      destinations: detail.destinations,
      ruleStatuses: { academicYear: detail.academicYear, asAt: detail.asAt, statuses: detail.ruleDetails },
      coverageBookkeeping: progress,
    };
  }

  /**
   * Erases the learner: their record, enrolments, group places, attendance and guidance meetings go. Each
   * encounter they attended keeps one more anonymous attendee, so head counts and reach stay true.
   */
  async erase(learnerId: string, user: AuthUser, ip: string | null): Promise<void> {
    if (!may(user, 'administerTrust')) throw new NotFoundException('No such learner.');
    await this.dataSource.transaction(async (manager) => {
      const [learner] = await manager.query('SELECT id FROM learner WHERE id = $1 FOR UPDATE', [learnerId]);
      if (!learner) throw new NotFoundException('No such learner.');
      const counted: { encounters: number }[] = await manager.query(
        `WITH attended AS (
           UPDATE encounter e SET anonymous_attended = e.anonymous_attended + 1
             FROM attendance a WHERE a.encounter_id = e.id AND a.learner_id = $1 AND a.status = 'attended'
           RETURNING e.id)
         SELECT count(*)::int AS encounters FROM attended`,
        [learnerId],
      );
      const [{ meetings }] = await manager.query(
        'SELECT count(*)::int AS meetings FROM guidance_meeting WHERE learner_id = $1',
        [learnerId],
      );
      // Cascades to enrolments, group places, attendance, guidance meetings and coverage bookkeeping.
      await manager.query('DELETE FROM learner WHERE id = $1', [learnerId]);
      await this.audit.record(
        {
          userId: user.id,
          action: 'learner.erase',
          entityType: 'learner',
          entityId: learnerId,
          details: { encountersAttended: counted[0].encounters, guidanceMeetings: meetings },
          ip,
        },
        manager,
      );
    });
  }
}
