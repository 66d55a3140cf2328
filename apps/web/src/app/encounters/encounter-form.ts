import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  OnInit,
  output,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import {
  academicYearLabel,
  academicYearOf,
  allowedChecklistItems,
  AttendancePutItem,
  AttendanceReflection,
  CORE_CHECKLIST_ITEMS,
  CreateEncounterRequest,
  DELIVERY_MODES,
  DeliveryMode,
  deriveEncounterCategories,
  ENCOUNTER_CATEGORY_NOUNS,
  ENCOUNTER_FORMATS,
  EncounterFormat,
  EncounterResponse,
  EncounterToCount,
  formatBritishDate,
  GroupResponse,
  isIsoDate,
  isMeaningfulFor,
  LearnerListItem,
  LearnerNames,
  MEANINGFUL_CHECKLIST_ITEMS,
  meaningfulBenchmarkFor,
  MeaningfulBenchmark,
  MeaningfulChecklistItem,
  missingChecklistItems,
  todayIsoDate,
  UpdateEncounterRequest,
  whyEncounterWillNotCount,
  CHECKLIST_ITEM_LABELS,
  DELIVERY_MODE_LABELS,
  ENCOUNTER_FORMAT_LABELS,
} from '@encounters/domain';
import { catchError, firstValueFrom, map, of, startWith } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { apiErrorDetails, apiErrorMessage, plainReason } from '../core/api-error';
import { ErrorSummary, FormProblem } from '../ui/error-summary';
import { draftTime, FormDrafts } from '../ui/form-draft';
import { UnsavedChanges } from '../ui/unsaved-changes';
import { DuplicateEncounter, duplicateEncounterOf } from './duplicate-encounter';
import { confirmWillNotCount } from './will-not-count-dialog';
import { EncountersApi } from '../core/encounters-api';
import { OrganisationsApi, OrganisationView } from '../core/organisations-api';
import { Session } from '../core/session';
import { FORM_IMPORTS } from '../ui/form-kit';
import { matchPastedLearners, PastedMatch } from './match-pasted-learners';
import { attendanceCount, AttendeeList, byRegisterOrder, ChosenLearner } from './attendee-list';
import { OrganisationPicker } from './organisation-picker';
import { carriesHours, defaultHours, isPlanned, yearGroupsOf } from './work-experience-fields';

interface ChecklistGroup {
  heading: string;
  items: MeaningfulChecklistItem[];
}

/** What the browser keeps of an encounter being filled in, so that a reload or an expired session loses nothing. */
interface EncounterDraft {
  /** The encounter's own fields as the API names them; the dates as the date fields hold them. */
  form: Pick<
    CreateEncounterRequest,
    'academyId' | 'title' | 'format' | 'delivery' | 'duringSchoolDay' | 'durationMinutes'
  > & { date: string; endDate: string; days: number | null; adviserLevel: number | null };
  organisations: OrganisationView[];
  checklist: Partial<Record<MeaningfulChecklistItem, boolean>>;
  chosen: ChosenLearner[];
  yearGroupsAdded: number[];
  groupsAdded: string[];
  /** The learners each year group and class brought (`year:10`, `group:<id>`), to take them off again. */
  additions?: Record<string, string[]>;
  /** R-V-1 and R-PAL-4 (the 2025 revision); absent in drafts kept before it. */
  curriculumLinked?: boolean;
  offeredTo?: number[] | null;
  learnersAdded: string[];
}

/** What each field's error says in the error summary; its keys are the form's controls that can be wrong. */
const FIELD_MESSAGES = {
  academyId: 'Choose the academy.',
  title: 'Give the encounter a title.',
  date: 'Enter the date of the encounter.',
  endDate: 'Enter an end date on or after the date.',
  format: 'Choose the format.',
  delivery: 'Choose how it was delivered.',
  durationMinutes: 'Enter how long it lasted, in minutes (1 to 20,160).',
  days: 'Enter a number of days from 1 to 60.',
  adviserLevel: "Choose the adviser's level.",
} as const satisfies Record<string, string>;
type ControlField = keyof typeof FIELD_MESSAGES;
const CONTROL_FIELDS = Object.keys(FIELD_MESSAGES) as ControlField[];

const FIELD_LABELS: Record<string, string> = {
  academyId: 'Academy',
  title: 'Title',
  date: 'Date',
  endDate: 'End date',
  format: 'Format',
  delivery: 'Delivery',
  duringSchoolDay: 'During the school day',
  durationMinutes: 'Duration',
  days: 'Days',
  adviserLevel: 'Adviser level',
  organisationIds: 'Organisations',
  meaningful: 'Checklist',
  attendees: 'Attendees',
  absentLearnerIds: 'Absentees',
};

function namesOf(learner: LearnerListItem): LearnerNames {
  const { legalSurname, legalForename, preferredSurname, preferredForename, name } = learner;
  return { legalSurname, legalForename, preferredSurname, preferredForename, name };
}

const BENCHMARK_NAMES: Record<MeaningfulBenchmark, string> = {
  B5: 'Benchmark 5 (employer encounter)',
  B6: 'Benchmark 6 (workplace experience)',
  B7: 'Benchmark 7 (education provider)',
};

