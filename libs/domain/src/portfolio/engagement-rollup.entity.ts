import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OpenAlertCount, PriorityAggregate } from './portfolio.repository';

/**
 * The portfolio's maintained read model, one row per engagement (migrations/1765600000000-EngagementRollups.ts).
 * Written only by `refresh_engagement_rollups`, which triggers call on every write to what it reads; read by
 * PortfolioRepository.page. Mapped here so the schema check knows the table; nothing saves it through TypeORM.
 */
@Entity({ name: 'engagement_rollups' })
export class EngagementRollup {
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @PrimaryColumn({ name: 'engagement_id', type: 'uuid' }) engagementId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'executive_id', type: 'uuid' }) executiveId!: string;
  @Column({ type: 'text' }) function!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'client_sort', type: 'text' }) clientSort!: string;
  @Column({ name: 'next_due', type: 'date', nullable: true }) nextDue!: string | null;
  @Column({ name: 'drift_score', type: 'smallint', nullable: true }) driftScore!: number | null;
  @Column({ name: 'drift_trend', type: 'json' }) driftTrend!: Array<{ date: string; score: number }>;
  @Column({ name: 'open_alerts', type: 'json' }) openAlerts!: OpenAlertCount[];
  @Column({ type: 'json' }) priorities!: PriorityAggregate[];
  @Column({ name: 'refreshed_at', type: 'timestamptz' }) refreshedAt!: Date;
}
