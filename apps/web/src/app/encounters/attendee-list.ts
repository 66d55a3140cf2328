import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AttendancePutItem, AttendanceReflection, LearnerNames } from '@encounters/domain';

import { fold, matchPastedLearners, PastedMatch } from './match-pasted-learners';
import { editReflection } from './reflection-dialog';
import { parseHours } from './work-experience-fields';

/** A learner on the attendance list; unticked learners are recorded as absent. */
export interface ChosenLearner {
  id: string;
  upn: string;
  name: string;
  /** Legal and preferred names, where known: for register order and for matching a pasted list. */
  names?: LearnerNames;
  yearGroup: number;
  groupName: string | null;
  present: boolean;
  /** In edit mode: the status held, so that a withdrawn learner stays withdrawn. */
  heldStatus?: AttendancePutItem['status'];
  /** In edit mode, R-M-2: this learner's attendance does not count as meaningful (they left early, say). */
  notMeaningful?: boolean;
  /** In edit mode: the learner's reflection on the encounter, kept or changed with the attendance. */
  reflection?: AttendanceReflection | null;
  /** R-WEX-1: the learner's own hours ("left at noon"); null or absent takes the default. */
  hours?: number | null;
}

/** "28 attending, 2 absent". */
export function attendanceCount(present: number, absent: number): string {
  return `${present} attending, ${absent} absent`;
}

/** Surname and forename as shown and sorted: the preferred names where given, else the legal ones. */
export function surnameAndForename(learner: Pick<ChosenLearner, 'name' | 'names'>): {
  surname: string;
  forename: string;
} {
  if (learner.names) {
    return {
      surname: learner.names.preferredSurname || learner.names.legalSurname,
      forename: learner.names.preferredForename || learner.names.legalForename,
    };
  }
  // Without the names apart, the last word of the shown name stands for the surname.
  const words = learner.name.trim().split(/\s+/);
  return words.length > 1
    ? { surname: words[words.length - 1], forename: words.slice(0, -1).join(' ') }
    : { surname: learner.name, forename: '' };
}

