import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PRIORITY_STATUSES = ['draft', 'active', 'achieved', 'dropped'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

@Entity({ name: 'priorities' })
export class Priority {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'integer' }) rank!: number;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId!: string;
  @Column({ type: 'text' }) status!: PriorityStatus;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'target_date', type: 'date' }) targetDate!: string;
  /** The key of the CSV row it was imported from (issue 19); read and written only by the import (libs/domain/src/imports). */
  @Column({ name: 'external_key', type: 'text', nullable: true, select: false }) externalKey?: string | null;
  /** The playbook application that created it (libs/domain/src/playbooks), if any. */
  @Column({ name: 'playbook_application_id', type: 'uuid', nullable: true }) playbookApplicationId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
