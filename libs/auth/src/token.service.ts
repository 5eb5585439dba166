import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock, RefreshToken } from '@app/domain';
import { AUTH_OPTIONS, JWT_ALGORITHM, type AccessTokenClaims, type AuthOptions } from './auth-options';

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

type TokenOwner = { id: string; organizationId: string; tokenVersion: number };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class TokenService {
  /** Keys the successor derivation; derived from the JWT secret, apart from the signing use by its label. */
  private readonly successorKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly clock: Clock,
  ) {
    this.successorKey = Buffer.from(
      hkdfSync('sha256', options.jwtSecret, '', 'throughline refresh-token successor', 32),
    );
  }

  /**
   * The refresh token that rotating `refreshToken` issues: a keyed hash of it, so a concurrent request presenting
   * the same token can be given the same successor again without the successor being stored anywhere but as its
   * SHA-256. Unguessable without the server's secret, like a random token.
   */
  successorOf(refreshToken: string): string {
    return createHmac('sha256', this.successorKey).update(refreshToken).digest('base64url');
  }

  /**
   * Stores `refreshToken` (32 random bytes when omitted) in `familyId` (a new session when omitted) and returns it
   * with an access token bound to that session.
   */
  async issue(
    tx: EntityManager,
    user: TokenOwner,
    familyId: string = randomUUID(),
    refreshToken: string = randomBytes(32).toString('base64url'),
  ): Promise<IssuedTokens> {
    await tx.getRepository(RefreshToken).insert({
      organizationId: user.organizationId,
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + this.options.refreshTokenTtlDays * 86_400_000),
      usedAt: null,
      revokedAt: null,
    });
    return this.withAccessToken(user, familyId, refreshToken);
  }

  /** A new access token for a refresh token already stored (one handed out again within the grace window). */
  async withAccessToken(user: TokenOwner, familyId: string, refreshToken: string): Promise<IssuedTokens> {
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
