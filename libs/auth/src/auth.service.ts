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
  Unauthorized,
  User,
  UsersService,
  verifyPassword,
  type Actor,
} from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import type { AuthSessionView, ChangePasswordDto, LoginDto, MeView, TokenPairView } from './auth.dto';
import { AuthRepository } from './auth.repository';
import { hashToken, TokenService } from './token.service';
import { LoginThrottle } from './login-throttle';

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
   * Rotates: the presented token is used up and a new one of the same family returned. Presenting a
   * used or revoked token means it leaked (or the client replayed it): the whole family is revoked.
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
    const outcome = await this.db.transaction(async (tx): Promise<{ issued?: TokenPairView; reuse?: boolean }> => {
      const token = await this.auth.lockRefreshToken(tx, hashToken(refreshToken));
      if (!token) return {};
      // Revoked (logout, disable) without having been used: simply invalid. Used before: replayed, so possibly stolen.
      if (token.revoked_at && !token.used_at) return {};
      if (token.used_at) {
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
        return { reuse: true };
      }
      if (token.expires_at.getTime() <= this.clock.now().getTime()) return {};
      const user = await this.auth.findUser(tx, token.organization_id, token.user_id);
      if (!user || user.disabledAt) return {};
      await this.auth.markRefreshTokenUsed(tx, token.id);
      return { issued: await this.tokens.issue(tx, user, token.family_id) };
    });
    if (!outcome.issued) throw BAD_REFRESH();
    return outcome.issued;
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
