import {
  DESTINATION_ANNIVERSARIES,
  type LeaverRow,
  type LeaversCohort,
  type LeaversCohortSummary,
} from '@encounters/domain';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { may } from '../common/access/policy';
import { ApiError } from '../common/api-error';
import { Clock } from './clock';
import { toCohortLeaver, toLeaverRow } from './destination-follow-up.mapper';
import {
  cohortLeavers,
  cohortsOf,
  enrolmentsOf,
  lockActualDestination,
  lockLeaver,
  recordActualDestination,
} from './destination-follow-up.queries';
import type {
  ActualDestinationsQueryDto,
  LeaverCohortsQueryDto,
  RecordActualDestinationDto,
} from './dto/actual-destination.dto';
import { anniversaryFigures } from './leavers-cohort';
import { assertAcademyReadable } from './neet-risk.service';

const NO_SUCH_LEARNER = 'No such learner.';

/**
 * R-DEST-4, R-DEST-5: what an academy's leavers were doing on 1 October of the three years after they left,
 * and the cohort's figures. Read by those who record destinations or read reports at the academy; written
 * by those who record destinations at the academy the learner left. Each write is audited.
 */
@Injectable()
export class ActualDestinationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The leavers of `leftIn` (the last academic year unless given) with their destinations and figures. */
  async cohort(query: ActualDestinationsQueryDto, actor: Actor): Promise<LeaversCohort> {
    const db = this.dataSource.manager;
    await assertAcademyReadable(db, actor.user, query.academyId, ['recordDestinations', 'readReports']);
    const currentYear = this.clock.academicYear();
    const leftIn = query.leftIn ?? currentYear - 1;
    const rows = await cohortLeavers(db, query.academyId, leftIn, currentYear);
    const today = this.clock.today();
    const leavers = rows.map(toCohortLeaver);
    return {
      academyId: query.academyId,
      leftIn,
      figures: DESTINATION_ANNIVERSARIES.map((anniversary) =>
        anniversaryFigures(leftIn, anniversary, leavers),
      ),
      items: rows.map((row) => toLeaverRow(row, today)),
    };
  }

  /** The years an academy's leavers left in, the latest first, with how many left each year. */
  async cohorts(query: LeaverCohortsQueryDto, actor: Actor): Promise<LeaversCohortSummary[]> {
    const db = this.dataSource.manager;
    await assertAcademyReadable(db, actor.user, query.academyId, ['recordDestinations', 'readReports']);
    const rows = await cohortsOf(db, query.academyId, this.clock.academicYear());
    return rows.map((row) => ({ leftIn: row.left_in, leavers: row.leavers }));
  }

  /**
   * Records what a leaver was doing at one anniversary (replacing what was recorded for it) and whether they
   * agreed to be followed up. 404 unless the user records destinations at the academy the learner left,
   * 422 for a learner who has not left.
   */
  async record(dto: RecordActualDestinationDto, actor: Actor): Promise<LeaverRow> {
    const currentYear = this.clock.academicYear();
    return this.dataSource.transaction(async (db) => {
      const enrolments = await enrolmentsOf(db, dto.learnerId);
      if (!enrolments.some((enrolment) => may(actor.user, 'recordDestinations', enrolment.academy_id)))
        throw new NotFoundException(NO_SUCH_LEARNER);
      const leaver = await lockLeaver(db, dto.learnerId, currentYear);
      if (!leaver) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'The learner has not left: actual destinations are recorded for leavers.',
          [{ field: 'learnerId', value: dto.learnerId, reason: 'not a leaver' }],
        );
      }
      if (!may(actor.user, 'recordDestinations', leaver.academy_id))
        throw new NotFoundException(NO_SUCH_LEARNER);
      const before = await lockActualDestination(db, dto.learnerId, dto.anniversary);
      const provider = dto.provider || null;
      await recordActualDestination(db, { ...dto, provider, recordedBy: actor.user.id });
      await this.audit.record(
        {
          userId: actor.user.id,
          action: 'actual_destination.record',
          entityType: 'learner',
          entityId: dto.learnerId,
          academyId: leaver.academy_id,
          details: {
            learnerIds: [dto.learnerId],
            leftIn: leaver.left_in,
            anniversary: dto.anniversary,
            category: dto.category,
            source: dto.source,
            consentToFollowUp: dto.consentToFollowUp,
            ...(before
              ? { before: { category: before.category, source: before.source } }
              : { created: true }),
          },
          ip: actor.ip,
        },
        db,
      );
      const after = await lockLeaver(db, dto.learnerId, currentYear);
      return toLeaverRow(after!, this.clock.today());
    });
  }
}
