import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PULSE_REASONS = ['monthly', 'priority_achieved'] as const;
export type PulseReason = (typeof PULSE_REASONS)[number];

/** A client viewer's answer to "How satisfied are you with progress?" for one engagement (issue 18). */
@Entity({ name: 'client_pulses' })
export class ClientPulse {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'smallint' }) score!: number;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'text' }) reason!: PulseReason;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * The monthly pulse question sent to one client viewer for one engagement in one month (the recipient's calendar
 * month): unique, so the monthly email never goes out twice in a month (migrations/1766800000000-ClientPulseRequests).
 */
@Entity({ name: 'client_pulse_requests' })
export class ClientPulseRequest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) month!: string;
  @Column({ name: 'outbox_id', type: 'uuid', nullable: true }) outboxId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
