import type { OrganisationSizeBand, OrganisationType, Sector } from '@encounters/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An employer, college, university, training provider or other body that meets learners. Trust-wide. */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: OrganisationType;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: Sector[];

  @Column({ name: 'size_band', type: 'text', nullable: true })
  sizeBand: OrganisationSizeBand | null;

  @Column({ name: 'offers_technical_education', type: 'boolean', default: false })
  offersTechnicalEducation: boolean;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
