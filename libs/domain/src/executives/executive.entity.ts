import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const FUNCTIONS = ['CRO', 'CMO', 'CPO'] as const;
export type ExecutiveFunction = (typeof FUNCTIONS)[number];

@Entity({ name: 'executives' })
export class Executive {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text', array: true }) functions!: ExecutiveFunction[];
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  /** The key of the CSV row it was imported from (issue 19); read and written only by the import (libs/domain/src/imports). */
  @Column({ name: 'external_key', type: 'text', nullable: true, select: false }) externalKey?: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
