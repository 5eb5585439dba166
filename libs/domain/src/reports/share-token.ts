import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: unguessable, and only its SHA-256 is stored (a database leak opens no report). */
export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: shareTokenHash(token) };
}

export function shareTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** What a share token looks like; anything else is refused before the database is asked. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
