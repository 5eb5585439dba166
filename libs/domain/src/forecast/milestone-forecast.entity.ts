import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An open milestone's landing-date forecast, rewritten by every drift scan of its organization
 * (migrations/1765300000000-MilestoneForecasts.ts). Written and read with SQL (forecast.repository.ts); the entity
 * keeps the schema and the metadata in step.
 */
@Entity({ name: 'milestone_forecasts' })
export class MilestoneForecast {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @PrimaryColumn({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @Column({ name: 'p50_date', type: 'date' }) p50Date!: string;
  @Column({ name: 'p80_date', type: 'date' }) p80Date!: string;
  @Column({ name: 'sample_size', type: 'integer' }) sampleSize!: number;
  @Column({ type: 'text' }) basis!: string;
  /** When the forecast was last computed as it stands (a scan that changes nothing leaves the row alone). */
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
  /** The P80 a move is measured from: the first P80, then the latest move's (migrations/1766900000000-ForecastMoves.ts). */
  @Column({ name: 'reference_p80', type: 'date' }) referenceP80!: string;
  /** The P80 before the latest move of more than a week, null when it never moved. */
  @Column({ name: 'previous_p80', type: 'date', nullable: true }) previousP80!: string | null;
  /** When a scan saw that move. */
  @Column({ name: 'moved_at', type: 'timestamptz', nullable: true }) movedAt!: Date | null;
}
