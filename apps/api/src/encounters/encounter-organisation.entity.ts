import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'encounter_organisation' })
export class EncounterOrganisation {
  @PrimaryColumn({ name: 'encounter_id', type: 'uuid' })
  encounterId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;
}
