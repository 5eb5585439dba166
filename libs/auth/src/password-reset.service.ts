import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Db } from '@app/database/transaction';
import { AuditService, Clock, hashPassword, InvalidInput, NotificationJobs, User } from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { LoginThrottle } from './login-throttle';
import { passwordResetEmail } from './password-reset-email';
import { hashToken } from './token.service';

/**
 * Every reset request takes at least this long, known email or not: writing the token and queueing the email
 * (tens of milliseconds) would otherwise tell an observer which emails have accounts.
 */
export const RESET_REQUEST_MIN_MS = 300;

const BAD_RESET_TOKEN = () => new InvalidInput('AUTH.INVALID_RESET_TOKEN', 'The reset token is invalid, expired or already used');

/**
 * Password reset by emailed single-use token. The request answers the same whether or not the email belongs to
 * an account (no enumeration) and is throttled per account and per IP; the email goes through the outbox and the
 * worker like every other one. Only the token's SHA-256 is stored; a reset uses up every outstanding token of
 * the user, ends every session and makes every access token stop working.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jobs: NotificationJobs,
    private readonly throttle: LoginThrottle,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async request(email: string, clientIp: string): Promise<void> {
    const started = Date.now();
    try {
      await this.issue(email, clientIp);
    } finally {
      await sleep(Math.max(0, RESET_REQUEST_MIN_MS - (Date.now() - started)));
    }
  }

  private async issue(email: string, clientIp: string): Promise<void> {
    await this.throttle.countResetRequest(email, clientIp);
    const user = await this.db.asSystem('password-reset', () =>
      this.db.transaction((tx) => tx.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email: email.trim().toLowerCase() }).getOne()),
    );
    if (!user || user.disabledAt) return;
    await this.db.forOrganization(user.organizationId, () => this.issueFor(user));
  }

  private async issueFor(user: User): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const minutes = this.options.passwordResetTtlMinutes;
    const message = passwordResetEmail({ name: user.name, publicUrl: this.options.publicUrl, token, validMinutes: minutes });
    const outboxId = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO password_reset_tokens (organization_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
        [user.organizationId, user.id, hashToken(token), new Date(this.clock.now().getTime() + minutes * 60_000)],
      );
      const [row]: Array<{ id: string }> = await tx.query(
        `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
         VALUES ($1, 'auth.password_reset', 'email', $2, $3, $4, $5::jsonb) RETURNING id`,
        [user.organizationId, user.email, user.name, user.id, JSON.stringify(message)],
      );
      await this.audit.record(tx, { organizationId: user.organizationId, userId: null }, 'user.password_reset_requested', 'user', user.id, null, null);
      return row.id;
    });
    await this.jobs.deliver([outboxId]);
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    const [owner]: Array<{ organization_id: string }> = await this.db.asSystem('password-reset', () =>
      this.db.reader.query(`SELECT organization_id FROM password_reset_tokens WHERE token_hash = $1`, [hashToken(token)]),
    );
    if (!owner) throw BAD_RESET_TOKEN();
    await this.db.forOrganization(owner.organization_id, () => this.reset(token, passwordHash));
  }

  private async reset(token: string, passwordHash: string): Promise<void> {
    const done = await this.db.transaction(async (tx) => {
      const [row]: Array<{ organization_id: string; user_id: string; expires_at: Date; used_at: Date | null }> = await tx.query(
        `SELECT organization_id, user_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hashToken(token)],
      );
      if (!row || row.used_at || row.expires_at.getTime() <= this.clock.now().getTime()) return false;
      const [user]: Array<{ disabled_at: Date | null }> = await tx.query(
        `SELECT disabled_at FROM users WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [row.organization_id, row.user_id],
      );
      if (!user || user.disabled_at) return false;
      await tx.query(`UPDATE password_reset_tokens SET used_at = now() WHERE organization_id = $1 AND user_id = $2 AND used_at IS NULL`, [row.organization_id, row.user_id]);
      await tx.query(`UPDATE users SET password_hash = $3, token_version = token_version + 1, updated_at = now() WHERE organization_id = $1 AND id = $2`, [row.organization_id, row.user_id, passwordHash]);
      await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [row.organization_id, row.user_id]);
      await this.audit.record(tx, { organizationId: row.organization_id, userId: row.user_id }, 'user.password_reset', 'user', row.user_id, null, null);
      this.logger.log(`Password reset for user ${row.user_id}`);
      return true;
    });
    if (!done) throw BAD_RESET_TOKEN();
  }
}
