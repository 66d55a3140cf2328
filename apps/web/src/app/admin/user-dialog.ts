import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import {
  academicYearOf,
  AcademyResponse,
  CreateUserRequest,
  todayIsoDate,
  UpdateUserRequest,
  UserResponse,
  TRUST_WIDE_ROLES,
  UserRole,
  USER_ROLES,
} from '@encounters/domain';
import { firstValueFrom, forkJoin, map, of } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { EncountersApi } from '../core/encounters-api';
import { dialogFormStyles, FORM_IMPORTS, toggled } from '../ui/form-kit';
import { askBeforeClosing } from '../ui/unsaved-changes';
import { PendingAction } from '../ui/pending-action';
import { WORDS } from '../ui/words';

export interface UserDialogData {
  user?: UserResponse;
  academies: AcademyResponse[];
}

const MIN_PASSWORD_LENGTH = 12;

/** Creates a user or changes their name, roles, academies, groups and (optionally) password. */
@Component({
  selector: 'enc-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
  template: `
    <h2 mat-dialog-title>{{ data.user ? 'Edit ' + data.user.name : 'New user' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required autocomplete="off" />
          <mat-error>Enter the person's name.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Email address</mat-label>
          <input matInput type="email" formControlName="email" required autocomplete="off" />
          <mat-error>Enter an email address like name&#64;academy.org.uk.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ data.user ? 'New password (leave blank to keep)' : 'Password' }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="new-password"
            [required]="!data.user"
          />
          <mat-hint
            >At least {{ minLength }} characters. Not a common password, and not containing the email address.
            Three or four random words work well.</mat-hint
          >
          @if (form.controls.password.hasError('required')) {
            <mat-error>Enter a password.</mat-error>
          } @else if (form.controls.password.hasError('minlength')) {
            <mat-error>The password must be at least {{ minLength }} characters long.</mat-error>
          } @else if (form.controls.password.hasError('api')) {
            <mat-error>{{ form.controls.password.getError('api') }}</mat-error>
          }
        </mat-form-field>

        <fieldset class="roles">
          <legend>Roles</legend>
          @for (role of roles; track role) {
            <mat-checkbox
              [checked]="chosenRoles().includes(role)"
              (change)="toggleRole(role, $event.checked)"
            >
              {{ words.role[role] }}
            </mat-checkbox>
          }
          @if (rolesMissing()) {
            <p class="error" role="alert">Choose at least one role.</p>
          }
        </fieldset>

        @if (needsAcademies()) {
          <mat-form-field appearance="outline">
            <mat-label>Academies</mat-label>
            <mat-select formControlName="academyIds" multiple>
              @for (academy of data.academies; track academy.id) {
                <mat-option [value]="academy.id">{{ academy.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>The academies whose learners this person works with.</mat-hint>
            <mat-error>Choose at least one academy for this role.</mat-error>
          </mat-form-field>
        }
        @if (chosenRoles().includes('teacher')) {
          <mat-form-field appearance="outline">
            <mat-label>Classes taught</mat-label>
            <mat-select formControlName="groupIds" multiple>
              @for (group of groups.value(); track group.id) {
                <mat-option [value]="group.id">{{ group.label }}</mat-option>
              } @empty {
                <mat-option disabled>Choose an academy first</mat-option>
              }
            </mat-select>
            <mat-hint>Teachers see only the learners of these classes.</mat-hint>
          </mat-form-field>
        }
        @if (data.user) {
          <mat-checkbox formControlName="ssoOnly"
            >Signs in with the school account only (password sign-in refused)</mat-checkbox
          >
        }
        <enc-progress-status [pending]="submission" label="Saving the user" />
      </mat-dialog-content>
      <enc-dialog-actions
        [cancel]="cancel"
        [pending]="submission"
        [submitLabel]="data.user ? 'Save changes' : 'Create user'"
      />
    </form>
  `,
  styles: [
    dialogFormStyles('34rem'),
    `
      .roles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        margin: 0.5rem 0;
        padding: 0;
        border: 0;
      }
      legend {
        font: var(--mat-sys-title-small);
      }
      .error {
        color: var(--mat-sys-error);
      }
    `,
  ],
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly encountersApi = inject(EncountersApi);
  private readonly reference = inject<MatDialogRef<UserDialog, UserResponse>>(MatDialogRef);

  protected readonly roles = USER_ROLES;
  protected readonly words = WORDS;
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly submission = new PendingAction();
  protected readonly chosenRoles = signal<UserRole[]>([...(this.data.user?.roles ?? [])]);
  protected readonly rolesMissing = signal(false);
  protected readonly needsAcademies = computed(() =>
    this.chosenRoles().some((role) => !TRUST_WIDE_ROLES.includes(role)),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.user?.name ?? '', Validators.required],
    email: [this.data.user?.email ?? '', [Validators.required, Validators.email]],
    password: [
      '',
      this.data.user
        ? [Validators.minLength(MIN_PASSWORD_LENGTH)]
        : [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
    ],
    academyIds: [[...(this.data.user?.academyIds ?? [])]],
    groupIds: [[...(this.data.user?.groupIds ?? [])]],
    ssoOnly: [this.data.user?.ssoOnly ?? false],
  });

  /** Cancel, Escape and a click outside ask first once anything is changed. */
  protected readonly cancel = askBeforeClosing(this.reference, () => this.form.dirty);

  private readonly academyIds = toSignal(this.form.controls.academyIds.valueChanges, {
    initialValue: this.form.controls.academyIds.value,
  });
  protected readonly groups = rxResource({
    params: () => (this.chosenRoles().includes('teacher') ? this.academyIds() : undefined),
    stream: ({ params }) => {
      const academicYear = academicYearOf(todayIsoDate());
      if (!params.length) return of([]);
      return forkJoin(params.map((academyId) => this.encountersApi.groups({ academyId, academicYear }))).pipe(
        map((lists) =>
          lists.flat().map((group) => ({
            id: group.id,
            label: `${group.name} – ${this.data.academies.find((academy) => academy.id === group.academyId)?.name ?? ''}`,
          })),
        ),
      );
    },
    defaultValue: [],
  });

  protected toggleRole(role: UserRole, checked: boolean): void {
    this.chosenRoles.update((roles) => toggled(roles, role, checked));
    this.rolesMissing.set(false);
  }

  protected async save(): Promise<void> {
    const noRoles = this.chosenRoles().length === 0;
    this.rolesMissing.set(noRoles);
    const academies = this.form.controls.academyIds;
    const noAcademy = this.needsAcademies() && academies.value.length === 0;
    if (noAcademy) {
      academies.setErrors({ required: true });
      academies.markAsTouched();
    }
    if (this.form.invalid || noRoles || noAcademy) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const scoped = this.needsAcademies();
    await this.submission.run(async () => {
      let saved: UserResponse;
      if (this.data.user) {
        const body: UpdateUserRequest = {
          name: value.name.trim(),
          email: value.email.trim(),
          roles: this.chosenRoles(),
          academyIds: scoped ? value.academyIds : [],
          groupIds: this.chosenRoles().includes('teacher') ? value.groupIds : [],
          ssoOnly: value.ssoOnly,
        };
        if (value.password) body.password = value.password;
        saved = await firstValueFrom(this.api.updateUser(this.data.user.id, body));
      } else {
        const body: CreateUserRequest = {
          name: value.name.trim(),
          email: value.email.trim(),
          password: value.password,
          roles: this.chosenRoles(),
          academyIds: scoped ? value.academyIds : [],
          groupIds: this.chosenRoles().includes('teacher') ? value.groupIds : [],
        };
        saved = await firstValueFrom(this.api.createUser(body));
      }
      this.reference.close(saved);
    });
  }
}

export function openUserDialog(dialog: MatDialog, data: UserDialogData) {
  return dialog.open<UserDialog, UserDialogData, UserResponse>(UserDialog, {
    data,
    width: '40rem',
    maxWidth: '95vw',
  });
}
