import {
  academicYearOf,
  type RuleId,
  type RuleStatuses,
  type TimelineEncounterEntry,
  type TimelineGuidanceMeetingEntry,
  todayIsoDate,
} from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/access/policy';
import { LearnersService } from '../learners/learners.service';
import { learnerRecordPdf } from './pdf/learner-record-pdf';
import { renderPdf } from './pdf/pdf-renderer';
import { slug } from './report-scope';

export interface LearnerRecordEncounter {
  date: string;
  title: string;
  format: string;
  organisations: string[];
  status: 'attended' | 'absent' | 'withdrawn';
  reflectionRating: number | null;
  reflectionComment: string | null;
}

export interface LearnerRecordMeeting {
  date: string;
  adviserName: string;
  adviserLevel: number;
  mode: string;
  /** Only for those who may read guidance notes; null otherwise. */
  summary: string | null;
  agreedActions: string | null;
  followUpOn: string | null;
}

export interface LearnerRecordData {
  /** The academy of the enrolment in the year, for the audit trail. */
  academyId: string | null;
  learner: { name: string; upn: string; dateOfBirth: string | null };
  enrolment: { academyName: string; yearGroup: number; group: string | null } | null;
  academicYear: number;
  asAt: string;
  statuses: RuleStatuses | null;
  /** What the learner still lacks, per rule not yet met. */
  stillNeeded: Partial<Record<RuleId, string>>;
  encounters: LearnerRecordEncounter[];
  meetings: LearnerRecordMeeting[];
  /** Whether the reader sees meeting summaries and agreed actions. */
  notesShown: boolean;
}

/** The learner's careers record: the learner page's own answer (scope, restricted notes and all), as a PDF. */
@Injectable()
export class LearnerRecordService {
  constructor(private readonly learners: LearnersService) {}

  /** The learner's careers record as a PDF; 404 for a learner the user may not see. */
  async pdf(
    learnerId: string,
    user: AuthUser,
    options: { academicYear?: number; asAt?: string; ip?: string | null },
  ): Promise<{ pdf: Buffer; fileName: string; academyId: string | null }> {
    const data = await this.data(learnerId, user, options);
    const pdf = await renderPdf(learnerRecordPdf(data, new Date()));
    return {
      pdf,
      fileName: `careers-record-${slug(data.learner.name)}-${data.asAt}.pdf`,
      academyId: data.academyId,
    };
  }

  async data(
    learnerId: string,
    user: AuthUser,
    options: { academicYear?: number; asAt?: string; ip?: string | null },
  ): Promise<LearnerRecordData> {
    const asAt = options.asAt ?? todayIsoDate();
    const academicYear = options.academicYear ?? academicYearOf(asAt);
    // Refuses a learner the user may not see with 404, and leaves out the notes they may not read.
    const detail = await this.learners.get(learnerId, user, { academicYear, asAt, ip: options.ip ?? null });
    const enrolment = detail.enrolments.find((candidate) => candidate.academicYear === academicYear) ?? null;
    const encounters = detail.timeline.filter(
      (entry): entry is TimelineEncounterEntry => entry.kind === 'encounter',
    );
    const meetings = detail.timeline.filter(
      (entry): entry is TimelineGuidanceMeetingEntry => entry.kind === 'guidance_meeting',
    );
    const stillNeeded: Partial<Record<RuleId, string>> = {};
    for (const [rule, ruleDetail] of Object.entries(detail.ruleDetails ?? {})) {
      if (ruleDetail.stillNeeded) stillNeeded[rule as RuleId] = ruleDetail.stillNeeded;
    }
    return {
      academyId: enrolment?.academyId ?? null,
      learner: {
        name: detail.learner.name,
        upn: detail.learner.upn,
        dateOfBirth: detail.learner.dateOfBirth,
      },
      enrolment: enrolment
        ? {
            academyName: enrolment.academyName,
            yearGroup: enrolment.yearGroup,
            group: enrolment.group?.name ?? null,
          }
        : null,
      academicYear,
      asAt,
      statuses: enrolment ? detail.ruleStatuses : null,
      stillNeeded,
      encounters: encounters.map((entry) => ({
        date: entry.date,
        title: entry.title,
        format: entry.format,
        organisations: entry.organisations.map((organisation) => organisation.name),
        status: entry.status,
        reflectionRating: entry.reflection?.rating ?? null,
        reflectionComment: entry.reflection?.comment || null,
      })),
      meetings: meetings.map((entry) => ({
        date: entry.date,
        adviserName: entry.adviserName,
        adviserLevel: entry.adviserLevel,
        mode: entry.mode,
        summary: entry.summary ?? null,
        agreedActions: entry.agreedActions ?? null,
        followUpOn: entry.followUpOn,
      })),
      notesShown: meetings.some((entry) => entry.summary !== undefined),
    };
  }
}