/** "Okafor, Ada". */
export function registerName(learner: Pick<ChosenLearner, 'name' | 'names'>): string {
  const { surname, forename } = surnameAndForename(learner);
  return forename ? `${surname}, ${forename}` : surname;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Register order, the one order of every attendance list: surname, then forename, then class, then UPN. */
export function byRegisterOrder(a: ChosenLearner, b: ChosenLearner): number {
  const first = surnameAndForename(a);
  const second = surnameAndForename(b);
  return (
    collator.compare(first.surname, second.surname) ||
    collator.compare(first.forename, second.forename) ||
    a.yearGroup - b.yearGroup ||
    collator.compare(a.groupName ?? '', b.groupName ?? '') ||
    a.upn.localeCompare(b.upn)
  );
}

/** What the filter box matches a learner on: both orders of the name, the UPN and the class. */
function searchText(learner: ChosenLearner): string {
  const names = learner.names;
  return fold(
    [
      learner.name,
      registerName(learner),
      names?.legalForename,
      names?.legalSurname,
      learner.upn,
      learner.groupName,
    ]
      .filter(Boolean)
      .join(' | '),
  );
}

/** Each learner's search text, worked out once per learner object (a row changed is a new object). */
const searchTexts = new WeakMap<ChosenLearner, string>();

function searchTextOf(learner: ChosenLearner): string {
  let text = searchTexts.get(learner);
  if (text === undefined) {
    text = searchText(learner);
    searchTexts.set(learner, text);
  }
  return text;
}

/** Learners whose name, UPN or class contain every word of the query, in register order. */
export function filterLearners(learners: readonly ChosenLearner[], query: string): ChosenLearner[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (!words.length) return [...learners];
  return learners.filter((learner) => {
    const text = searchTextOf(learner);
    return words.every((word) => text.includes(word));
  });
}

/**
 * Who attended, in register order: a filter box (Enter ticks or unticks the one learner found, or the first),
 * "paste absentees" (names or UPNs pasted are unticked), a link past the list to Save, and one Tab stop for
 * the whole list (the arrow keys move within it).
 */
@Component({
  selector: 'enc-attendee-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <div class="attendance">
      <a class="skip-link" href="#save-encounter" (click)="skipToSave($event)">Skip the list, go to Save</a>
      <div class="attendance-header">
        <p class="count" aria-live="polite" data-testid="attendance-count">
          <strong>{{ countText() }}</strong>
        </p>
        <span class="spacer"></span>
        <button matButton type="button" (click)="markAll(true)">Tick everyone</button>
        <button matButton type="button" (click)="cleared.emit()">Clear list</button>
      </div>
      <div class="tools">
        <mat-form-field appearance="outline" class="filter" subscriptSizing="dynamic">
          <mat-label>Find on the list</mat-label>
          <input
            #filterBox
            matInput
            type="search"
            data-testid="attendee-filter"
            autocomplete="off"
            [value]="query()"
            (input)="query.set($any($event.target).value)"
            (keydown.enter)="toggleFirstMatch($event)"
            aria-describedby="attendee-filter-hint"
          />
          <mat-hint id="attendee-filter-hint"
            >Name, UPN or class. Enter ticks or unticks the learner found.</mat-hint
          >
        </mat-form-field>
        <button
          matButton
          type="button"
          [attr.aria-expanded]="pasteOpen()"
          aria-controls="paste-absentees"
          (click)="pasteOpen.set(!pasteOpen())"
        >
          Paste absentees
        </button>
      </div>
      @if (pasteOpen()) {
        <div id="paste-absentees" class="paste">
          <mat-form-field appearance="outline" class="paste-field" subscriptSizing="dynamic">
            <mat-label>Absentees: names or UPNs, one per line</mat-label>
            <textarea
              matInput
              rows="3"
              data-testid="absentee-paste"
              [value]="pastedAbsentees()"
              (input)="pastedAbsentees.set($any($event.target).value)"
            ></textarea>
          </mat-form-field>
          <button
            matButton="tonal"
            type="button"
            [disabled]="!pastedAbsentees().trim()"
            (click)="markPastedAbsent()"
          >
            Mark absent
          </button>
        </div>
      }
      <p class="announce" role="status" data-testid="attendee-announcement">{{ announcement() }}</p>
      @if (absentMatch(); as match) {
        @if (match.notFound.length || match.ambiguous.length) {
          <div class="paste-result">
            @if (match.notFound.length) {
              <p class="warning">Not on this list: {{ match.notFound.join(', ') }}</p>
            }
            @if (match.ambiguous.length) {
              <p class="warning">
                More than one learner on the list has this name; untick them below or paste the UPN:
                {{ match.ambiguous.join(', ') }}
              </p>
            }
          </div>
        }
      }
      <p class="hint" id="attendee-list-hint">
        Untick anyone who was absent. In the list, the arrow keys move from learner to learner and Space
        ticks.
      </p>
      <ul
        class="learner-list"
        [class.editing]="editing()"
        aria-label="Learners on the attendance list"
        aria-describedby="attendee-list-hint"
      >
        @for (learner of shown(); track learner.id; let index = $index) {
          <li [class.absent]="!learner.present" [attr.data-index]="index">
            <label class="learner">
              <input
                type="checkbox"
                [checked]="learner.present"
                [tabIndex]="index === tabStop() ? 0 : -1"
                (change)="setPresent(learner.id, $any($event.target).checked)"
              />
              <span class="learner-text"
                >{{ register(learner) }}
                <span class="learner-meta"
                  >Year {{ learner.yearGroup }}{{ learner.groupName ? ' · ' + learner.groupName : '' }} ·
                  {{ learner.upn }}</span
                ></span
              >
            </label>
            @if (!learner.present) {
              <span class="absent-label">Absent</span>
            } @else if (editing()) {
              <label class="not-meaningful">
                <input
                  type="checkbox"
                  [checked]="learner.notMeaningful ?? false"
                  [tabIndex]="index === tabStop() ? 0 : -1"
                  [attr.aria-label]="learner.name + ': left early, not meaningful for them'"
                  (change)="setNotMeaningful(learner.id, $any($event.target).checked)"
                />
                Left early
              </label>
              <button
                matButton
                type="button"
                class="reflection-button"
                [attr.tabindex]="index === tabStop() ? 0 : -1"
                [attr.aria-label]="
                  learner.name +
                  ': ' +
                  (learner.reflection
                    ? 'change their reflection, rated ' + learner.reflection.rating + ' out of 5'
                    : 'add their reflection')
                "
                (click)="openReflection(learner)"
              >
                {{ learner.reflection ? 'Reflection ' + learner.reflection.rating + '/5' : 'Add reflection' }}
              </button>
            }
            @if (learner.present && editing() && carriesHours()) {
              <label class="learner-hours" [class.invalid]="hoursInvalid().has(learner.id)">
                <span>Hours</span>
                <input
                  type="number"
                  min="0"
                  step="0.5"
                  inputmode="decimal"
                  [attr.tabindex]="index === tabStop() ? 0 : -1"
                  [value]="learner.hours ?? ''"
                  [placeholder]="defaultHours()"
                  [attr.aria-label]="learner.name + ': hours (empty for the default ' + defaultHours() + ')'"
                  [attr.aria-invalid]="hoursInvalid().has(learner.id)"
                  (change)="setHours(learner.id, $any($event.target).value)"
                />
              </label>
            }
          </li>
        } @empty {
          <li class="none">No learner on the list matches “{{ query() }}”.</li>
        }
      </ul>
    </div>
  `,
  styleUrl: './attendee-list.scss',
  // The rows' own controls take focus; their keys and focus reach the list through the host.
  host: { '(keydown)': 'onListKey($event)', '(focusin)': 'onFocusIn($event)' },
})
export class AttendeeList {
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The attendance list, changed in place as learners are ticked and unticked. */
  readonly learners = model.required<ChosenLearner[]>();
  /** Editing a held encounter: "Left early" and the reflection on each row. */
  readonly editing = input(false);
  /** The id of the button the skip link moves focus to. */
  readonly saveButtonId = input('save-encounter');
  readonly cleared = output<void>();
  /** The encounter being changed, naming the reflection dialog's drafts; none while logging. */
  readonly draftScope = input('');
  /** R-WEX-1: whether attendances carry hours, so that each learner's can be changed while editing. */
  readonly carriesHours = input(false);
  /** The hours each learner gets unless theirs are changed. */
  readonly defaultHours = input(0);
  /** The encounter's days, bounding a learner's hours (24 a day); null for a single-day encounter. */
  readonly days = input<number | null>(null);
  /** The learners whose typed hours are not a number of hours the encounter allows. */
  readonly hoursInvalid = model<ReadonlySet<string>>(new Set());

  protected readonly query = signal('');
  protected readonly pasteOpen = signal(false);
  protected readonly pastedAbsentees = signal('');
  protected readonly absentMatch = signal<PastedMatch<ChosenLearner> | null>(null);
  protected readonly announcement = signal('');
  /** The row that holds the list's one Tab stop. */
  protected readonly activeIndex = signal(0);
  private readonly filterBox = viewChild<ElementRef<HTMLInputElement>>('filterBox');

  /** Register order; the form keeps its list in that order already, so a tick or untick does not sort again. */
  protected readonly ordered = computed(() => {
    const learners = this.learners();
    const sorted = learners.every(
      (learner, index) => index === 0 || byRegisterOrder(learners[index - 1], learner) <= 0,
    );
    return sorted ? learners : [...learners].sort(byRegisterOrder);
  });
  protected readonly shown = computed(() => filterLearners(this.ordered(), this.query()));
  /** The active row, kept within the list as the filter shortens it. */
  protected readonly tabStop = computed(() =>
    Math.max(Math.min(this.activeIndex(), this.shown().length - 1), 0),
  );
  protected readonly presentCount = computed(
    () => this.learners().filter((learner) => learner.present).length,
  );
  protected readonly countText = computed(() =>
    attendanceCount(this.presentCount(), this.learners().length - this.presentCount()),
  );

  protected register(learner: ChosenLearner): string {
    return registerName(learner);
  }

  protected setPresent(id: string, present: boolean): void {
    this.learners.update((list) =>
      list.map((learner) => (learner.id === id ? { ...learner, present } : learner)),
    );
  }

  /** R-WEX-1: a learner's own hours, typed in the list ("left at noon"); empty takes the default. */
  protected setHours(id: string, text: string): void {
    const hours = parseHours(text, this.days());
    this.hoursInvalid.update((ids) => {
      const next = new Set(ids);
      if (hours === 'invalid') next.add(id);
      else next.delete(id);
      return next;
    });
    if (hours === 'invalid') return;
    this.learners.update((list) =>
      list.map((learner) => (learner.id === id ? { ...learner, hours } : learner)),
    );
  }

  protected setNotMeaningful(id: string, notMeaningful: boolean): void {
    this.learners.update((list) =>
      list.map((learner) => (learner.id === id ? { ...learner, notMeaningful } : learner)),
    );
  }

  protected markAll(present: boolean): void {
    this.learners.update((list) => list.map((learner) => ({ ...learner, present })));
    this.announcement.set(present ? 'Everyone ticked as attending.' : '');
  }

  /** Enter in the filter box: ticks or unticks the one learner found (the first when several are). */
  protected toggleFirstMatch(event: Event): void {
    event.preventDefault();
    const learner = this.shown()[0];
    if (!learner || !this.query().trim()) return;
    const present = !learner.present;
    this.setPresent(learner.id, present);
    this.announcement.set(`${learner.name} ${present ? 'ticked as attending' : 'marked absent'}.`);
    this.filterBox()?.nativeElement.select();
  }

  protected markPastedAbsent(): void {
    const match = matchPastedLearners(this.pastedAbsentees(), this.learners());
    const absent = new Set(match.found.map((learner) => learner.id));
    this.learners.update((list) =>
      list.map((learner) => (absent.has(learner.id) ? { ...learner, present: false } : learner)),
    );
    this.absentMatch.set(match);
    this.announcement.set(
      `${match.found.length} marked absent.` +
        (match.notFound.length || match.ambiguous.length
          ? ` ${match.notFound.length + match.ambiguous.length} not matched.`
          : ''),
    );
    if (!match.notFound.length && !match.ambiguous.length) this.pastedAbsentees.set('');
  }

  protected async openReflection(learner: ChosenLearner): Promise<void> {
    const result = await editReflection(this.dialog, {
      learnerName: learner.name,
      reflection: learner.reflection ?? null,
      draftName: this.draftScope() ? `reflection-${this.draftScope()}-${learner.id}` : undefined,
    });
    if (!result) return;
    this.learners.update((list) =>
      list.map((item) => (item.id === learner.id ? { ...item, reflection: result.reflection } : item)),
    );
  }

  protected skipToSave(event: Event): void {
    event.preventDefault();
    const save = this.host.nativeElement.ownerDocument.getElementById(this.saveButtonId());
    save?.focus();
  }

  /** Keeps the Tab stop on the row last focused, so that Shift+Tab and Tab come back to it. */
  protected onFocusIn(event: FocusEvent): void {
    const row = (event.target as HTMLElement).closest('li[data-index]');
    if (row) this.activeIndex.set(Number(row.getAttribute('data-index')));
  }

  /** Up and Down (Home, End) move between rows, to the same control of the next row where it has one. */
  protected onListKey(event: KeyboardEvent): void {
    if (!(event.target as HTMLElement).closest('.learner-list')) return;
    const count = this.shown().length;
    if (!count) return;
    const current = this.tabStop();
    const next =
      event.key === 'ArrowDown'
        ? Math.min(current + 1, count - 1)
        : event.key === 'ArrowUp'
          ? Math.max(current - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const rows = this.host.nativeElement.querySelectorAll<HTMLElement>('.learner-list li[data-index]');
    const from = rows[current];
    const focusables = (row: Element | undefined) =>
      row
        ? Array.from(row.querySelectorAll<HTMLElement>('input[type=checkbox], input[type=number], button'))
        : [];
    const column = Math.max(focusables(from).indexOf(event.target as HTMLElement), 0);
    this.activeIndex.set(next);
    const targets = focusables(rows[next]);
    (targets[column] ?? targets[0])?.focus();
  }
}
