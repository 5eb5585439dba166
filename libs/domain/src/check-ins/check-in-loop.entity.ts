import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The weekly check-in loop's rows (migrations/1766100000000-CheckInLoop.ts): one due check-in per active priority per
 * ISO week, and one single-use reminder link per due and recipient. Written and read with SQL
 * (check-in-loop.repository.ts); the entities keep the schema and the metadata in step.
 */
@Entity({ name: 'check_in_dues' })
export class CheckInDue {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'priority_id', type: 'uuid' }) priorityId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'iso_week', type: 'text' }) isoWeek!: string;
  @Column({ name: 'week_start', type: 'date' }) weekStart!: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'check_in_links' })
export class CheckInLink {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'due_id', type: 'uuid' }) dueId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ name: 'check_in_id', type: 'uuid', nullable: true }) checkInId!: string | null;
  @Column({ name: 'outbox_id', type: 'uuid', nullable: true }) outboxId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
