import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DriftRule, Severity, SubjectType } from './drift-types';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_EVENT_KINDS = [
  'raised',
  'escalated',
  'acknowledged',
  'resolved',
  'auto_resolved',
  'reopened',
] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

@Entity({ name: 'drift_alerts' })
export class DriftAlert {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) rule!: DriftRule;
  @Column({ name: 'subject_type', type: 'text' }) subjectType!: SubjectType;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column({ name: 'engagement_id', type: 'uuid', nullable: true }) engagementId!: string | null;
  @Column({ type: 'text' }) severity!: Severity;
  @Column({ type: 'text' }) status!: AlertStatus;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, unknown>;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'drift_alert_events' })
export class DriftAlertEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'alert_id', type: 'uuid' }) alertId!: string;
  @Column({ type: 'text' }) kind!: AlertEventKind;
  @Column({ type: 'text' }) severity!: Severity;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'drift_snapshots' })
export class DriftSnapshot {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @PrimaryColumn({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @PrimaryColumn({ name: 'snapshot_date', type: 'date' }) snapshotDate!: string;
  @Column({ type: 'smallint' }) score!: number;
  @Column({ name: 'open_alerts', type: 'integer', default: 0 }) openAlerts!: number;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
