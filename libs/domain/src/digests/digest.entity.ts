import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What a digest is about: the account manager's portfolio, a client's own engagement, or an executive's due/slipped list. */
export const DIGEST_KINDS = ['portfolio', 'your_engagement', 'due_and_slipped'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];
/** The kinds an admin may choose between (the other roles' kind follows from their role). */
export const ADMIN_DIGEST_KINDS = ['portfolio', 'due_and_slipped'] as const;
export type AdminDigestKind = (typeof ADMIN_DIGEST_KINDS)[number];
export type DigestStatus = 'composed' | 'skipped';
export type DigestTrigger = 'schedule' | 'send_now';

@Entity({ name: 'digest_preferences' })
export class DigestPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  /** ISO weekday, 1 = Monday; null follows the organization's default. */
  @Column({ type: 'smallint', nullable: true }) weekday!: number | null;
  @Column({ type: 'smallint', nullable: true }) hour!: number | null;
  @Column({ name: 'opted_out', type: 'boolean', nullable: true }) optedOut!: boolean | null;
  @Column({ name: 'skip_when_empty', type: 'boolean', nullable: true }) skipWhenEmpty!: boolean | null;
  @Column({ type: 'text', nullable: true }) kind!: AdminDigestKind | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'digests' })
export class Digest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** ISO week in the recipient's timezone when it was claimed, e.g. 2026-W48. */
  @Column({ name: 'iso_week', type: 'text' }) isoWeek!: string;
  @Column({ type: 'text' }) timezone!: string;
  @Column({ type: 'text' }) kind!: DigestKind;
  @Column({ type: 'text' }) status!: DigestStatus;
  @Column({ type: 'text' }) trigger!: DigestTrigger;
  @Column({ type: 'boolean', default: false }) forced!: boolean;
  @Column({ type: 'text', nullable: true }) subject!: string | null;
  @Column({ name: 'engagement_count', type: 'integer', default: 0 }) engagementCount!: number;
  @Column({ name: 'outbox_id', type: 'uuid', nullable: true }) outboxId!: string | null;
  /** One per compose request (its batch, user and week): a retried job finds its own row. */
  @Column({ name: 'request_key', type: 'text', unique: true }) requestKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
