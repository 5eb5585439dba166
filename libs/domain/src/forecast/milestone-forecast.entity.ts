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
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
}
