import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenScope } from './api-token.entity';

/** Every personal API token starts with this, so it is told from a JWT (and found by secret scanners) at a glance. */
export const API_TOKEN_PREFIX = 'thl_pat_';
/** The longest lifetime a token may be given. */
export const API_TOKEN_MAX_DAYS = 366;
/** last_used_at is written at most this often per token: reads stay reads. */
export const API_TOKEN_LAST_USED_RESOLUTION_MS = 60_000;

const TOKEN_SHAPE = /^thl_pat_[A-Za-z0-9_-]{43}$/;

/** A new token: the prefix and 32 random bytes (256 bits), base64url. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a bearer credential is a personal API token (rather than a session's access token). */
export function isApiTokenCredential(value: string): boolean {
  return value.startsWith(API_TOKEN_PREFIX);
}

/** Whether it has the exact shape of one we issue: anything else is refused before a lookup. */
export function hasApiTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Why an expiry is not acceptable at `now`, or null: later than now, at most API_TOKEN_MAX_DAYS ahead. */
export function expiryProblem(expiresAt: Date, now: Date): string | null {
  if (Number.isNaN(expiresAt.getTime())) return 'must be a date-time';
  if (expiresAt.getTime() <= now.getTime()) return 'must be in the future';
  if (expiresAt.getTime() - now.getTime() > API_TOKEN_MAX_DAYS * 86_400_000)
    return `must be at most ${API_TOKEN_MAX_DAYS} days ahead`;
  return null;
}

/** Safe methods only for a `read` token; a `write` token may do whatever its user may. */
export function scopeAllows(scope: ApiTokenScope, method: string): boolean {
  return scope === 'write' || ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export type ApiTokenRefusal = 'unknown' | 'revoked' | 'expired' | 'user_disabled';

/** Why a stored token no longer admits its bearer at `now`, or null when it does. */
export function tokenRefusal(
  token: { revokedAt: Date | null; expiresAt: Date; userDisabledAt: Date | null } | undefined,
  now: Date,
): ApiTokenRefusal | null {
  if (!token) return 'unknown';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (token.userDisabledAt) return 'user_disabled';
  return null;
}

/** Whether last_used_at is stale enough to be written again. */
export function lastUsedIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= API_TOKEN_LAST_USED_RESOLUTION_MS;
}
