import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlaybookFunction } from './playbook.dto';
import type { PlanPriority } from './playbook-plan';

/** The playbook that lasts across edits: which version is current, archived or not (migration 1765100000000). */
@Entity({ name: 'playbooks' })
export class Playbook {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One immutable version: the plan as it was written. */
@Entity({ name: 'playbook_versions' })
export class PlaybookVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'playbook_id', type: 'uuid' }) playbookId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) function!: PlaybookFunction;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'jsonb' }) plan!: PlanPriority[];
  @Column({ name: 'source_engagement_id', type: 'uuid', nullable: true }) sourceEngagementId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A version applied to an engagement from a start date; the priorities it created point here. */
@Entity({ name: 'playbook_applications' })
export class PlaybookApplication {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'playbook_version_id', type: 'uuid' }) playbookVersionId!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'applied_by', type: 'uuid', nullable: true }) appliedBy!: string | null;
  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' }) appliedAt!: Date;
}
