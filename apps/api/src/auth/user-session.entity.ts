import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in session. The id is the SHA-256 of the token the client holds, so a database leak reveals no tokens. */
@Entity({ name: 'user_session' })
export class UserSession {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: 'cookie' | 'bearer';

  @Column({ name: 'csrf_token', type: 'text', nullable: true })
  csrfToken: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'text', nullable: true })
  ip: string | null;
}
