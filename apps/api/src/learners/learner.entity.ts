import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One learner of the trust, whichever academy they are at: the UPN is unique across the trust. */
@Entity({ name: 'learner' })
export class Learner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Upper case, check letter verified on import. */
  @Column({ type: 'text', unique: true })
  upn: string;

  @Column({ name: 'legal_surname', type: 'text' })
  legalSurname: string;

  @Column({ name: 'legal_forename', type: 'text' })
  legalForename: string;

  @Column({ name: 'preferred_surname', type: 'text', nullable: true })
  preferredSurname: string | null;

  @Column({ name: 'preferred_forename', type: 'text', nullable: true })
  preferredForename: string | null;

  /** ISO YYYY-MM-DD. */
  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  /** Lower-cased UPN and names, kept by PostgreSQL for the trigram search index. */
  @Column({ name: 'search_text', type: 'text', insert: false, update: false, select: false })
  searchText: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
