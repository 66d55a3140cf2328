import {
  AcademicYear,
  DestinationBatchRequest,
  DestinationCategory,
  DestinationRegisterRow,
  DestinationStatus,
} from '@encounters/domain';

import { providerOf } from './destination-words';

/** One row of quick entry as on screen: empty strings where nothing is chosen. */
export interface QuickEntryValue {
  category: DestinationCategory | '';
  providerName: string;
  status: DestinationStatus | '';
}

/** What quick entry keeps in the tab while changes are unsaved: the class it is for, and each row changed. */
export interface QuickEntryDraft {
  academyId: string;
  academicYear: AcademicYear;
  yearGroup: number;
  groupId: string;
  /** Only the rows that differ from what was recorded, by learner id. */
  values: Record<string, QuickEntryValue>;
}

/** The tab's draft of quick entry: one at a time, for the class last worked on. */
export const QUICK_ENTRY_DRAFT = 'destinations.quick-entry';

/** A row as recorded: the register's destination, or nothing chosen. */
export function recordedValue(row: DestinationRegisterRow): QuickEntryValue {
  return {
    category: row.destination?.category ?? '',
    providerName: providerOf(row.destination),
    status: row.destination?.status ?? '',
  };
}

/** Whether a row differs from what is recorded (the provider compared without the spaces around it). */
export function isChanged(recorded: QuickEntryValue, value: QuickEntryValue): boolean {
  return (
    recorded.category !== value.category ||
    recorded.status !== value.status ||
    recorded.providerName.trim() !== value.providerName.trim()
  );
}

/** A changed row can be sent once it has both a category and a status. */
export function isComplete(value: QuickEntryValue): boolean {
  return value.category !== '' && value.status !== '';
}

/** A category chosen on a row with no status yet starts it at the beginning of the pipeline. */
export function withCategory(value: QuickEntryValue, category: DestinationCategory | ''): QuickEntryValue {
  return { ...value, category, status: category && !value.status ? 'considering' : value.status };
}

/** The rows that differ from the register, by learner id: what a draft keeps and a save sends. */
export function changedValues(
  rows: readonly DestinationRegisterRow[],
  values: Readonly<Record<string, QuickEntryValue>>,
): Record<string, QuickEntryValue> {
  const changed: Record<string, QuickEntryValue> = {};
  for (const row of rows) {
    const value = values[row.learnerId];
    if (value && isChanged(recordedValue(row), value)) changed[row.learnerId] = value;
  }
  return changed;
}

/**
 * The body of `POST /api/destinations/batch`: the changed rows only, in register order. A provider cleared is
 * sent as an empty name; a provider left as recorded is not sent, so an organisation of the directory stays.
 */
export function batchRequest(
  academicYear: AcademicYear,
  rows: readonly DestinationRegisterRow[],
  values: Readonly<Record<string, QuickEntryValue>>,
): DestinationBatchRequest {
  const items: DestinationBatchRequest['items'] = [];
  for (const row of rows) {
    const value = values[row.learnerId];
    const recorded = recordedValue(row);
    if (!value || !isChanged(recorded, value) || !value.category || !value.status) continue;
    const provider = value.providerName.trim();
    items.push({
      learnerId: row.learnerId,
      category: value.category,
      status: value.status,
      ...(provider !== recorded.providerName.trim() ? { providerName: provider } : {}),
    });
  }
  return { academicYear, items };
}
