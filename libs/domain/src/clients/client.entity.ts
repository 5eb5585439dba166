import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CLIENT_STAGES = ['emerging', 'growth', 'enterprise'] as const;
export type ClientStage = (typeof CLIENT_STAGES)[number];
export const CLIENT_STATUSES = ['active', 'inactive'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

@Entity({ name: 'clients' })
export class Client {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) industry!: string | null;
  @Column({ type: 'text' }) stage!: ClientStage;
  @Column({ type: 'text', default: 'active' }) status!: ClientStatus;
  @Column({ name: 'account_manager_id', type: 'uuid', nullable: true }) accountManagerId!: string | null;
  /** The key of the CSV row it was imported from (issue 19); read and written only by the import (libs/domain/src/imports). */
  @Column({ name: 'external_key', type: 'text', nullable: true, select: false }) externalKey?: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
