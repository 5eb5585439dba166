import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures in the Stripe shape: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The timestamp is inside the signed text so a captured request cannot be replayed later with a new
 * time; receivers verify against the raw body bytes, before any JSON parsing.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'x-throughline-signature';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  if (!Number.isSafeInteger(timestamp)) throw new TypeError('Webhook timestamp must be whole unix seconds');
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: { now: Date; toleranceSeconds?: number },
): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return false;
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  // Both directions: a timestamp far in the future is as suspicious as a stale one.
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) return false;
  const expected = Buffer.from(hmacHex(secret, parsed.timestamp, body), 'hex');
  // Several v1 values are allowed so a receiver keeps working while a secret is being rotated.
  return parsed.signatures.some((candidate) => {
    const actual = Buffer.from(candidate, 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

function parseSignatureHeader(header: string | null | undefined): { timestamp: number; signatures: string[] } | null {
  if (!header) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Only well-formed SHA-256 hex: Buffer.from(…, 'hex') silently truncates anything else.
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}
