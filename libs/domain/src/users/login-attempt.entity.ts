import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counters of rate-limiter-flexible's PostgreSQL store (its own column layout), shared by every API process.
 * Keys are hashes (never an email or an address in clear); rows expire with the window.
 */
@Entity({ name: 'login_attempts' })
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  @Column({ type: 'integer', default: 0 }) points!: number;
  /** Epoch milliseconds when the window ends. */
  @Column({ type: 'bigint', nullable: true }) expire!: string | null;
}
