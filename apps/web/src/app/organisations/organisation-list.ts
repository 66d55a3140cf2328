import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  formatBritishDate,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  OrganisationType,
  Sector,
  SECTORS,
  holdsAbility,
} from '@encounters/domain';

import { OrganisationsApi, OrganisationView } from '../core/organisations-api';
import { Session } from '../core/session';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { debounced, PagedList } from '../ui/paged-list';
import { OrganisationDialogData, openOrganisationDialog } from './organisation-dialog';
import { WORDS } from '../ui/words';

/** The trust-wide directory of employers and providers, with how much each has done with our learners. */
@Component({
  selector: 'enc-organisation-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <div class="title-row">
      <h1>Organisations</h1>
      @if (canWrite()) {
        <button matButton="filled" type="button" (click)="create()">Add organisation</button>
      }
    </div>
    <p class="intro">
      Employers, colleges, universities and training providers the trust works with, and how many encounters
      and learners each has reached in your academies.
    </p>
    <form class="filters" aria-label="Filter organisations" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline" class="search">
        <mat-label>Search by name</mat-label>
        <input matInput type="search" [value]="search()" (input)="search.set($any($event.target).value)" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Type</mat-label>
        <mat-select [value]="type()" (valueChange)="type.set($event)">
          <mat-option [value]="''">Any type</mat-option>
          @for (item of types; track item) {
            <mat-option [value]="item">{{ words.organisationType[item] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="sector">
        <mat-label>Sector</mat-label>
        <mat-select [value]="sector()" (valueChange)="sector.set($event)">
          <mat-option [value]="''">Any sector</mat-option>
          @for (item of sectors; track item) {
            <mat-option [value]="item">{{ item }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>

    <enc-data-table
      [source]="organisations"
      caption="Organisations"
      noun="organisations"
      [empty]="filtered() ? emptyAfterFilters : emptyAtStart"
    >
      <enc-column name="name" header="Name" minWidth="14rem">
        <ng-template let-row>
          <strong>{{ row.name }}</strong>
          @if (row.offersTechnicalEducation) {
            <div class="meta">Technical education or apprenticeships</div>
          }
        </ng-template>
      </enc-column>
      <enc-text-column name="type" header="Type" [text]="typeLabel" />
      <enc-text-column name="sectors" header="Sectors" [text]="sectorNames" />
      <enc-text-column name="encounters" header="Encounters" [text]="encounterCount" numeric />
      <enc-text-column name="learners" header="Learners reached" [text]="learnerCount" numeric />
      <enc-text-column name="last" header="Last encounter" [text]="lastEncounter" nowrap />
      <enc-edit-column [shown]="canWrite()" (edit)="edit($event)" />
    </enc-data-table>
  `,
  styles: [
    LIST_STYLES,
    `
      .intro {
        max-width: 48rem;
        color: var(--mat-sys-on-surface-variant);
      }
      .search {
        flex: 1 1 16rem;
      }
      .sector {
        min-width: 18rem;
      }
    `,
  ],
})
export class OrganisationList {
  private readonly api = inject(OrganisationsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly types = ORGANISATION_TYPES;
  protected readonly words = WORDS;
  protected readonly sectors = SECTORS;
  protected readonly canWrite = computed(() => holdsAbility(this.session.roles(), 'manageOrganisations'));

  protected readonly search = signal('');
  private readonly query = debounced(this.search, 200);
  protected readonly type = signal<OrganisationType | ''>('');
  protected readonly sector = signal<Sector | ''>('');
  protected readonly filtered = computed(() => !!(this.query().trim() || this.type() || this.sector()));

  protected readonly emptyAtStart = {
    heading: 'No organisations yet',
    text: 'Add the employers and providers you work with, or add them as you log encounters.',
  };
  protected readonly emptyAfterFilters = {
    heading: 'No organisations match',
    text: 'Try another spelling, or clear the type and sector filters.',
  };

  protected readonly organisations = new PagedList({
    pageSize: 25,
    query: () => ({
      q: this.query().trim() || undefined,
      type: this.type() || undefined,
      sector: this.sector() || undefined,
    }),
    fetch: (query) => this.api.list(query),
  });

  protected readonly typeLabel = (row: OrganisationView): string => ORGANISATION_TYPE_LABELS[row.type];
  protected readonly sectorNames = (row: OrganisationView): string => row.sectors.join(', ') || '—';
  protected readonly encounterCount = (row: OrganisationView): number => row.engagement?.encounters ?? 0;
  protected readonly learnerCount = (row: OrganisationView): number => row.engagement?.learners ?? 0;
  protected readonly lastEncounter = (row: OrganisationView): string => {
    const last = row.engagement?.lastEncounterOn;
    return last ? formatBritishDate(last) : 'None yet';
  };

  protected create(): void {
    this.openDialog({}, 'added to the directory');
  }

  protected edit(organisation: OrganisationView): void {
    this.openDialog({ organisation }, 'saved');
  }

  private openDialog(data: OrganisationDialogData, done: string): void {
    openOrganisationDialog(this.dialog, data)
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} ${done}.`, undefined, { duration: 4000 });
        this.organisations.reload();
      });
  }
}
