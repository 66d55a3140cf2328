import { isRosterField, normaliseRosterHeader, type RosterHeaderMapping } from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The header mappings careers leads gave for an academy's exports, so that next month's file from the same MIS
 * imports with no questions. Keyed by the header normalised as the import matches it.
 */
@Injectable()
export class RosterMappingStore {
  async load(manager: EntityManager, academyId: string): Promise<RosterHeaderMapping> {
    const rows: { header: string; field: string }[] = await manager.query(
      'SELECT header, field FROM roster_header_mapping WHERE academy_id = $1',
      [academyId],
    );
    return Object.fromEntries(
      rows
        .filter((row) => row.field === 'ignore' || isRosterField(row.field))
        .map((row) => [row.header, row.field]),
    ) as RosterHeaderMapping;
  }

  async save(
    manager: EntityManager,
    academyId: string,
    mapping: RosterHeaderMapping,
    actorId: string | null,
  ): Promise<void> {
    const entries = new Map(
      Object.entries(mapping).map(([header, field]) => [normaliseRosterHeader(header), field] as const),
    );
    await manager.query(
      `INSERT INTO roster_header_mapping (academy_id, header, field, updated_by)
       SELECT $1, header, field, $4 FROM unnest($2::text[], $3::text[]) AS given (header, field)
       ON CONFLICT (academy_id, header) DO UPDATE SET
         field = EXCLUDED.field, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [academyId, [...entries.keys()], [...entries.values()], actorId],
    );
  }
}
