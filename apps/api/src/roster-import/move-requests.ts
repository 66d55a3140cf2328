import type { ResolvedRosterRow } from '@encounters/domain';
import type { EntityManager } from 'typeorm';

/** A row of an import whose learner another academy of the trust holds. */
export interface MoveRequestRow {
  learnerId: string;
  /** The academy that holds the learner: the one asked to confirm. Never told to the importing academy. */
  fromAcademyId: string;
  /** The file's row alone: nothing the holder keeps is copied into it. */
  row: ResolvedRosterRow;
}

/**
 * Records a pending move request per held row, in the import's transaction. A request already pending for the
 * learner, year and academy takes the newer file's row, so importing the same file again adds nothing.
 */
export async function recordMoveRequests(
  manager: EntityManager,
  toAcademyId: string,
  academicYear: number,
  rows: readonly MoveRequestRow[],
  requestedBy: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO roster_move_request (learner_id, academic_year, to_academy_id, from_academy_id, row, requested_by)
     SELECT learner_id, $2, $3, from_academy_id, row, $4
       FROM unnest($1::uuid[], $5::uuid[], $6::jsonb[]) AS file (learner_id, from_academy_id, row)
     ON CONFLICT (learner_id, academic_year, to_academy_id) WHERE status = 'pending' DO UPDATE SET
       row = EXCLUDED.row,
       from_academy_id = EXCLUDED.from_academy_id,
       requested_by = EXCLUDED.requested_by,
       requested_at = now()`,
    [
      rows.map((held) => held.learnerId),
      academicYear,
      toAcademyId,
      requestedBy,
      rows.map((held) => held.fromAcademyId),
      rows.map((held) => JSON.stringify(held.row)),
    ],
  );
}
