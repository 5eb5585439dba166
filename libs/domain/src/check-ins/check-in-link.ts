import { createHash, randomBytes } from 'node:crypto';
import { ActionForbidden, Gone } from '../shared/errors';

/** A reminder link works for this long after it was sent (the period and the days after it to catch up). */
export const CHECK_IN_LINK_VALID_DAYS = 7;

/** 256 random bits, base64url; only the SHA-256 is stored, so a database leak opens no check-in form. */
export function newCheckInToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: checkInTokenHash(token) };
}

export function checkInTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** What a token looks like; anything else is refused before the database is asked. */
export const CHECK_IN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type CheckInLinkStatus = 'open' | 'used' | 'expired' | 'closed';

export interface CheckInLinkDates {
  expires_at: Date;
  used_at: Date | null;
  /** The priority is still active, its engagement still active, and the person may still check in on it. */
  still_applies: boolean;
}

/** Where a link stands at `now` (pure). Used is final; then a priority closed since; then time. */
export function checkInLinkStatus(row: CheckInLinkDates, now: Date): CheckInLinkStatus {
  if (row.used_at) return 'used';
  if (!row.still_applies) return 'closed';
  return row.expires_at.getTime() > now.getTime() ? 'open' : 'expired';
}

export function checkInLinkExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CHECK_IN_LINK_VALID_DAYS * 86_400_000);
}

/** A token that matches no link (mistyped or tampered with): 403. */
export const invalidCheckInLink = () =>
  new ActionForbidden(
    'CHECK_IN_LINK.INVALID_TOKEN',
    'This check-in link is not valid: use the link in your latest reminder',
  );

/** Why a link can no longer be followed (pure), or null when it can: 410 with a code saying which. */
export function checkInLinkProblem(status: CheckInLinkStatus): Gone | null {
  switch (status) {
    case 'open':
      return null;
    case 'used':
      return new Gone('CHECK_IN_LINK.USED', 'This check-in link was already used: your check-in is recorded');
    case 'expired':
      return new Gone('CHECK_IN_LINK.EXPIRED', 'This check-in link has expired: sign in to post a check-in');
    case 'closed':
      return new Gone('CHECK_IN_LINK.CLOSED', 'This priority no longer takes check-ins from this link');
  }
}
