import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExecutiveFunction } from '../executives/executive.entity';
import { numericToNumber } from '../shared/column-transformers';

export const ENGAGEMENT_STATUSES = [
  'proposed',
  'active',
  'paused',
  'renewing',
  'ended',
  'completed',
  'cancelled',
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/** How often a check-in is due on each active priority: weekly (on the organization's check-in day), or off. */
export const CHECK_IN_CADENCES = ['weekly', 'off'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];

@Entity({ name: 'engagements' })
export class Engagement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'executive_id', type: 'uuid' }) executiveId!: string;
  @Column({ type: 'text' }) function!: ExecutiveFunction;
  @Column({ type: 'text' }) status!: EngagementStatus;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'planned_end_date', type: 'date', nullable: true }) plannedEndDate!: string | null;
  @Column({ name: 'days_per_week', type: 'numeric', precision: 3, scale: 1, transformer: numericToNumber })
  daysPerWeek!: number;
  /** The key of the CSV row it was imported from (issue 19); read and written only by the import (libs/domain/src/imports). */
  @Column({ name: 'external_key', type: 'text', nullable: true, select: false }) externalKey?: string | null;
  /** Last day of the current term (null: open-ended). */
  @Column({ name: 'term_end_date', type: 'date', nullable: true }) termEndDate!: string | null;
  /** When the renewal would start (or be decided); the portfolio's "renewing soon" looks at it. */
  @Column({ name: 'renewal_date', type: 'date', nullable: true }) renewalDate!: string | null;
  /** Days before the term end by which either side must give notice. */
  @Column({ name: 'notice_period_days', type: 'integer', default: 0 }) noticePeriodDays!: number;
  @Column({ name: 'auto_renew', type: 'boolean', default: false }) autoRenew!: boolean;
  /** Weekly check-ins on the organization's check-in day, or none (migrations/1766100000000-CheckInLoop.ts). */
  @Column({ name: 'check_in_cadence', type: 'text', default: 'weekly' }) checkInCadence!: CheckInCadence;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'allocation_changes' })
export class AllocationChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'effective_date', type: 'date' }) effectiveDate!: string;
  @Column({ name: 'days_per_week', type: 'numeric', precision: 3, scale: 1, transformer: numericToNumber })
  daysPerWeek!: number;
  @Column({
    name: 'previous_days_per_week',
    type: 'numeric',
    precision: 3,
    scale: 1,
    nullable: true,
    transformer: numericToNumber,
  })
  previousDaysPerWeek!: number | null;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