function toChosen(learner: LearnerListItem): ChosenLearner {
  return {
    id: learner.id,
    upn: learner.upn,
    name: learner.name,
    names: namesOf(learner),
    yearGroup: learner.yearGroup,
    groupName: learner.group?.name ?? null,
    present: true,
  };
}

/**
 * The one form for logging an encounter and for changing it: what and when, the organisations, the
 * meaningful checklist that fits them, and who attended.
 */
@Component({
  selector: 'enc-encounter-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AttendeeList, ErrorSummary, FORM_IMPORTS, MatTabsModule, OrganisationPicker],
  templateUrl: './encounter-form.html',
  styleUrl: './encounter-form.scss',
})
export class EncounterForm implements OnInit {
  private readonly api = inject(EncountersApi);
  private readonly organisationsApi = inject(OrganisationsApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly drafts = inject(FormDrafts);

  /** The encounter to change; a new one is logged without it. */
  readonly encounter = input<EncounterResponse | null>(null);
  readonly saved = output<EncounterResponse>();

  /** The two fields chosen from a list: what kind of encounter, and how it was delivered. */
  protected readonly choices: readonly {
    control: 'format' | 'delivery';
    label: string;
    options: readonly string[];
    labels: Readonly<Record<string, string>>;
  }[] = [
    { control: 'format', label: 'Format', options: ENCOUNTER_FORMATS, labels: ENCOUNTER_FORMAT_LABELS },
    { control: 'delivery', label: 'Delivery', options: DELIVERY_MODES, labels: DELIVERY_MODE_LABELS },
  ];
  protected readonly checklistLabels = CHECKLIST_ITEM_LABELS;
  protected readonly adviserLevels = [2, 3, 4, 5, 6, 7, 8];
  protected readonly fieldLabels = FIELD_LABELS;

  protected readonly academies = toSignal(
    inject(ApiClient)
      .academies()
      .pipe(catchError(() => of(this.session.user()?.academies ?? []))),
    { initialValue: [] },
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    academyId: ['', Validators.required],
    title: ['', [Validators.required, Validators.maxLength(200)]],
    date: [todayIsoDate(), Validators.required],
    endDate: [''],
    format: ['talk' as EncounterFormat, Validators.required],
    delivery: ['in_person' as DeliveryMode, Validators.required],
    duringSchoolDay: [true],
    durationMinutes: [60, [Validators.required, Validators.min(1), Validators.max(20160)]],
    days: [null as number | null, [Validators.min(1), Validators.max(60)]],
    adviserLevel: [null as number | null],
  });

