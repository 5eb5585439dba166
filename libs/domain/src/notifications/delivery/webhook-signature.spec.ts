import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

const secret = 'whsec_test_0123456789';
const body = '{"outboxId":"b3f1","event":"alert.raised"}';
const timestamp = 1_774_000_000; // 2026-03-20T09:46:40Z
const now = new Date(timestamp * 1000);

describe('signWebhook', () => {
  it('signs "t.body" with HMAC-SHA256 in the t=…,v1=… shape', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`t=${timestamp},v1=${expected}`);
    expect(WEBHOOK_SIGNATURE_HEADER).toBe('x-throughline-signature');
  });

  it('refuses a timestamp in milliseconds or with a fraction', () => {
    expect(() => signWebhook(secret, 1.5, body)).toThrow(/unix seconds/);
  });
});

describe('verifyWebhookSignature', () => {
  const header = signWebhook(secret, timestamp, body);

  it('accepts its own signature', () => {
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
  });

  it('rejects a tampered body, a wrong secret and a tampered signature', () => {
    expect(verifyWebhookSignature(secret, header, body.replace('raised', 'escalated'), { now })).toBe(false);
    expect(verifyWebhookSignature('another-secret', header, body, { now })).toBe(false);
    const flipped = header.replace(/v1=(.)/, (_m, c: string) => `v1=${c === '0' ? '1' : '0'}`);
    expect(verifyWebhookSignature(secret, flipped, body, { now })).toBe(false);
  });

  it('rejects a signature moved to another timestamp (the time is signed too)', () => {
    const moved = header.replace(`t=${timestamp}`, `t=${timestamp + 60}`);
    expect(verifyWebhookSignature(secret, moved, body, { now })).toBe(false);
  });

  it('rejects stale and far-future timestamps, with a configurable tolerance', () => {
    const later = (seconds: number) => new Date((timestamp + seconds) * 1000);
    expect(verifyWebhookSignature(secret, header, body, { now: later(300) })).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, { now: later(301) })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: later(-301) })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: later(3600), toleranceSeconds: 7200 })).toBe(true);
  });

  it('rejects missing and malformed headers without throwing', () => {
    for (const bad of [
      undefined,
      null,
      '',
      'garbage',
      `t=${timestamp}`,
      `v1=${'a'.repeat(64)}`,
      `t=${timestamp},v1=abc`,
      `t=soon,v1=${'a'.repeat(64)}`,
    ]) {
      expect(verifyWebhookSignature(secret, bad, body, { now })).toBe(false);
    }
  });

  it('accepts any of several v1 values, so a secret can be rotated', () => {
    const old = signWebhook('old-secret', timestamp, body).split(',')[1];
    expect(verifyWebhookSignature(secret, `${header},${old}`, body, { now })).toBe(true);
    expect(verifyWebhookSignature('old-secret', `${header},${old}`, body, { now })).toBe(true);
  });
});
