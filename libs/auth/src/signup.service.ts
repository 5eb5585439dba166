import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Db } from '@app/database/transaction';
import {
  ActionForbidden,
  AuditService,
  Clock,
  DomainError,
  hashPassword,
  InvalidInput,
  NotificationJobs,
  UsersService,
} from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import type { AuthSessionView, SignupDto } from './auth.dto';
import { AuthRepository } from './auth.repository';
import { LoginThrottle } from './login-throttle';
import { RESET_REQUEST_MIN_MS } from './password-reset.service';
import { signupExistingAccountEmail, signupVerificationEmail } from './signup-email';
import { SignupRepository, type PendingSignupRow } from './signup.repository';
import { hashToken, TokenService } from './token.service';

/** A verification link stays valid this long: a day covers a sign-up finished after a meeting or overnight. */
export const SIGNUP_LINK_VALID_HOURS = 24;

const BAD_SIGNUP_TOKEN = () =>
  new InvalidInput('AUTH.INVALID_SIGNUP_TOKEN', 'The sign-up link is invalid, expired or already used');

/**
 * Sign-up in two steps, so the answer never says whether an address has an account (issue 15, finding 4).
 * `request` answers the same, no sooner than the password reset request's floor, for every address: a free one gets
 * a pending sign-up (the password already hashed, a single-use token stored as its SHA-256) and an emailed link; a
 * taken one gets an email saying it already has an account. `verify` with the link's token creates the organization
 * and its first admin and signs them in.
 */
@Injectable()
export class SignupService {
  constructor(
    private readonly db: Db,
    private readonly signups: SignupRepository,
    private readonly auth: AuthRepository,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jobs: NotificationJobs,
    private readonly throttle: LoginThrottle,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async request(input: SignupDto, clientIp: string): Promise<void> {
    if (!this.options.signupEnabled)
      throw new ActionForbidden('AUTH.SIGNUP_DISABLED', 'Sign-up is disabled on this installation');
    const started = Date.now();
    try {
      await this.throttle.countSignupRequest(input.email, clientIp);
      // Hashed for taken addresses too, so both paths cost the same work.
      const passwordHash = await hashPassword(input.password);
      const outboxId = await this.db.asSystem('signup', () => this.store(input, passwordHash));
      if (outboxId) await this.jobs.deliver([outboxId]);
    } finally {
      await sleep(Math.max(0, RESET_REQUEST_MIN_MS - (Date.now() - started)));
    }
  }

  /** The outbox row of the email to send, or null when nothing is sent (the address's account is disabled). */
  private store(input: SignupDto, passwordHash: string): Promise<string | null> {
    const email = input.email.trim().toLowerCase();
    return this.db.transaction(async (tx) => {
      const account = await this.signups.findAccount(tx, email);
      if (account) {
        // A disabled person receives nothing.
        if (account.disabled_at) return null;
        const message = signupExistingAccountEmail({ name: account.name, publicUrl: this.options.publicUrl });
        return this.signups.queueExistingAccountEmail(tx, account, message);
      }
      const token = randomBytes(32).toString('base64url');
      const name = input.name.trim();
      const organizationName = input.organizationName.trim();
      await this.signups.insertPending(tx, {
        email,
        organization_name: organizationName,
        name,
        timezone: input.timezone ?? null,
        password_hash: passwordHash,
        token_hash: hashToken(token),
        expires_at: new Date(this.clock.now().getTime() + SIGNUP_LINK_VALID_HOURS * 3_600_000),
      });
      const message = signupVerificationEmail({
        name,
        organizationName,
        publicUrl: this.options.publicUrl,
        token,
        validHours: SIGNUP_LINK_VALID_HOURS,
      });
      return this.signups.queueVerificationEmail(tx, { email, name }, message);
    });
  }

  async verify(token: string): Promise<AuthSessionView> {
    if (!this.options.signupEnabled)
      throw new ActionForbidden('AUTH.SIGNUP_DISABLED', 'Sign-up is disabled on this installation');
    const pending = await this.db.asSystem('signup', () =>
      this.db.transaction((tx) => this.signups.useToken(tx, hashToken(token), this.clock.now())),
    );
    if (!pending) throw BAD_SIGNUP_TOKEN();
    try {
      return await this.createOrganization(pending);
    } catch (error) {
      // The address taken meanwhile (USER.EMAIL_TAKEN, told to the address's owner) uses the link up; anything else
      // (the database gone mid-way) leaves it usable again, since nothing was created.
      if (!(error instanceof DomainError))
        await this.db.asSystem('signup', () => this.db.transaction((tx) => this.signups.releaseToken(tx, pending.id)));
      throw error;
    }
  }

  /** The new organization's id is chosen here, so even its creation runs in its own tenant scope, not as the system. */
  private createOrganization(pending: PendingSignupRow): Promise<AuthSessionView> {
    const organizationId = randomUUID();
    return this.db.forOrganization(organizationId, async () => {
      const { user, issued } = await this.db.transaction(async (tx) => {
        const org = await this.auth.createOrganization(tx, {
          id: organizationId,
          name: pending.organization_name,
          timezone: pending.timezone ?? 'UTC',
          settings: {},
          isDemo: false,
        });
        const user = await this.users.insertUser(tx, org.id, {
          email: pending.email,
          name: pending.name,
          role: 'admin',
          passwordHash: pending.password_hash,
          timezone: pending.timezone,
        });
        await this.audit.record(
          tx,
          { organizationId: org.id, userId: user.id },
          'organization.created',
          'organization',
          org.id,
          null,
          org,
        );
        return { user, issued: await this.tokens.issue(tx, user) };
      });
      return { ...issued, user: await this.users.getInOrganization(user.organizationId, user.id) };
    });
  }
}
