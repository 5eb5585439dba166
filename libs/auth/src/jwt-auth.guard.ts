import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import {
  ActionForbidden,
  ApiTokensService,
  identifyForLog,
  isApiTokenCredential,
  scopeAllows,
  Unauthorized,
  type ApiTokenRefusal,
} from '@app/domain';
import { IS_PUBLIC, SESSION_ONLY } from './decorators';
import type { AuthenticatedRequestUser } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';

const REFUSED: Record<ApiTokenRefusal, () => Unauthorized> = {
  unknown: () => new Unauthorized('AUTH.INVALID_TOKEN', 'The API token is not valid'),
  user_disabled: () => new Unauthorized('AUTH.INVALID_TOKEN', 'The API token is not valid'),
  expired: () => new Unauthorized('AUTH.TOKEN_EXPIRED', 'The API token has expired: create a new one'),
  revoked: () => new Unauthorized('AUTH.TOKEN_REVOKED', 'The API token was revoked'),
};

/**
 * Global: every route needs a valid credential unless marked @Public(): a session's access token (JWT, checked by
 * JwtStrategy) or a personal API token (`thl_pat_…`), which speaks for its user with exactly the user's access, a
 * `read` one for GET requests only. Bad API tokens are counted per client address and throttled like logins.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly apiTokens: ApiTokensService,
    private readonly throttle: LoginThrottle,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedRequestUser }>();
    const credential = bearerCredential(request.headers.authorization);
    if (credential === null || !isApiTokenCredential(credential)) return (await super.canActivate(context)) as boolean;

    await this.throttle.assertApiTokenAttemptsLeft(request.ip);
    const result = await this.apiTokens.authenticate(credential);
    if (!result.ok) {
      this.logger.warn({ event: 'auth.api_token.refused', reason: result.refusal, message: 'API token refused' });
      await this.throttle.countApiTokenFailure(request.ip);
      throw REFUSED[result.refusal]();
    }
    identifyForLog(result.actor.organizationId, result.actor.userId);
    if (this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets)) {
      throw new ActionForbidden('AUTH.SESSION_REQUIRED', 'An API token may not do this: sign in to the dashboard');
    }
    if (!scopeAllows(result.scope, request.method)) {
      throw new ActionForbidden('AUTH.TOKEN_SCOPE', 'This API token has the read scope: it may only read (GET)');
    }
    request.user = { actor: result.actor, sessionId: null, apiTokenId: result.tokenId };
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error) throw error;
    if (!user) {
      const reason =
        info instanceof Error && info.name === 'TokenExpiredError'
          ? 'The access token has expired'
          : 'A valid access token is required';
      throw new Unauthorized(
        info instanceof Error && info.name === 'TokenExpiredError' ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.UNAUTHENTICATED',
        reason,
      );
    }
    return user;
  }
}

/** The credential of `Authorization: Bearer <credential>` (scheme case-insensitive), or null. */
function bearerCredential(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match ? match[1] : null;
}
