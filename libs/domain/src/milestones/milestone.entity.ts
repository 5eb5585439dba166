import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericToNumber } from '../shared/column-transformers';

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

@Entity({ name: 'milestones' })
export class Milestone {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'priority_id', type: 'uuid' }) priorityId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'baseline_due_date', type: 'date' }) baselineDueDate!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ name: 'forecast_date', type: 'date', nullable: true }) forecastDate!: string | null;
  @Column({ type: 'text' }) status!: MilestoneStatus;
  @Column({ type: 'numeric', precision: 6, scale: 2, default: 1, transformer: numericToNumber }) weight!: number;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** The key of the CSV row it was imported from (issue 19); read and written only by the import (libs/domain/src/imports). */
  @Column({ name: 'external_key', type: 'text', nullable: true, select: false }) externalKey?: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * Why a due date moved, next to the free text: the client (its people, decisions, legal), the executive's own
 * planning, the allocation (days bought), a dependency (vendor, partner, another team) or a change of scope.
 * Client- and allocation-caused re-plans are not the executive's drift: the drift score leaves them out.
 */
export const REPLAN_CATEGORIES = ['client', 'executive', 'allocation', 'dependency', 'scope'] as const;
export type ReplanCategory = (typeof REPLAN_CATEGORIES)[number];
/** Re-plan causes outside the executive's hands. */
export const EXTERNAL_REPLAN_CATEGORIES: readonly ReplanCategory[] = ['client', 'allocation'];

@Entity({ name: 'milestone_due_date_changes' })
export class MilestoneDueDateChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
  @Column({ name: 'old_due_date', type: 'date' }) oldDueDate!: string;
  @Column({ name: 'new_due_date', type: 'date' }) newDueDate!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) category!: ReplanCategory;
  /** The order the changes were written in, under the milestone's row lock: the history's order. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'BY DEFAULT', insert: false, update: false })
  seq!: string;
}
