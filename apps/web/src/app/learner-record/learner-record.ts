import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AcademicYear,
  ENCOUNTER_CATEGORY_NOUNS,
  EncounterCategory,
  formatBritishDate,
  LearnerRuleDetail,
  NotCountingReason,
  notCountingText,
  RULE_CODE_LABELS,
  RULE_IDS,
  RULE_LABELS,
  RuleId,
  TimelineEntry,
  holdsAbility,
} from '@encounters/domain';

import { httpErrorText } from '../core/http-error-text';
import { LearnersApi } from '../core/learners-api';
import { ReportsApi } from '../core/reports-api';
import { Session } from '../core/session';
import { AcademicYearPicker } from '../ui/academic-year-picker';
import { academicYearParam } from '../ui/coverage-query-params';
import { StatusChip } from '../ui/status-chip';
import { GuidanceMeetingDialog, GuidanceMeetingDialogData } from './guidance-meeting-dialog';
import { DestinationsCard } from './destinations-card';
import { PartTimeJobsCard } from './part-time-jobs-card';
import { WorkExperienceCard } from './work-experience-card';
import { WORDS } from '../ui/words';

interface RuleLine {
  rule: RuleId;
  detail: LearnerRuleDetail;
  /** The timeline entries that count towards the rule, described for people. */
  evidence: string[];
  /** Entries that could have counted towards the rule but do not, each with why and what would make it count. */
  notCounting: { item: string; why: string }[];
}

/** The rules a reason stands between an item and: where the rule's card repeats it. */
function rulesBlockedBy(reason: NotCountingReason): readonly RuleId[] {
  switch (reason.code) {
    case 'checklist_incomplete':
      return reason.benchmark === 'B5'
        ? ['O2', 'B5']
        : reason.benchmark === 'B6'
          ? ['O2', 'B6_16', 'B6_18']
          : ['O2', 'B7_16', 'B7_18'];
    case 'not_meaningful_for_learner':
      return ['O2', 'B5', 'B6_16', 'B6_18', 'B7_16', 'B7_18'];
    case 'adviser_below_level_6':
      return ['O2', 'B8_16', 'B8_18'];
    case 'virtual_visit':
      return reason.category === 'he_visit' ? ['B7_18'] : ['O2', 'B6_16', 'B6_18'];
    default:
      // Absent, later than the as-at date, outside the dates: said on the timeline, not on every rule.
      return [];
  }
}

/** Everything about one learner: who they are, where they have been enrolled, what they did, what is left. */
@Component({
  selector: 'enc-learner-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AcademicYearPicker,
    MatButtonModule,
    MatProgressBarModule,
    PartTimeJobsCard,
    RouterLink,
    StatusChip,
    WorkExperienceCard,
    DestinationsCard,
  ],
  templateUrl: './learner-record.html',
  styleUrl: './learner-record.scss',
})
export class LearnerRecord {
  /** From the route, `/learners/:learnerId`. */
  readonly learnerId = input.required<string>();
  /** Query parameter: the academic year whose rule statuses to show. */
  readonly year = input<string>();

  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly learners = inject(LearnersApi);
  private readonly reports = inject(ReportsApi);
  private readonly dialog = inject(MatDialog);

  protected readonly words = WORDS;

  protected readonly academicYear = computed(() => academicYearParam(this.year()));
  protected readonly canRecordGuidance = computed(() => holdsAbility(this.session.roles(), 'recordGuidance'));
  protected readonly canEditJobs = computed(() => holdsAbility(this.session.roles(), 'editLearnerRecord'));

