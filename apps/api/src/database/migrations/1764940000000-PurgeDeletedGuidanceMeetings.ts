import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a guidance meeting now removes it: its notes are restricted personal data with no purpose
 * once the meeting is withdrawn, and a soft-deleted row was neither shown, exported to the learner
 * (subject access) nor ever purged. This removes the meetings deleted before. Coverage never counted
 * them, so no bookkeeping changes; the audit trail keeps who deleted which meeting of which learner, when.
 * `deleted_at` and `deleted_by` stay (always null now) so that queries filtering on them keep working.
 * There is no way back: `down` cannot bring the notes back.
 */
export class PurgeDeletedGuidanceMeetings1764940000000 implements MigrationInterface {
  name = 'PurgeDeletedGuidanceMeetings1764940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM guidance_meeting WHERE deleted_at IS NOT NULL`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the purged rows are gone, and the code that deletes rows works on either schema.
  }
}
