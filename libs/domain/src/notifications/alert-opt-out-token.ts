import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring opt-out tokens for alert emails (issue 14: "every notification email has a working one-click
 * opt-out"): `<organizationId>.<email, base64url>.<expires unix seconds>.<HMAC-SHA256, base64url>`.
 *
 * An alert email may go to someone without an account (a client-side owner, an executive not yet invited), so
 * the token names the address within the organization, not a user. The key is the digests' unsubscribe key; the
 * purpose string keeps a digest token from passing as an alert token and the other way round.
 */

/** Injection token of the HMAC key (the digests' unsubscribe key), provided by DomainModule. */
export const ALERT_OPT_OUT_KEY = Symbol('ALERT_OPT_OUT_KEY');

/** An opt-out link in an alert email works this long after the email was sent. */
export const ALERT_OPT_OUT_VALID_DAYS = 90;
const PURPOSE = 'throughline:alert-opt-out:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type AlertOptOutTokenCheck =
  | { ok: true; organizationId: string; email: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function alertOptOutExpiry(sentAt: Date): Date {
  return new Date((Math.floor(sentAt.getTime() / 1000) + ALERT_OPT_OUT_VALID_DAYS * 86_400) * 1000);
}

export function signAlertOptOutToken(key: string, organizationId: string, email: string, expiresAt: Date): string {
  const address = Buffer.from(email.trim().toLowerCase()).toString('base64url');
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${organizationId}.${address}.${expires}.${signature(key, organizationId, address, expires)}`;
}

export function verifyAlertOptOutToken(key: string, token: string, now: Date): AlertOptOutTokenCheck {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (
    parts.length !== 4 ||
    !UUID.test(parts[0]) ||
    !/^[A-Za-z0-9_-]{1,700}$/.test(parts[1]) ||
    !/^\d{1,12}$/.test(parts[2]) ||
    !/^[A-Za-z0-9_-]{43}$/.test(parts[3])
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const [organizationId, address, expiresText, given] = parts;
  const expires = Number(expiresText);
  const expected = Buffer.from(signature(key, organizationId, address, expires));
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'signature' };
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  const email = Buffer.from(address, 'base64url').toString('utf8');
  return { ok: true, organizationId, email, expiresAt: new Date(expires * 1000) };
}

function signature(key: string, organizationId: string, address: string, expires: number): string {
  return createHmac('sha256', key).update(`${PURPOSE}|${organizationId}|${address}|${expires}`).digest('base64url');
}
