import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import {
  AuditService,
  identifyForLog,
  InvalidInput,
  Clock,
  dummyPasswordHash,
  hashPassword,
  Organization,
  SsoService,
  Unauthorized,
  User,
  UsersService,
  verifyPassword,
  type Actor,
} from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import type { AuthSessionView, ChangePasswordDto, LoginDto, MeView, TokenPairView } from './auth.dto';
import { AuthRepository, type RefreshTokenRow } from './auth.repository';
import { hashToken, TokenService } from './token.service';
import { LoginThrottle } from './login-throttle';

type RefreshOutcome = { issued?: TokenPairView };

const BAD_CREDENTIALS = () => new Unauthorized('AUTH.INVALID_CREDENTIALS', 'Invalid email or password');
const BAD_REFRESH = () =>
  new Unauthorized('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or already used');

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly sso: SsoService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** `clientIp`: the TCP peer, or X-Forwarded-For's client when the peer is a trusted proxy. */
  async login(input: LoginDto, clientIp: string): Promise<AuthSessionView> {
    const attempt = await this.throttle.count(input.email, clientIp);
    // An email names no organization yet: finding its user is one of the system lookups (docs/security-controls.md, "Database isolation").
    const user = await this.db.asSystem('login', () =>
      this.db.transaction((tx) =>
        tx
          .getRepository(User)
          .createQueryBuilder('u')
          .where('lower(u.email) = :email', { email: input.email.trim().toLowerCase() })
          .getOne(),
      ),
    );
    // Always verify once, so an unknown email costs the same time as a wrong password.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !ok || user.disabledAt) throw BAD_CREDENTIALS();
    await this.throttle.succeeded(attempt);
    identifyForLog(user.organizationId, user.id);
    return this.db.forOrganization(user.organizationId, async () => {
      const issued = await this.db.transaction(async (tx) => {
        const tokens = await this.tokens.issue(tx, user);
        await this.audit.record(
          tx,
          { organizationId: user.organizationId, userId: user.id },
          'auth.login',
          'user',
          user.id,
          null,
          null,
        );
        return tokens;
      });
      return { ...issued, user: await this.users.getInOrganization(user.organizationId, user.id) };
    });
  }

  /**
   * Completes a single sign-on (SsoService checks state, PKCE, nonce, email and domain, and finds or provisions the
   * user): a session like a login's, issued in the same transaction, audited as `auth.login` with `method: sso`.
   */
  async signInWithSso(callbackQuery: string, browserBinding: string | undefined): Promise<AuthSessionView> {
    const { issued, organizationId, userId } = await this.sso.complete(
      callbackQuery,
      browserBinding,
      async (tx, user) => {
        const owner = { id: user.id, organizationId: user.organization_id, tokenVersion: user.token_version };
        const tokens = await this.tokens.issue(tx, owner);
        await this.audit.record(
          tx,
          { organizationId: owner.organizationId, userId: owner.id },
          'auth.login',
          'user',
          owner.id,
          null,
          {
            method: 'sso',
          },
        );
        return { issued: tokens, organizationId: owner.organizationId, userId: owner.id };
      },
    );
    identifyForLog(organizationId, userId);
    return this.db.forOrganization(organizationId, async () => ({
      ...issued,
      user: await this.users.getInOrganization(organizationId, userId),
    }));
  }

  /**
   * Rotates: the presented token is used up and its successor, of the same family, returned. Presenting a used or
   * revoked token means it leaked (or the client replayed it): the whole family is revoked. Except just after the
   * rotation: two tabs opened at once both present the one stored token, and the later one gets the same successor.
   */
  async refresh(refreshToken: string): Promise<TokenPairView> {
    // The token names no organization: its owner is a system lookup, everything after runs in that organization.
    const ownerId = await this.db.asSystem('refresh-token', () =>
      this.auth.refreshTokenOwner(this.db.reader, hashToken(refreshToken)),
    );
    if (!ownerId) throw BAD_REFRESH();
    return this.db.forOrganization(ownerId, () => this.rotate(refreshToken));
  }

  private async rotate(refreshToken: string): Promise<TokenPairView> {
    const outcome = await this.db.transaction(async (tx): Promise<RefreshOutcome> => {
      // The row lock makes concurrent requests with one token take turns: only the first rotates it.
      const token = await this.auth.lockRefreshToken(tx, hashToken(refreshToken));
      if (!token) return {};
      // Revoked (logout, disable) without having been used: simply invalid. Used before: replayed, so possibly stolen.
      if (token.revoked_at && !token.used_at) return {};
      if (token.used_at) {
        const repeat = await this.repeatWithinGrace(tx, token, refreshToken);
        return repeat === 'replay' ? this.replayed(tx, token) : repeat;
      }
      if (token.expires_at.getTime() <= this.clock.now().getTime()) return {};
      const user = await this.auth.findUser(tx, token.organization_id, token.user_id);
      if (!user || user.disabledAt) return {};
      await this.auth.markRefreshTokenUsed(tx, token.id, this.clock.now());
      return { issued: await this.tokens.issue(tx, user, token.family_id, this.tokens.successorOf(refreshToken)) };
    });
    if (!outcome.issued) throw BAD_REFRESH();
    return outcome.issued;
  }

  /**
   * A used token presented again within the grace window gets its successor (derived again from it, never stored)
   * with a new access token, while that successor is still the session's live token. Once the successor has been
   * used the client has moved on, and the repeat is a replay like any other.
   */
  private async repeatWithinGrace(
    tx: EntityManager,
    token: RefreshTokenRow,
    refreshToken: string,
  ): Promise<RefreshOutcome | 'replay'> {
    const graceMs = this.options.refreshReuseGraceSeconds * 1000;
    if (graceMs === 0 || this.clock.now().getTime() - token.used_at!.getTime() > graceMs) return 'replay';
    const successorToken = this.tokens.successorOf(refreshToken);
    const successor = await this.auth.findRefreshToken(tx, hashToken(successorToken));
    if (!successor || successor.family_id !== token.family_id) return 'replay';
    // The session ended meanwhile (logout in the other tab, password change, disable): over, but nothing replayed.
    if (successor.revoked_at) return {};
    if (successor.used_at) return 'replay';
    const user = await this.auth.findUser(tx, token.organization_id, token.user_id);
    if (!user || user.disabledAt) return {};
    return { issued: await this.tokens.withAccessToken(user, token.family_id, successorToken) };
  }

  private async replayed(tx: EntityManager, token: RefreshTokenRow): Promise<RefreshOutcome> {
    await this.revokeFamily(tx, token.organization_id, token.family_id);
    await this.audit.record(
      tx,
      { organizationId: token.organization_id, userId: token.user_id },
      'auth.refresh_token_reused',
      'user',
      token.user_id,
      null,
      { familyId: token.family_id },
    );
    this.logger.warn({
      event: 'auth.refresh.reuse_detected',
      organizationId: token.organization_id,
      userId: token.user_id,
      familyId: token.family_id,
      message: 'Refresh token reuse detected: its session family is revoked',
    });
    return {};
  }

  async logout(actor: Actor, sessionId: string, refreshToken?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (refreshToken) {
        const familyId = await this.auth.refreshTokenFamily(
          tx,
          actor.organizationId,
          actor.userId,
          hashToken(refreshToken),
        );
        await this.revokeFamily(tx, actor.organizationId, familyId ?? sessionId);
      } else {
        await this.auth.revokeUserSessions(tx, actor.organizationId, actor.userId);
      }
      await this.revokeFamily(tx, actor.organizationId, sessionId);
      await this.audit.record(tx, actor, 'auth.logout', 'user', actor.userId, null, null);
    });
  }

  /**
   * Changes the caller's own password. The current one must be given (a stolen access token alone cannot take
   * the account over) and is throttled like a login; afterwards every session ends and every access token stops
   * working, this one included: the caller logs in again.
   */
  async changePassword(actor: Actor, input: ChangePasswordDto, clientIp: string): Promise<void> {
    const user = await this.db.transaction((tx) =>
      tx.getRepository(User).findOneOrFail({ where: { organizationId: actor.organizationId, id: actor.userId } }),
    );
    const attempt = await this.throttle.count(user.email, clientIp);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new InvalidInput('AUTH.CURRENT_PASSWORD_WRONG', 'currentPassword is not your current password');
    }
    await this.throttle.succeeded(attempt);
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      await this.auth.setPassword(tx, actor.organizationId, actor.userId, passwordHash);
      await this.auth.revokeUserSessions(tx, actor.organizationId, actor.userId);
      await this.audit.record(tx, actor, 'user.password_changed', 'user', actor.userId, null, null);
    });
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.users.getInOrganization(actor.organizationId, actor.userId);
    const org = await this.db.transaction((tx) =>
      tx.getRepository(Organization).findOne({ where: { id: actor.organizationId } }),
    );
    return {
      ...user,
      organizationName: org!.name,
      organizationTimezone: org!.timezone,
      executiveIds: actor.executiveIds,
    };
  }

  private revokeFamily(tx: EntityManager, organizationId: string, familyId: string): Promise<void> {
    return this.auth.revokeFamily(tx, organizationId, familyId);
  }
}
