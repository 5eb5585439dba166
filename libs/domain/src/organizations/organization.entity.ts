import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganizationSettings } from './organization-settings';

@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: 'UTC' }) timezone!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) settings!: Partial<OrganizationSettings>;
  @Column({ name: 'is_demo', type: 'boolean', default: false }) isDemo!: boolean;
  @Column({ name: 'last_drift_scan_at', type: 'timestamptz', nullable: true }) lastDriftScanAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
