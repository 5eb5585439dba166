import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';

/**
 * Signed, expiring unsubscribe tokens: `<userId>.<expires unix seconds>.<HMAC-SHA256, base64url>`.
 * They work without logging in, so the signature is the only thing that makes one valid. The expiry is
 * derived from the digest's week (not from "now"), so the preview and the email of one week carry the
 * same link.
 */

export const UNSUBSCRIBE_VALID_DAYS_AFTER_WEEK = 60;
const PURPOSE = 'throughline:digest-unsubscribe:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type UnsubscribeTokenCheck =
  { ok: true; userId: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** The key used for unsubscribe links: its own variable, or derived from the JWT secret (never the JWT secret itself). */
export function unsubscribeKey(explicitSecret: string | undefined, jwtSecret: string): string {
  return explicitSecret ?? createHmac('sha256', jwtSecret).update(PURPOSE).digest('base64url');
}

export function unsubscribeExpiry(isoWeek: string): Date {
  const [year, week] = isoWeek.split('-W').map(Number);
  return DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 7 }, { zone: 'UTC' })
    .endOf('day')
    .plus({ days: UNSUBSCRIBE_VALID_DAYS_AFTER_WEEK })
    .startOf('second')
    .toJSDate();
}

export function signUnsubscribeToken(key: string, userId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${userId}.${expires}.${signature(key, userId, expires)}`;
}

export function verifyUnsubscribeToken(key: string, token: string, now: Date): UnsubscribeTokenCheck {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (
    parts.length !== 3 ||
    !UUID.test(parts[0]) ||
    !/^\d{1,12}$/.test(parts[1]) ||
    !/^[A-Za-z0-9_-]{43}$/.test(parts[2])
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const [userId, expiresText, given] = parts;
  const expires = Number(expiresText);
  const expected = Buffer.from(signature(key, userId, expires));
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'signature' };
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId, expiresAt: new Date(expires * 1000) };
}

function signature(key: string, userId: string, expires: number): string {
  return createHmac('sha256', key).update(`${PURPOSE}|${userId}|${expires}`).digest('base64url');
}
