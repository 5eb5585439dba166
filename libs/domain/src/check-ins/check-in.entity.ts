import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RAGS = ['on_track', 'at_risk', 'off_track'] as const;
export type Rag = (typeof RAGS)[number];

/** One blocker of a check-in; `needsClientAction` marks it as an ask of the client (their summary lists it). */
export interface CheckInBlocker {
  text: string;
  needsClientAction: boolean;
}

@Entity({ name: 'check_ins' })
export class CheckIn {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'priority_id', type: 'uuid' }) priorityId!: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ type: 'text' }) rag!: Rag;
  @Column({ type: 'smallint' }) confidence!: number;
  @Column({ type: 'text' }) note!: string;
  @Column({ type: 'text', nullable: true }) blockers!: string | null;
  /** The blockers need the client's action (an "ask" on the client executive's summary). */
  @Column({ name: 'blockers_need_client_action', type: 'boolean', default: false }) blockersNeedClientAction!: boolean;
  @Column({ name: 'blocker_items', type: 'jsonb', default: () => "'[]'" }) blockerItems!: CheckInBlocker[];
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
