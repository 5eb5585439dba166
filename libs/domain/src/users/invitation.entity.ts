import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An invitation by email (migrations/1765000000000-Invitations.ts; libs/auth/src/invitations works it with SQL).
 * Only the token's SHA-256 is stored. The entity keeps the schema and the metadata in step.
 */
@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'client_ids', type: 'uuid', array: true, default: () => "'{}'" }) clientIds!: string[];
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy!: string | null;
  @Column({ name: 'sent_count', type: 'integer', default: 1 }) sentCount!: number;
  @Column({ name: 'last_sent_at', type: 'timestamptz', default: () => 'now()' }) lastSentAt!: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'accepted_user_id', type: 'uuid', nullable: true }) acceptedUserId!: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