  protected readonly recordResource = rxResource({
    params: () => ({ id: this.learnerId(), academicYear: this.academicYear() }),
    stream: ({ params }) => this.learners.detail(params.id, { academicYear: params.academicYear }),
  });
  protected readonly error = computed(() =>
    this.recordResource.error()
      ? httpErrorText(this.recordResource.error(), 'This learner was not found, or is not one you can see.')
      : null,
  );
  protected readonly learner = computed(() =>
    this.recordResource.hasValue() ? this.recordResource.value() : null,
  );
  /** The enrolment of the year on show, or the latest one. */
  protected readonly enrolment = computed(() => {
    const record = this.learner();
    if (!record) return null;
    return (
      record.enrolments.find((enrolment) => enrolment.academicYear === record.academicYear) ??
      record.enrolments[0] ??
      null
    );
  });
  protected readonly timeline = computed<TimelineEntry[]>(() =>
    [...(this.learner()?.timeline ?? [])].sort((a, b) => b.date.localeCompare(a.date)),
  );
  private readonly describedEvidence = computed(() => {
    const descriptions = new Map<string, string>();
    for (const entry of this.timeline()) {
      if (entry.kind === 'encounter') {
        descriptions.set(entry.encounterId, `${entry.title}, ${formatBritishDate(entry.date)}`);
      } else {
        descriptions.set(
          entry.guidanceMeetingId,
          `Guidance meeting with ${entry.adviserName}, ${formatBritishDate(entry.date)}`,
        );
      }
    }
    return descriptions;
  });
  protected readonly rules = computed<RuleLine[]>(() => {
    const record = this.learner();
    if (!record) return [];
    const descriptions = this.describedEvidence();
    const blocked = new Map<RuleId, { item: string; why: string }[]>();
    for (const entry of this.timeline()) {
      const id = entry.kind === 'encounter' ? entry.encounterId : entry.guidanceMeetingId;
      for (const reason of entry.counting?.reasons ?? []) {
        for (const rule of rulesBlockedBy(reason)) {
          if (entry.counting.rules.includes(rule)) continue;
          const lines = blocked.get(rule) ?? [];
          lines.push({ item: descriptions.get(id) ?? '', why: notCountingText(reason) });
          blocked.set(rule, lines);
        }
      }
    }
    return RULE_IDS.map((rule) => {
      const detail: LearnerRuleDetail = record.ruleDetails?.[rule] ?? {
        status: record.ruleStatuses[rule],
        window: null,
        evidence: [],
        stillNeeded: null,
      };
      return {
        rule,
        detail,
        evidence: detail.evidence.map(
          (id) => descriptions.get(id) ?? 'An encounter recorded at another academy',
        ),
        notCounting: detail.status === 'met' ? [] : (blocked.get(rule) ?? []),
      };
    });
  });
  protected readonly applicableRules = computed(() =>
    this.rules().filter((line) => line.detail.status !== 'not_applicable'),
  );
  protected readonly otherRules = computed(() =>
    this.rules()
      .filter((line) => line.detail.status === 'not_applicable')
      .map((line) => RULE_LABELS[line.rule]),
  );
  protected readonly pdfUrl = computed(() =>
    this.reports.learnerRecordUrl(this.learnerId(), this.academicYear()),
  );

  /** The rules an entry counts towards, by their short codes. */
  protected countsText(entry: TimelineEntry): string {
    return entry.counting.rules.map((rule) => RULE_CODE_LABELS[rule]).join(', ');
  }

  protected readonly reasonText = notCountingText;

  protected categoryText(categories: readonly EncounterCategory[]): string {
    return categories.map((category) => ENCOUNTER_CATEGORY_NOUNS[category].one).join(', ');
  }

  protected organisationNames(entry: TimelineEntry): string {
    return entry.kind === 'encounter'
      ? entry.organisations.map((organisation) => organisation.name).join(', ')
      : '';
  }

  protected setYear(year: AcademicYear): void {
    void this.router.navigate([], { queryParams: { year }, queryParamsHandling: 'merge' });
  }

  protected print(): void {
    window.print();
  }

  protected recordGuidanceMeeting(): void {
    const record = this.learner();
    if (!record) return;
    const user = this.session.user();
    const data: GuidanceMeetingDialogData = {
      learnerId: record.learner.id,
      learnerName: record.learner.name,
      adviserName: this.session.roles().includes('careers_adviser') ? (user?.name ?? '') : '',
    };
    this.dialog
      .open<GuidanceMeetingDialog, GuidanceMeetingDialogData>(GuidanceMeetingDialog, {
        data,
        width: '40rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.recordResource.reload();
      });
  }
}
