export interface AuthOptions {
  jwtSecret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** A used refresh token presented again this soon after its rotation gets the same successor (0: never). */
  refreshReuseGraceSeconds: number;
  signupEnabled: boolean;
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };
  /** Base of the links in emails (the password reset link). */
  publicUrl: string;
  passwordResetTtlMinutes: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Pinned: tokens signed any other way (none, RS256 with our secret as a "public key", …) are refused. */
export const JWT_ALGORITHM = 'HS256' as const;

export interface AccessTokenClaims {
  sub: string;
  org: string;
  /** Token version: bumped on role change, disable, password change; older tokens stop working. */
  ver: number;
  /** Session (refresh-token family): a logout ends it, and the access tokens minted for it. */
  sid: string;
}
