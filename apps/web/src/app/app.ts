import { ROLE_LABELS } from '@encounters/domain';
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { IsActiveMatchOptions, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { LearnerListItem } from '@encounters/domain';
import { Session } from './core/session';
import { LearnerSearch } from './ui/learner-search';
import { navigationFor } from './navigation';

/** Below this width the navigation slides over the page instead of sitting beside it. */
const NARROW_SCREEN = '(max-width: 959.98px)';

/** The shell: toolbar, side navigation for the signed-in user's journeys, and the page. */
@Component({
  selector: 'enc-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LearnerSearch,
    MatButtonModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = this.session.user;
  protected readonly roleNames = computed(() =>
    this.session
      .roles()
      .map((role) => ROLE_LABELS[role])
      .join(', '),
  );
  protected readonly navigation = computed(() => navigationFor(this.session.roles()));
  /** Query parameters (the dashboard's year, date and drill-down) never stop a link being the current one. */
  protected readonly exactPath: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };
  protected readonly withinPath: IsActiveMatchOptions = { ...this.exactPath, paths: 'subset' };
  protected readonly narrowScreen = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Open beside the page on wide screens; closed (until asked for) on narrow ones. */
  protected readonly navigationOpen = linkedSignal(() => !this.narrowScreen());

  protected toggleNavigation(): void {
    this.navigationOpen.update((open) => !open);
  }

  protected closeNavigationIfOverlaid(): void {
    if (this.narrowScreen()) {
      this.navigationOpen.set(false);
    }
  }

  /** Moves focus to the page itself; a plain `#main` link would reload the page because of `<base href>`. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** The top bar's "Find a learner": straight to the learner's record. */
  protected async openLearner(learner: LearnerListItem): Promise<void> {
    await this.router.navigate(['/learners', learner.id]);
  }

  protected async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } catch {
      // Signed out locally either way; the API session will expire on its own.
    }
    await this.router.navigate(['/sign-in']);
  }
}
