/** One entry of an error's `details`: a bad request field, or a bad cell of an uploaded CSV file. */
export interface ApiErrorDetail {
  /** The request field, as a dotted path for nested fields (`meaningful.purposeShared`). */
  field?: string;
  /** For CSV uploads: the line in the file (header = 1), the header as written and the cell as written. */
  line?: number;
  column?: string;
  value?: string;
  reason: string;
}

/** Every error answer, whatever the status (api.md "Errors"). */
export interface ApiErrorBody {
  statusCode: number;
  /** The status's standard phrase: "Bad Request", "Not Found", ... */
  error: string;
  /** One sentence a user can act on. */
  message: string;
  /** Empty unless the problem is in named fields or CSV rows (400, 422). */
  details: ApiErrorDetail[];
}

/** The encounter a duplicate refusal names. */
export interface ExistingEncounterRef {
  id: string;
  title: string;
  date: string;
}

/**
 * A 409 refusing an encounter as a repeat of one already logged. `duplicate_encounter`: the same
 * academy, date and organisations and more than half the same learners, under any title; sending the
 * request again with `confirmDistinct: true` logs it all the same (and the audit records that).
 * `encounter_already_logged`: the same title too, which no confirmation overrides.
 */
export interface DuplicateEncounterErrorBody extends ApiErrorBody {
  code: 'duplicate_encounter' | 'encounter_already_logged';
  existing: ExistingEncounterRef;
  /** The same as `existing.id`, as every 409 that names a record has it. */
  existingId: string;
}
