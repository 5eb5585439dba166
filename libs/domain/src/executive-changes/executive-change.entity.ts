import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A change of the placed executive on an engagement, kept as history like allocation changes
 * (migrations/1766300000000-ExecutiveChanges.ts), with its handover pack frozen when it was recorded. Written and
 * read with SQL (executive-changes.repository.ts); the entity keeps the schema and the metadata in step.
 */
@Entity({ name: 'executive_changes' })
export class ExecutiveChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'from_executive_id', type: 'uuid' }) fromExecutiveId!: string;
  @Column({ name: 'to_executive_id', type: 'uuid' }) toExecutiveId!: string;
  @Column({ name: 'effective_date', type: 'date' }) effectiveDate!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'jsonb' }) handover!: Record<string, unknown>;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  /** When the engagement's executive (and with it access) moved; null while the change waits for its date. */
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true }) appliedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
