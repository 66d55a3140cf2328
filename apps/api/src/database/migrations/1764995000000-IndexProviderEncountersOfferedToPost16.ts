import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-PAL-4 (issue 20): every trust view reads, for each academy, the provider encounters of window 3 offered to
 * Years 12 and 13. Through the `(academy_id, date)` index that visited every encounter of the window (about 0.1 ms
 * an academy, 16 ms of a 100-academy trust's view); this index holds only those encounters, so each academy's
 * look-up finds its few rows directly.
 */
export class IndexProviderEncountersOfferedToPost161764995000000 implements MigrationInterface {
  name = 'IndexProviderEncountersOfferedToPost161764995000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX encounter_provider_offered_post16 ON encounter (academy_id, date)
       WHERE deleted_at IS NULL AND 'pal_provider_encounter' = ANY(categories) AND offered_to @> '{12,13}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX encounter_provider_offered_post16');
  }
}
