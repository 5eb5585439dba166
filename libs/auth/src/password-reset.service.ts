import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Db } from '@app/database/transaction';
import { AuditService, Clock, hashPassword, InvalidInput, NotificationJobs, User } from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { AuthRepository } from './auth.repository';
import { LoginThrottle } from './login-throttle';
import { passwordResetEmail } from './password-reset-email';
import { hashToken } from './token.service';

/**
 * Every reset request takes at least this long, known email or not: writing the token and queueing the email
 * (tens of milliseconds) would otherwise tell an observer which emails have accounts.
 */
export const RESET_REQUEST_MIN_MS = 300;

const BAD_RESET_TOKEN = () =>
  new InvalidInput('AUTH.INVALID_RESET_TOKEN', 'The reset token is invalid, expired or already used');

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
    private readonly auth: AuthRepository,
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
      this.db.transaction((tx) =>
        tx
          .getRepository(User)
          .createQueryBuilder('u')
          .where('lower(u.email) = :email', { email: email.trim().toLowerCase() })
          .getOne(),
      ),
    );
    if (!user || user.disabledAt) return;
    await this.db.forOrganization(user.organizationId, () => this.issueFor(user));
  }

  private async issueFor(user: User): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const minutes = this.options.passwordResetTtlMinutes;
    const message = passwordResetEmail({
      name: user.name,
      publicUrl: this.options.publicUrl,
      token,
      validMinutes: minutes,
    });
    const outboxId = await this.db.transaction(async (tx) => {
      await this.auth.insertResetToken(
        tx,
        user.organizationId,
        user.id,
        hashToken(token),
        new Date(this.clock.now().getTime() + minutes * 60_000),
      );
      const id = await this.auth.queueResetEmail(tx, user.organizationId, user, message);
      await this.audit.record(
        tx,
        { organizationId: user.organizationId, userId: null },
        'user.password_reset_requested',
        'user',
        user.id,
        null,
        null,
      );
      return id;
    });
    await this.jobs.deliver([outboxId]);
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    const ownerId = await this.db.asSystem('password-reset', () =>
      this.auth.resetTokenOwner(this.db.reader, hashToken(token)),
    );
    if (!ownerId) throw BAD_RESET_TOKEN();
    await this.db.forOrganization(ownerId, () => this.reset(token, passwordHash));
  }

  private async reset(token: string, passwordHash: string): Promise<void> {
    const done = await this.db.transaction(async (tx) => {
      const row = await this.auth.lockResetToken(tx, hashToken(token));
      if (!row || row.used_at || row.expires_at.getTime() <= this.clock.now().getTime()) return false;
      const user = await this.auth.lockUserDisabledAt(tx, row.organization_id, row.user_id);
      if (!user || user.disabled_at) return false;
      await this.auth.useUpResetTokens(tx, row.organization_id, row.user_id);
      await this.auth.setPassword(tx, row.organization_id, row.user_id, passwordHash);
      await this.auth.revokeUserSessions(tx, row.organization_id, row.user_id);
      await this.audit.record(
        tx,
        { organizationId: row.organization_id, userId: row.user_id },
        'user.password_reset',
        'user',
        row.user_id,
        null,
        null,
      );
      this.logger.log(`Password reset for user ${row.user_id}`);
      return true;
    });
    if (!done) throw BAD_RESET_TOKEN();
  }
}
