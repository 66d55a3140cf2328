import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The trust administrator's area: a tab for each thing they manage. */
@Component({
  selector: 'enc-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <h1>Admin</h1>
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Admin sections">
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #active="routerLinkActive"
          [active]="active.isActive"
          >{{ tab.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel class="panel">
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .panel {
      display: block;
      padding-top: 1rem;
    }
  `,
})
export class Admin {
  protected readonly tabs = [
    { path: 'users', label: 'Users and roles' },
    { path: 'academies', label: 'Academies' },
    { path: 'policy', label: 'Policy' },
    { path: 'sign-in', label: 'Sign-in' },
    { path: 'audit', label: 'Audit log' },
  ];
}
