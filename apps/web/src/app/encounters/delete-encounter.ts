import { MatDialog } from '@angular/material/dialog';
import { EncounterListItem, formatBritishDate } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { EncountersApi } from '../core/encounters-api';
import { confirmAction } from '../ui/confirm-dialog';
import { PendingAction } from '../ui/pending-action';

/**
 * Deleting an encounter, from the list or its own page: asks first, saying what goes with it, then deletes
 * it and its attendance. True when it is gone; a failure is left in `action.error()`.
 */
export async function deleteEncounter(
  dialog: MatDialog,
  api: EncountersApi,
  action: PendingAction,
  encounter: Pick<EncounterListItem, 'id' | 'title' | 'date' | 'attendedCount'>,
): Promise<boolean> {
  const confirmed = await confirmAction(dialog, {
    title: 'Delete this encounter?',
    message: `"${encounter.title}" on ${formatBritishDate(encounter.date)} and its attendance of ${encounter.attendedCount} learners will be removed from every learner's record.`,
    confirmLabel: 'Delete encounter',
  });
  if (!confirmed) return false;
  return action.run(() => firstValueFrom(api.delete(encounter.id)), 'Encounter deleted.');
}
