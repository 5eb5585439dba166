import { signUnsubscribeToken, unsubscribeExpiry, unsubscribeKey, verifyUnsubscribeToken } from './unsubscribe-token';

const KEY = unsubscribeKey(undefined, 'jwt-secret-that-is-long-enough-for-the-tests');
const USER = '0b6f7c1e-4a1d-4c8e-9a53-2f1f1f1f1f1f';

describe('unsubscribe tokens', () => {
  it('expire 60 days after the end of their ISO week, whatever the time of signing', () => {
    expect(unsubscribeExpiry('2026-W48').toISOString()).toBe('2027-01-28T23:59:59.000Z');
  });

  it('verify with the same key until they expire', () => {
    const token = signUnsubscribeToken(KEY, USER, unsubscribeExpiry('2026-W48'));
    expect(verifyUnsubscribeToken(KEY, token, new Date('2026-11-23T08:00:00Z'))).toEqual({
      ok: true,
      userId: USER,
      expiresAt: new Date('2027-01-28T23:59:59Z'),
    });
    expect(verifyUnsubscribeToken(KEY, token, new Date('2027-01-29T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuse a tampered user id, expiry or signature, another key, and garbage', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    const token = signUnsubscribeToken(KEY, USER, unsubscribeExpiry('2026-W48'));
    const [user, expires, signature] = token.split('.');
    const otherUser = `${user.slice(0, -1)}0`;
    expect(verifyUnsubscribeToken(KEY, `${otherUser}.${expires}.${signature}`, now)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyUnsubscribeToken(KEY, `${user}.${Number(expires) + 86400}.${signature}`, now)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    expect(verifyUnsubscribeToken(KEY, `${user}.${expires}.${flipped}`, now)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(
      verifyUnsubscribeToken(unsubscribeKey(undefined, 'another-jwt-secret-that-is-long-enough'), token, now),
    ).toEqual({ ok: false, reason: 'signature' });
    for (const garbage of ['', 'abc', `${user}.${expires}`, `${user}.soon.${signature}`, `${token}.x`]) {
      expect(verifyUnsubscribeToken(KEY, garbage, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('use an explicit secret when one is configured', () => {
    expect(unsubscribeKey('explicit', 'jwt')).toBe('explicit');
    expect(unsubscribeKey(undefined, 'jwt')).not.toContain('jwt');
  });
});
