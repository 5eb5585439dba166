import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a create sent with an `Idempotency-Key` (migrations/1764820000000-IdempotencyKeys.ts). */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  @PrimaryColumn({ type: 'text' }) method!: string;
  @PrimaryColumn({ type: 'text' }) path!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ type: 'smallint' }) status!: number;
  /** json, not jsonb: the answer is replayed byte for byte, keys in their first order. */
  @Column({ type: 'json', nullable: true }) response!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}
