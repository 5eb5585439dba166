import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sign-up waiting for its emailed link (migration 1764800000000-SignupVerification): no organization yet, so only
 * the system task `signup` reaches it. The password is stored hashed, the token as its SHA-256.
 */
@Entity({ name: 'pending_signups' })
export class PendingSignup {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ name: 'organization_name', type: 'text' }) organizationName!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) timezone!: string | null;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
