import { academicYearOf, addDays, pseudonymiseOn } from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from './clock';
import {
  leaversToPseudonymise,
  pseudonymise,
  tryRetentionLock,
  upnsTaken,
} from './destination-follow-up.queries';
import { leftOn } from './leavers-cohort';
import { pseudonymousUpn } from './pseudonymous-upn';

export interface RetentionOutcome {
  /** False when another run held the lock: this one did nothing. */
  ran: boolean;
  pseudonymised: number;
}

/**
 * Leavers' personal data is kept three years past leaving; before `pseudonymiseOn(leftOn)` by this many days
 * at most (three years are 1,095 or 1,096 days), so the scan keeps every leaver who may be due.
 */
const THREE_YEARS_AT_LEAST = 1094;

/**
 * R-DEST-4: pseudonymises every leaver whose `pseudonymiseOn(leftOn)` has come, in one transaction, so that
 * a failure leaves nobody half done. One run at a time across every process: a run that finds the lock held
 * does nothing (the other run does the work). Idempotent: a second run finds nobody due.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<RetentionOutcome> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (db) => {
      if (!(await tryRetentionLock(db))) return { ran: false, pseudonymised: 0 };
      const candidates = await leaversToPseudonymise(
        db,
        addDays(today, -THREE_YEARS_AT_LEAST),
        academicYearOf(today),
      );
      const due = candidates
        .filter((leaver) => pseudonymiseOn(leftOn(leaver.left_in, leaver.leaving_date)) <= today)
        .map((leaver) => leaver.learner_id);
      if (!due.length) return { ran: true, pseudonymised: 0 };
      await pseudonymise(db, await this.codesFor(db, due));
      await this.audit.record(
        {
          userId: null,
          action: 'retention.pseudonymise',
          entityType: 'learner',
          // A count, never who: the entry outlives the names.
          details: { pseudonymised: due.length, asAt: today },
        },
        db,
      );
      return { ran: true, pseudonymised: due.length };
    });
  }

  /** A pseudonymous code for each learner, none held by another learner or given twice. */
  private async codesFor(db: EntityManager, learnerIds: string[]) {
    const codes = new Map(learnerIds.map((id) => [id, pseudonymousUpn(id)]));
    for (let attempt = 1; ; attempt += 1) {
      const taken = await upnsTaken(db, [...codes.values()]);
      const seen = new Set<string>();
      const clashing = [...codes].filter(([, code]) => {
        const clash = taken.has(code) || seen.has(code);
        seen.add(code);
        return clash;
      });
      if (!clashing.length) break;
      for (const [id] of clashing) codes.set(id, pseudonymousUpn(id, attempt));
    }
    return [...codes].map(([learnerId, code]) => ({ learnerId, code }));
  }
}
