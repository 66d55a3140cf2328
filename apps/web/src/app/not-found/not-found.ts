import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'enc-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. Check the address, or <a routerLink="/">go to the dashboard</a>.</p>
  `,
})
export class NotFound {}
