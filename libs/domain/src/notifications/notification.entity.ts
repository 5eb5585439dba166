import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Severity } from '../drift/drift-types';

export const OUTBOX_EVENTS = [
  'alert.raised',
  'alert.escalated',
  'alerts.batch',
  'webhook.disabled',
  'digest.weekly',
  'auth.password_reset',
  'auth.signup_verify',
  'auth.signup_existing',
  'invitation.sent',
  'engagement.executive_changed',
  'check_in.reminder',
  'pulse.requested',
] as const;
export type OutboxEvent = (typeof OUTBOX_EVENTS)[number];
/** How a webhook's body is shaped: the payload itself, a Slack message, or a Microsoft Teams Adaptive Card. */
export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export type OutboxChannel = 'email' | 'webhook';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

@Entity({ name: 'outbox' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Null only for a sign-up's verification email: its organization does not exist yet. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId!: string | null;
  @Column({ name: 'alert_id', type: 'uuid', nullable: true }) alertId!: string | null;
  @Column({ type: 'text' }) event!: OutboxEvent;
  @Column({ type: 'text' }) channel!: OutboxChannel;
  @Column({ name: 'recipient_email', type: 'text', nullable: true }) recipientEmail!: string | null;
  @Column({ name: 'recipient_name', type: 'text', nullable: true }) recipientName!: string | null;
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true }) recipientUserId!: string | null;
  @Column({ name: 'webhook_id', type: 'uuid', nullable: true }) webhookId!: string | null;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'text', default: 'pending' }) status!: OutboxStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  /** While a sender holds the row (claimed, sending): another sender may take it only after this. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true }) claimedUntil!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'webhooks' })
export class Webhook {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) url!: string;
  @Column({ type: 'text' }) secret!: string;
  @Column({ type: 'text' }) format!: WebhookFormat;
  @Column({ name: 'min_severity', type: 'text', default: 'info' }) minSeverity!: Severity;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 }) consecutiveFailures!: number;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'email_enabled', type: 'boolean', default: true }) emailEnabled!: boolean;
  @Column({ name: 'min_severity', type: 'text', default: 'info' }) minSeverity!: Severity;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** An address without an account that opted out of alert emails by its one-click link (alert-opt-out-token.ts). */
@Entity({ name: 'alert_email_opt_outs' })
export class AlertEmailOptOut {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @PrimaryColumn({ type: 'text' }) email!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
