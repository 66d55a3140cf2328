import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { academicYearLabel, type RosterMoveRequest } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { RosterApi } from '../core/roster-api';
import { ApiErrorMessage } from '../ui/api-error-message';

/**
 * Learners another academy's import asked for. The holding academy's careers lead (or a trust administrator)
 * confirms the move or declines it; the requesting academy sees only its own requests, by UPN.
 */
@Component({
  selector: 'enc-roster-move-requests',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, MatButtonModule],
  template: `
    @if (requests().length) {
      <section class="section" aria-labelledby="moves-heading">
        <h2 id="moves-heading">Move requests</h2>
        <p class="hint">
          Learners held by another academy of the trust are never changed by an import: the import asks the
          academy that holds them, which confirms the move or declines it.
        </p>
        <ul class="moves" data-testid="move-requests">
          @for (request of requests(); track request.id) {
            <li>
              @if (request.mayDecide) {
                {{ request.name }} ({{ request.upn }}): {{ request.toAcademyName }} asks to enrol them in Year
                {{ request.yearGroup }}, {{ yearLabel(request.academicYear) }}
                @if (request.admissionDate) {
                  from {{ request.admissionDate }}
                }
                <button
                  matButton="filled"
                  type="button"
                  (click)="decide(request, 'confirm')"
                  [disabled]="working()"
                >
                  Confirm move
                </button>
                <button matButton type="button" (click)="decide(request, 'decline')" [disabled]="working()">
                  Decline
                </button>
              } @else {
                {{ request.upn }}, {{ yearLabel(request.academicYear) }}, for {{ request.toAcademyName }}:
                held by another academy of the trust, waiting for it to confirm.
              }
            </li>
          }
        </ul>
        <enc-api-error-message [error]="error()" />
      </section>
    }
  `,
})
export class RosterMoveRequests {
  private readonly api = inject(RosterApi);
  protected readonly requests = signal<RosterMoveRequest[]>([]);
  protected readonly working = signal(false);
  protected readonly error = signal<unknown>(null);

  constructor() {
    void this.load();
  }

  protected yearLabel(year: number): string {
    return academicYearLabel(year);
  }

  /** Lists the pending requests again; called after an import that may have made some. */
  async load(): Promise<void> {
    try {
      this.requests.set(await firstValueFrom(this.api.moveRequests()));
    } catch (error) {
      this.error.set(error);
    }
  }

  protected async decide(request: RosterMoveRequest, decision: 'confirm' | 'decline'): Promise<void> {
    this.working.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.decideMove(request.id, decision));
      this.requests.update((requests) => requests.filter((item) => item.id !== request.id));
    } catch (error) {
      this.error.set(error);
    } finally {
      this.working.set(false);
    }
  }
}
