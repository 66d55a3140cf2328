import { Directive, input } from '@angular/core';

/**
 * A button in a list's row: a plain button (never a form's submit) whose accessible name says which row it
 * acts on, e.g. `[encRowAction]="'Delete ' + row.title"` on a button that shows "Delete".
 */
@Directive({
  selector: 'button[encRowAction]',
  host: { type: 'button', '[attr.aria-label]': 'encRowAction()' },
})
export class RowAction {
  /** What the button does, to which row: "Delete Careers fair", "Reset the second factor of Sam Lee". */
  readonly encRowAction = input.required<string>();
}