  protected readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );

  protected readonly organisations = signal<OrganisationView[]>([]);
  protected readonly checklist = signal<Partial<Record<MeaningfulChecklistItem, boolean>>>({});
  protected readonly chosen = signal<ChosenLearner[]>([]);
  /** How the list was built, sent as such so that the API expands year groups and classes itself. */
  private readonly yearGroupsAdded = signal<number[]>([]);
  private readonly groupsAdded = signal<string[]>([]);
  private readonly learnersAdded = signal<string[]>([]);
  /** The learners each year group and class brought (`year:10`, `group:<id>`): choosing it again takes them off. */
  private readonly additions = signal<Record<string, string[]>>({});
  protected readonly yearGroupsOnList = computed(() => new Set(this.yearGroupsAdded()));
  protected readonly groupsOnList = computed(() => new Set(this.groupsAdded()));
  /** What the last year group or class chosen did, said aloud: "Year 10 added: 125 learners." */
  protected readonly addedNote = signal('');

  protected readonly saving = signal(false);
  protected readonly loadingLearners = signal(false);
  protected readonly duplicate = signal<DuplicateEncounter | null>(null);
  /** What the error summaries list after a failed save. */
  protected readonly problems = signal<FormProblem[]>([]);
  /** The summary's lines: a likely duplicate first, then each problem. */
  protected readonly summaryLines = computed<FormProblem[]>(() => {
    const duplicate = this.duplicate();
    return duplicate ? [{ message: this.duplicateText(duplicate) }, ...this.problems()] : this.problems();
  });
  protected readonly sectionErrors = signal<{
    organisations?: string;
    checklist?: string;
    attendees?: string;
  }>({});
  protected readonly pasted = signal<PastedMatch | null>(null);

  protected readonly editing = computed(() => this.encounter() !== null);
  protected readonly academicYear = computed(() => {
    const date = this.value().date;
    return isIsoDate(date) ? academicYearOf(date) : academicYearOf(todayIsoDate());
  });
  protected readonly academicYearText = computed(() => academicYearLabel(this.academicYear()));
  protected readonly showDays = computed(() => this.value().format === 'work_experience');
  protected readonly showAdviserLevel = computed(() =>
    ['group_guidance', 'guidance_meeting'].includes(this.value().format),
  );

  protected readonly groups = rxResource({
    params: () => {
      const academyId = this.value().academyId;
      return academyId ? { academyId, academicYear: this.academicYear() } : undefined;
    },
    stream: ({ params }) => this.api.groups(params),
    defaultValue: [],
  });
  protected readonly yearGroups = computed(() => {
    const found = new Set(
      this.groups
        .value()
        .map((group) => group.yearGroup)
        .filter((year): year is number => year !== null),
    );
    return found.size ? [...found].sort((a, b) => a - b) : [7, 8, 9, 10, 11, 12, 13];
  });
  protected readonly registrationGroups = computed(() =>
    [...this.groups.value()].sort(
      (a, b) => (a.yearGroup ?? 99) - (b.yearGroup ?? 99) || a.name.localeCompare(b.name),
    ),
  );
  /** The classes by year group, a row of buttons each. */
  protected readonly classRows = computed(() => {
    const rows = new Map<
      number | null,
      { yearGroup: number | null; label: string; groups: GroupResponse[] }
    >();
    for (const group of this.registrationGroups()) {
      const row = rows.get(group.yearGroup) ?? {
        yearGroup: group.yearGroup,
        label: group.yearGroup === null ? 'Other classes' : `Year ${group.yearGroup}`,
        groups: [],
      };
      row.groups.push(group);
      rows.set(group.yearGroup, row);
    }
    return [...rows.values()];
  });
  protected readonly pastedText = signal('');

  /** What the encounter evidences, derived as the API will derive it (R-C-1..7). */
  protected readonly classification = computed(() => {
    const value = this.value();
    return deriveEncounterCategories({
      format: value.format,
      duringSchoolDay: value.duringSchoolDay,
      adviserLevel: value.adviserLevel,
      organisations: this.organisations(),
      attendedLearnerCount: this.presentCount() || undefined,
    });
  });
  protected readonly countsAs = computed(() =>
    this.classification().categories.map((category) => ENCOUNTER_CATEGORY_NOUNS[category].one),
  );
  private readonly allowedItems = computed(
    () => new Set(allowedChecklistItems(this.classification().categories, this.value().format)),
  );
  protected readonly checklistGroups = computed<ChecklistGroup[]>(() => {
    const allowed = this.allowedItems();
    const groups: ChecklistGroup[] = [{ heading: 'Every encounter', items: [...CORE_CHECKLIST_ITEMS] }];
    const workplace: MeaningfulChecklistItem[] = ['rangeOfPeople', 'taskSet', 'employerFeedback'];
    const provider: MeaningfulChecklistItem[] = [
      'providerInformation',
      'whatLearningIsLike',
      'metStaffAndLearners',
    ];
    if (workplace.some((item) => allowed.has(item))) {
      // R-WEX-1: an employer workshop, mentoring or challenge may record a task set, for its hours alone.
      const heading = this.classification().categories.includes('workplace_experience')
        ? 'Workplace experience (Benchmark 6)'
        : 'Work-experience hours';
      groups.push({ heading, items: workplace });
    }
    if (provider.some((item) => allowed.has(item))) {
      groups.push({ heading: 'Education provider (Benchmark 7)', items: provider });
    }
    return groups;
  });
  /** For each benchmark the encounter evidences: meaningful yet, or what is still to tick. */
  protected readonly meaningfulness = computed(() => {
    const benchmarks = new Set(
      this.classification()
        .categories.map(meaningfulBenchmarkFor)
        .filter((benchmark): benchmark is MeaningfulBenchmark => benchmark !== null),
    );
    const checklist = this.checklist();
    return [...benchmarks].sort().map((benchmark) => ({
      benchmark,
      name: BENCHMARK_NAMES[benchmark],
      met: isMeaningfulFor(benchmark, checklist),
      missing: missingChecklistItems(benchmark, checklist).length,
    }));
  });

  protected readonly presentCount = computed(() => this.chosen().filter((learner) => learner.present).length);
  protected readonly absentCount = computed(() => this.chosen().length - this.presentCount());
  protected readonly countText = computed(() => attendanceCount(this.presentCount(), this.absentCount()));

  // --- The 2025 revision: curriculum link, year groups offered to, hours per learner, planned (R-WEX, R-PAL-4) ---

  /** R-V-1: linked to the learners' curriculum (post-16 B5). */
  protected readonly curriculumLinked = signal(false);
  /** R-PAL-4: the year groups chosen by hand; null follows the year groups of the learners picked. */
  private readonly offeredToChosen = signal<number[] | null>(null);
  protected readonly offeredTo = computed(() => this.offeredToChosen() ?? yearGroupsOf(this.chosen()));
  protected readonly offerYearGroups = computed(() =>
    [...new Set([...this.yearGroups(), ...this.offeredTo()])].sort((a, b) => a - b),
  );
  /** R-WEX-1: whether attendances carry hours, so that each learner's can be changed. */
  protected readonly carriesHours = computed(() =>
    carriesHours(this.classification().categories, this.value().format, this.checklist().taskSet === true),
  );
  protected readonly defaultHours = computed(() =>
    defaultHours({
      durationMinutes: this.value().durationMinutes,
      days: this.showDays() ? this.value().days : null,
      academicYear: this.academicYear(),
    }),
  );
  /** R-WEX-5: dated after today, the encounter is planned: its learners' hours count once it has happened. */
  protected readonly planned = computed(() => isPlanned(this.value().date, todayIsoDate()));
  protected readonly hoursInvalid = signal<ReadonlySet<string>>(new Set());
  /** The encounter's days, bounding each learner's hours (24 a day); null for a single-day encounter. */
  protected readonly hoursDays = computed(() => (this.showDays() ? this.value().days : null));

  protected setOfferedTo(yearGroup: number, offered: boolean): void {
    const current = this.offeredTo();
    this.offeredToChosen.set(
      offered
        ? [...new Set([...current, yearGroup])].sort((a, b) => a - b)
        : current.filter((year) => year !== yearGroup),
    );
  }

  /** The draft's name in the browser's storage: one for a new encounter, one per encounter being changed. */
  private readonly draftName = computed(() => {
    const encounter = this.encounter();
    return encounter ? `encounter-${encounter.id}` : 'log-encounter';
  });
  /** Set once any draft has been restored: until then, nothing is written over it. */
  private readonly ready = signal(false);
  /** The state as saved (or as opened); null for a new encounter not yet saved. */
  private readonly baseline = signal<string | null>(null);
  /** When the draft restored on opening was kept ("14:05"); null when none was. */
  protected readonly restoredAt = signal<string | null>(null);
  /** What a change is measured on: the facts the user chose, not what the form fetched to show them. */
  private readonly snapshot = computed(() =>
    JSON.stringify({
      form: this.value(),
      organisations: this.organisations().map((organisation) => organisation.id),
      checklist: MEANINGFUL_CHECKLIST_ITEMS.filter((item) => this.checklist()[item] === true),
      chosen: this.chosen().map((learner) => [
        learner.id,
        learner.present,
        learner.notMeaningful === true,
        learner.reflection ?? null,
        learner.hours ?? null,
      ]),
      curriculumLinked: this.curriculumLinked(),
      offeredTo: this.offeredToChosen(),
    }),
  );
  /** Whether there is something to lose: for a new encounter, anything filled in; otherwise any change. */
  readonly hasChanges = computed(() => {
    const baseline = this.baseline();
    if (baseline !== null) return this.snapshot() !== baseline;
    if (this.encounter()) return false;
    return (
      this.value().title.trim() !== '' ||
      this.organisations().length > 0 ||
      this.chosen().length > 0 ||
      Object.values(this.checklist()).some(Boolean)
    );
  });

  constructor() {
    // Preselect the academy when there is only one to choose.
    effect(() => {
      this.academies();
      this.session.user();
      untracked(() => this.preselectAcademy());
    });
    effect(() => {
      const encounter = this.encounter();
      if (encounter) {
        untracked(() => {
          this.fill(encounter);
          this.baseline.set(this.snapshot());
          if (!this.ready()) this.restoreDraft();
          this.ready.set(true);
        });
      }
    });
    // The draft follows every change, and goes when there is nothing left to lose.
    effect(() => {
      if (!this.ready()) return;
      const name = this.draftName();
      const changed = this.hasChanges();
      const draft = changed ? this.draft() : null;
      untracked(() => (draft ? this.drafts.save(name, draft) : this.drafts.clear(name)));
    });
    inject(UnsavedChanges).watch(() => this.hasChanges());
  }

  ngOnInit(): void {
    // Inputs are set by now: a new encounter takes its draft back here, one being changed once it is filled.
    if (this.encounter()) return;
    this.restoreDraft();
    this.ready.set(true);
  }

  private preselectAcademy(): void {
    if (this.form.controls.academyId.value || this.encounter()) return;
    const academies = this.academies();
    const own = this.session.user()?.academies ?? [];
    const only = own.length === 1 ? own[0].id : academies.length === 1 ? academies[0].id : '';
    if (only) this.form.controls.academyId.setValue(only);
  }

  private draft(): EncounterDraft {
    return {
      form: this.form.getRawValue(),
      organisations: this.organisations(),
      checklist: this.checklist(),
      chosen: this.chosen(),
      yearGroupsAdded: this.yearGroupsAdded(),
      groupsAdded: this.groupsAdded(),
      additions: this.additions(),
      learnersAdded: this.learnersAdded(),
      curriculumLinked: this.curriculumLinked(),
      offeredTo: this.offeredToChosen(),
    };
  }

  /** Puts back the draft kept in this browser (after a reload or an expired session), and says so. */
  private restoreDraft(): void {
    const stored = this.drafts.load<EncounterDraft>(this.draftName());
    if (!stored) return;
    const draft = stored.value;
    this.form.patchValue(draft.form);
    this.organisations.set(draft.organisations ?? []);
    this.checklist.set(draft.checklist ?? {});
    this.chosen.set(draft.chosen ?? []);
    this.yearGroupsAdded.set(draft.yearGroupsAdded ?? []);
    this.groupsAdded.set(draft.groupsAdded ?? []);
    this.additions.set(draft.additions ?? {});
    this.learnersAdded.set(draft.learnersAdded ?? []);
    this.curriculumLinked.set(draft.curriculumLinked === true);
    this.offeredToChosen.set(draft.offeredTo ?? null);
    if (this.hasChanges()) this.restoredAt.set(draftTime(stored.savedAt));
    else this.drafts.clear(this.draftName());
  }

  /** "Discard": back to the encounter as saved, or to an empty form. */
  discardDraft(): void {
    this.drafts.clear(this.draftName());
    this.restoredAt.set(null);
    const encounter = this.encounter();
    if (encounter) {
      this.fill(encounter);
      return;
    }
    this.form.reset();
    this.organisations.set([]);
    this.checklist.set({});
    this.clearList();
    this.problems.set([]);
    this.sectionErrors.set({});
    this.preselectAcademy();
  }

  /** Called once saved: nothing left to lose, no draft to keep. */
  private markSaved(): void {
    this.baseline.set(this.snapshot());
    this.drafts.clear(this.draftName());
    this.restoredAt.set(null);
  }

  protected isAllowed(item: MeaningfulChecklistItem): boolean {
    return this.allowedItems().has(item);
  }

  protected toggleItem(item: MeaningfulChecklistItem, checked: boolean): void {
    this.checklist.update((list) => ({ ...list, [item]: checked }));
  }

  protected tickAllAllowed(): void {
    const allowed = this.allowedItems();
    this.checklist.update((list) => {
      const next = { ...list };
      for (const item of allowed) next[item] = true;
      return next;
    });
  }

  protected setOrganisations(organisations: OrganisationView[]): void {
    this.organisations.set(organisations);
    this.sectionErrors.update((errors) => ({ ...errors, organisations: undefined }));
  }

  /** A year group's button: adds its learners at once, or, on the list already, takes them off again. */
  protected async toggleYearGroup(yearGroup: number): Promise<void> {
    const academyId = this.form.controls.academyId.value;
    if (!academyId || this.loadingLearners()) return;
    const key = `year:${yearGroup}`;
    if (this.yearGroupsAdded().includes(yearGroup)) {
      const removed = this.removeAddition(key, (learner) => learner.yearGroup === yearGroup);
      this.yearGroupsAdded.update((years) => years.filter((year) => year !== yearGroup));
      this.addedNote.set(`Year ${yearGroup} taken off the list: ${learnersText(removed)}.`);
      return;
    }
    const learners = await this.loadLearners({ academyId, academicYear: this.academicYear(), yearGroup });
    if (learners) {
      this.yearGroupsAdded.update((years) => [...new Set([...years, yearGroup])]);
      const added = this.addChosen(learners, key);
      this.addedNote.set(`Year ${yearGroup} added: ${learnersText(added)}.`);
    }
  }

  /** A class's button: adds its learners at once, or, on the list already, takes them off again. */
  protected async toggleGroup(groupId: string): Promise<void> {
    const academyId = this.form.controls.academyId.value;
    if (!academyId || this.loadingLearners()) return;
    const key = `group:${groupId}`;
    const name = this.groups.value().find((group) => group.id === groupId)?.name ?? 'The class';
    if (this.groupsAdded().includes(groupId)) {
      const removed = this.removeAddition(key, (learner) => learner.groupName === name);
      this.groupsAdded.update((groups) => groups.filter((group) => group !== groupId));
      this.addedNote.set(`${name} taken off the list: ${learnersText(removed)}.`);
      return;
    }
    const learners = await this.loadLearners({ academyId, academicYear: this.academicYear(), groupId });
    if (learners) {
      this.groupsAdded.update((groups) => [...new Set([...groups, groupId])]);
      const added = this.addChosen(learners, key);
      this.addedNote.set(`${name} added: ${learnersText(added)}.`);
    }
  }

  /**
   * Takes off the learners a year group or class brought, but not those another one (or a pasted list, or the
   * encounter as held) also brought. A draft kept before the additions were recorded falls back on `belongs`.
   * Answers how many were taken off.
   */
  private removeAddition(key: string, belongs: (learner: ChosenLearner) => boolean): number {
    const { [key]: brought, ...others } = this.additions();
    const kept = new Set([...Object.values(others).flat(), ...this.learnersAdded()]);
    const ids = brought ? new Set(brought) : null;
    const before = this.chosen().length;
    this.chosen.update((list) =>
      list.filter(
        (learner) =>
          learner.heldStatus !== undefined ||
          kept.has(learner.id) ||
          !(ids ? ids.has(learner.id) : belongs(learner)),
      ),
    );
    this.additions.set(others);
    return before - this.chosen().length;
  }

  protected async findPasted(): Promise<void> {
    const academyId = this.form.controls.academyId.value;
    if (!this.pastedText().trim() || !academyId) return;
    const roll = await this.loadLearners({ academyId, academicYear: this.academicYear() });
    if (!roll) return;
    const match = matchPastedLearners(this.pastedText(), roll);
    this.pasted.set(match);
    this.learnersAdded.update((ids) => [...new Set([...ids, ...match.found.map((learner) => learner.id)])]);
    this.addChosen(match.found);
    if (!match.notFound.length && !match.ambiguous.length) this.pastedText.set('');
  }

  protected clearList(): void {
    this.chosen.set(this.encounter() ? this.chosen().filter((learner) => learner.heldStatus) : []);
    this.yearGroupsAdded.set([]);
    this.groupsAdded.set([]);
    this.learnersAdded.set([]);
    this.additions.set({});
    this.addedNote.set('');
    this.pasted.set(null);
  }

  protected openExisting(): void {
    const duplicate = this.duplicate();
    if (!duplicate) return;
    // Opening the one already logged abandons this one: no draft to keep, nothing to ask.
    this.discardDraft();
    void this.router.navigate(['/encounters', duplicate.id]);
  }

  /** "It's a different event": saves again, telling the API this is not the encounter it matched. */
  protected async saveAsDistinct(): Promise<void> {
    await this.submit(true);
  }

  protected async submit(confirmDistinct = false): Promise<void> {
    if (this.saving()) return;
    this.duplicate.set(null);
    this.problems.set([]);
    const sections: { organisations?: string; attendees?: string } = {};
    if (!this.organisations().length) sections.organisations = 'Add at least one organisation.';
    if (!this.editing() && !this.presentCount()) {
      sections.attendees = 'Add the learners who attended: a year group, a class or a pasted list.';
    }
    if (this.hoursInvalid().size) {
      sections.attendees = 'Correct the hours marked: from 0 to 24 for each day of the encounter.';
    }
    this.sectionErrors.set(sections);
    if (this.form.invalid || sections.organisations || sections.attendees) {
      this.form.markAllAsTouched();
      this.problems.set(this.collectProblems());
      return;
    }
    if (!confirmDistinct && !(await this.confirmIfNotCounting())) return;
    this.saving.set(true);
    try {
      const encounter = this.encounter();
      const body: CreateEncounterRequest = confirmDistinct
        ? { ...this.body(), confirmDistinct: true }
        : this.body();
      const saved = encounter
        ? await this.update(encounter, confirmDistinct)
        : await firstValueFrom(this.api.create(body));
      this.markSaved();
      this.saved.emit(saved);
    } catch (error) {
      await this.showError(error);
    } finally {
      this.saving.set(false);
    }
  }

  /**
   * Before saving an encounter that will not count (or an edit that makes it count for less than before): why,
   * and what would make it count. True to go ahead.
   */
  private async confirmIfNotCounting(): Promise<boolean> {
    const reasons = this.notCounting();
    const held = this.encounter();
    if (held) {
      const before = new Set(whyEncounterWillNotCount(this.factsOf(held)).map((reason) => reason.why));
      if (reasons.every((reason) => before.has(reason.why))) return true;
    }
    if (!reasons.length) return true;
    return confirmWillNotCount(this.dialog, {
      reasons,
      saveLabel: this.editing() ? 'Save changes' : 'Save encounter',
    });
  }

  /** Why the encounter as filled in will not count, under the domain's rules (R-C, R-M-2, R-D). */
  protected readonly notCounting = computed(() => {
    const value = this.value();
    if (!isIsoDate(value.date)) return [];
    return whyEncounterWillNotCount({
      format: value.format,
      delivery: value.delivery,
      duringSchoolDay: value.duringSchoolDay,
      adviserLevel: this.showAdviserLevel() ? value.adviserLevel : null,
      organisations: this.organisations(),
      attendedLearnerCount: this.presentCount() || undefined,
      date: value.date,
      meaningful: this.checklist(),
    });
  });

  private factsOf(encounter: EncounterResponse): EncounterToCount {
    return {
      format: encounter.format,
      delivery: encounter.delivery,
      duringSchoolDay: encounter.duringSchoolDay,
      adviserLevel: encounter.adviserLevel,
      organisations: this.organisations(),
      attendedLearnerCount: encounter.attendedCount || undefined,
      date: encounter.date,
      meaningful: encounter.meaningful,
    };
  }

  /** The error summary's lines: each field and section in error, linked to it, in the order of the form. */
  private collectProblems(): FormProblem[] {
    const problems: FormProblem[] = [];
    for (const field of CONTROL_FIELDS) {
      const control = this.form.controls[field];
      if (control.disabled || !control.errors) continue;
      problems.push({ message: this.fieldMessage(field), targetId: `encounter-${field}` });
    }
    const sections = this.sectionErrors();
    if (sections.organisations) {
      problems.push({ message: sections.organisations, targetId: 'encounter-organisations' });
    }
    if (sections.checklist) problems.push({ message: sections.checklist, targetId: 'encounter-checklist' });
    if (sections.attendees) problems.push({ message: sections.attendees, targetId: 'encounter-attendees' });
    return problems;
  }

  private fieldMessage(field: ControlField): string {
    const errors = this.form.controls[field].errors ?? {};
    if (errors['api']) return `${FIELD_LABELS[field]}: ${String(errors['api'])}`;
    if (errors['maxlength']) return `${FIELD_LABELS[field]} must be 200 characters or fewer.`;
    return FIELD_MESSAGES[field];
  }

  private body(): CreateEncounterRequest {
    const value = this.form.getRawValue();
    const allowed = this.allowedItems();
    const checklist = this.checklist();
    const meaningful = Object.fromEntries(
      MEANINGFUL_CHECKLIST_ITEMS.filter((item) => allowed.has(item)).map((item) => [
        item,
        checklist[item] === true,
      ]),
    ) as unknown as CreateEncounterRequest['meaningful'];
    const body: CreateEncounterRequest = {
      academyId: value.academyId,
      title: value.title.trim(),
      date: value.date,
      format: value.format,
      delivery: value.delivery,
      duringSchoolDay: value.duringSchoolDay,
      durationMinutes: Number(value.durationMinutes),
      organisationIds: this.organisations().map((organisation) => organisation.id),
      meaningful,
      attendees: {},
    };
    if (value.endDate) body.endDate = value.endDate;
    if (this.showDays() && value.days) body.days = Number(value.days);
    if (this.showAdviserLevel() && value.adviserLevel) body.adviserLevel = Number(value.adviserLevel);
    if (this.yearGroupsAdded().length) body.attendees.yearGroups = this.yearGroupsAdded();
    if (this.groupsAdded().length) body.attendees.groupIds = this.groupsAdded();
    if (this.learnersAdded().length) body.attendees.learnerIds = this.learnersAdded();
    const absent = this.chosen()
      .filter((learner) => !learner.present)
      .map((learner) => learner.id);
    if (absent.length) body.absentLearnerIds = absent;
    // The 2025 revision's fields: the year groups offered to (R-PAL-4), and the curriculum link (R-V-1).
    if (this.offeredTo().length) body.offeredTo = this.offeredTo();
    body.curriculumLinked = this.curriculumLinked();
    return body;
  }

  /**
   * One PATCH: the encounter's facts, and the attendance list when it changed (`replaceAttendance`), so
   * that the API writes both in one transaction and recomputes each learner's coverage once.
   */
  private async update(encounter: EncounterResponse, confirmDistinct = false): Promise<EncounterResponse> {
    const { attendees: _attendees, absentLearnerIds: _absent, academyId: _academy, ...fields } = this.body();
    const held = new Map(encounter.attendance.map((item) => [item.learnerId, item]));
    const items: AttendancePutItem[] = this.chosen().map((learner) => {
      const before = held.get(learner.id);
      const status = learner.present
        ? 'attended'
        : learner.heldStatus === 'withdrawn'
          ? 'withdrawn'
          : 'absent';
      const item: AttendancePutItem = { learnerId: learner.id, status };
      if (learner.notMeaningful) item.meaningful = false;
      const reflection = learner.reflection === undefined ? before?.reflection : learner.reflection;
      if (reflection) item.reflection = reflection;
      if (learner.present && learner.hours !== undefined && learner.hours !== null)
        item.hours = learner.hours;
      return item;
    });
    const sameReflection = (a?: AttendanceReflection | null, b?: AttendanceReflection | null) =>
      (a?.rating ?? null) === (b?.rating ?? null) && (a?.comment ?? null) === (b?.comment ?? null);
    const changed =
      items.length !== held.size ||
      items.some(
        (item) =>
          held.get(item.learnerId)?.status !== item.status ||
          (held.get(item.learnerId)?.meaningful === false) !== (item.meaningful === false) ||
          !sameReflection(held.get(item.learnerId)?.reflection, item.reflection) ||
          (held.get(item.learnerId)?.hours ?? null) !== (item.hours ?? null),
      );
    const body: UpdateEncounterRequest = changed ? { ...fields, replaceAttendance: items } : { ...fields };
    if (confirmDistinct) body.confirmDistinct = true;
    return firstValueFrom(this.api.update(encounter.id, body));
  }

  private async showError(error: unknown): Promise<void> {
    const details = apiErrorDetails(error);
    const sections: { organisations?: string; checklist?: string; attendees?: string } = {};
    for (const detail of details) {
      const field = detail.field ?? '';
      const reason = plainReason(detail);
      const control = this.controlFor(field);
      if (control) {
        control.setErrors({ api: reason });
        control.markAsTouched();
      } else if (field.startsWith('organisationIds')) {
        sections.organisations = join(sections.organisations, reason);
      } else if (field.startsWith('meaningful')) {
        sections.checklist = join(sections.checklist, plainReason(detail, this.checklistFieldLabels()));
      } else if (
        field.startsWith('attendees') ||
        field.startsWith('absentLearnerIds') ||
        field.startsWith('replaceAttendance') ||
        field.startsWith('[')
      ) {
        sections.attendees = join(sections.attendees, reason);
      }
    }
    this.sectionErrors.set(sections);
    const duplicate = duplicateEncounterOf(error);
    const problems = this.collectProblems();
    if (duplicate) {
      this.duplicate.set(await this.withTitle(duplicate));
    } else if (!problems.length || !details.length) {
      // Offline, a server fault, a refusal without fields: the API's sentence, first.
      problems.unshift({ message: apiErrorMessage(error) });
    }
    this.problems.set(problems);
  }

  /** The title and date of the encounter a 409 matched, fetched when the answer did not name them. */
  private async withTitle(duplicate: DuplicateEncounter): Promise<DuplicateEncounter> {
    if (duplicate.title && duplicate.date) return duplicate;
    try {
      const existing = await firstValueFrom(this.api.get(duplicate.id));
      return { ...duplicate, title: existing.title, date: existing.date };
    } catch {
      return duplicate;
    }
  }

  /** "This looks like “Year 9 futures morning” already logged on 12 November 2026." */
  protected duplicateText(duplicate: DuplicateEncounter): string {
    const title = duplicate.title ? `“${duplicate.title}”` : 'an encounter';
    const date = duplicate.date ? ` on ${formatBritishDate(duplicate.date)}` : '';
    return duplicate.byMeaning
      ? `This looks like ${title}, already logged${date}: the same academy, date and organisations, and most of the same learners.`
      : `This encounter is already logged as ${title}${date}: the same academy, date, title and organisations.`;
  }

  private checklistFieldLabels(): Record<string, string> {
    return Object.fromEntries(
      MEANINGFUL_CHECKLIST_ITEMS.map((item) => [`meaningful.${item}`, CHECKLIST_ITEM_LABELS[item]]),
    );
  }

  private controlFor(field: string): AbstractControl | null {
    return (CONTROL_FIELDS as readonly string[]).includes(field)
      ? this.form.controls[field as ControlField]
      : null;
  }

  protected apiError(field: ControlField): string | null {
    const errors = this.form.controls[field].errors;
    return errors?.['api'] ? String(errors['api']) : null;
  }

  private async loadLearners(query: {
    academyId: string;
    academicYear: number;
    yearGroup?: number;
    groupId?: string;
  }): Promise<LearnerListItem[] | null> {
    this.loadingLearners.set(true);
    this.sectionErrors.update((errors) => ({ ...errors, attendees: undefined }));
    // Only those on the roll on the encounter's date: a leaver, or a learner who has moved to another academy,
    // cannot have been there (and the API would refuse them).
    const date = this.form.controls.date.value;
    try {
      return await firstValueFrom(
        this.api.allLearners(isIsoDate(date) ? { ...query, onRollOn: date } : query),
      );
    } catch (error) {
      this.sectionErrors.update((errors) => ({
        ...errors,
        attendees: `The learners could not be loaded. ${apiErrorMessage(error)}`,
      }));
      return null;
    } finally {
      this.loadingLearners.set(false);
    }
  }

  /** Adds the learners not on the list yet, in register order; answers how many were new. */
  private addChosen(learners: LearnerListItem[], key?: string): number {
    const held = new Set(this.chosen().map((learner) => learner.id));
    const added = learners.filter((learner) => !held.has(learner.id)).map(toChosen);
    if (added.length) this.chosen.set([...this.chosen(), ...added].sort(byRegisterOrder));
    if (key) {
      this.additions.update((additions) => ({ ...additions, [key]: learners.map((learner) => learner.id) }));
    }
    this.sectionErrors.update((errors) => ({ ...errors, attendees: undefined }));
    return added.length;
  }

  private fill(encounter: EncounterResponse): void {
    this.form.setValue({
      academyId: encounter.academyId,
      title: encounter.title,
      date: encounter.date,
      endDate: encounter.endDate ?? '',
      format: encounter.format,
      delivery: encounter.delivery,
      duringSchoolDay: encounter.duringSchoolDay,
      durationMinutes: encounter.durationMinutes,
      days: encounter.days,
      adviserLevel: encounter.adviserLevel,
    });
    this.form.controls.academyId.disable();
    this.organisations.set(
      encounter.organisations.map((organisation) => ({ ...organisation }) as OrganisationView),
    );
    // The references lack the technical-education flag the checklist depends on (R-C-7): fetch each.
    for (const reference of encounter.organisations) {
      this.organisationsApi.get(reference.id).subscribe({
        next: (organisation) =>
          this.organisations.update((list) =>
            list.map((item) => (item.id === organisation.id ? organisation : item)),
          ),
        error: () => undefined,
      });
    }
    this.checklist.set({ ...encounter.meaningful });
    this.chosen.set(
      encounter.attendance.map((item) => ({
        id: item.learnerId,
        upn: item.upn,
        name: item.name,
        yearGroup: item.yearGroup,
        groupName: null,
        present: item.status === 'attended',
        heldStatus: item.status,
        notMeaningful: item.meaningful === false,
        reflection: item.reflection,
        hours: item.hours,
      })),
    );
    this.curriculumLinked.set(encounter.curriculumLinked === true);
    this.offeredToChosen.set(encounter.offeredTo?.length ? [...encounter.offeredTo] : null);
    this.addClassesAndNames(encounter);
  }

  /**
   * The attendance the API answers names each learner once ("Ada Okafor"): the roll of the encounter's year adds
   * their class and their names apart, so that the list is in register order with the class, as when logging.
   */
  private addClassesAndNames(encounter: EncounterResponse): void {
    this.api.allLearners({ academyId: encounter.academyId, academicYear: encounter.academicYear }).subscribe({
      next: (roll) => {
        const byId = new Map(roll.map((learner) => [learner.id, learner]));
        this.chosen.update((list) =>
          list.map((learner) => {
            const found = byId.get(learner.id);
            return found
              ? { ...learner, names: namesOf(found), groupName: found.group?.name ?? learner.groupName }
              : learner;
          }),
        );
      },
      // Without the roll the list still works, ordered by the names it has.
      error: () => undefined,
    });
  }
}

/** "125 learners", "1 learner", "no learners". */
function learnersText(count: number): string {
  return count === 0 ? 'no learners' : count === 1 ? '1 learner' : `${count} learners`;
}

function join(existing: string | undefined, reason: string): string {
  return existing ? `${existing} ${reason}` : reason;
}
