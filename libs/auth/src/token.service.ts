import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock, RefreshToken } from '@app/domain';
import { AUTH_OPTIONS, JWT_ALGORITHM, type AccessTokenClaims, type AuthOptions } from './auth-options';

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly clock: Clock,
  ) {}

  /** A new refresh token in `familyId` (a new session when omitted) plus an access token bound to it. */
  async issue(
    tx: EntityManager,
    user: { id: string; organizationId: string; tokenVersion: number },
    familyId: string = randomUUID(),
  ): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.getRepository(RefreshToken).insert({
      organizationId: user.organizationId,
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + this.options.refreshTokenTtlDays * 86_400_000),
      usedAt: null,
      revokedAt: null,
    });
    const claims: AccessTokenClaims = { sub: user.id, org: user.organizationId, ver: user.tokenVersion, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      secret: this.options.jwtSecret,
      expiresIn: this.options.accessTokenTtlSeconds,
      issuer: this.options.issuer,
      audience: this.options.audience,
    });
    return { accessToken, expiresIn: this.options.accessTokenTtlSeconds, refreshToken };
  }
}
