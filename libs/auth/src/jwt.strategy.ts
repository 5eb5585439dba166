import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Db } from '@app/database/transaction';
import { identifyForLog, Unauthorized, type Actor } from '@app/domain';
import { AUTH_OPTIONS, JWT_ALGORITHM, type AccessTokenClaims, type AuthOptions } from './auth-options';
import { AuthRepository } from './auth.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuthenticatedRequestUser {
  actor: Actor;
  /** The session of a login's access token; null for a personal API token (which has none). */
  sessionId: string | null;
  /** Set when the request came with a personal API token. */
  apiTokenId?: string;
}

/**
 * Verifies signature, algorithm, issuer, audience and expiry, then resolves the actor in one query:
 * a disabled user, a bumped token version or a closed session make the token worthless at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_OPTIONS) options: AuthOptions,
    private readonly db: Db,
    private readonly auth: AuthRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once (jsonwebtoken 9 takes one; @types/passport-jwt predates it). Given a string, jsonwebtoken
      // tries createPublicKey, which throws, then createSecretKey, on every request: 8% of the API's CPU under load.
      secretOrKey: createSecretKey(Buffer.from(options.jwtSecret)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims> & { exp?: number }): Promise<AuthenticatedRequestUser> {
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.sub !== 'string' ||
      typeof claims.org !== 'string' ||
      typeof claims.sid !== 'string' ||
      typeof claims.ver !== 'number'
    ) {
      throw new Unauthorized('AUTH.INVALID_TOKEN', 'The access token is malformed');
    }
    if (!UUID.test(claims.sub) || !UUID.test(claims.org) || !UUID.test(claims.sid)) {
      throw new Unauthorized('AUTH.INVALID_TOKEN', 'The access token is malformed');
    }
    const { sub, org, sid } = claims;
    const user = await this.db.forOrganization(org, () => this.auth.principal(this.db.reader, org, sub, sid));
    if (!user || user.disabled_at || user.token_version !== claims.ver || !user.session_open) {
      throw new Unauthorized('AUTH.TOKEN_REVOKED', 'The access token is no longer valid: log in again');
    }
    identifyForLog(user.organization_id, user.id);
    return {
      actor: {
        userId: user.id,
        organizationId: user.organization_id,
        role: user.role,
        email: user.email,
        executiveIds: user.executive_ids ?? [],
        clientIds: user.client_ids ?? [],
      },
      sessionId: claims.sid,
    };
  }
}
