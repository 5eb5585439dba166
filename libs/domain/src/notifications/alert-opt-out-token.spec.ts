import { unsubscribeKey, signUnsubscribeToken } from '../digests/unsubscribe-token';
import { alertOptOutExpiry, signAlertOptOutToken, verifyAlertOptOutToken } from './alert-opt-out-token';

const KEY = unsubscribeKey(undefined, 'jwt-secret-that-is-long-enough-for-the-tests');
const ORG = '0b6f7c1e-4a1d-4c8e-9a53-2f1f1f1f1f1f';
const SENT = new Date('2026-12-07T08:00:00Z');

describe('alert opt-out tokens', () => {
  it('name the address (lower case) within the organization and expire 90 days after the email', () => {
    const token = signAlertOptOutToken(KEY, ORG, ' Dana@Client.example ', alertOptOutExpiry(SENT));
    expect(verifyAlertOptOutToken(KEY, token, new Date('2027-03-01T00:00:00Z'))).toEqual({
      ok: true,
      organizationId: ORG,
      email: 'dana@client.example',
      expiresAt: new Date('2027-03-07T08:00:00Z'),
    });
    expect(verifyAlertOptOutToken(KEY, token, new Date('2027-03-07T08:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuse another address, another organization, a longer expiry, another key and garbage', () => {
    const token = signAlertOptOutToken(KEY, ORG, 'dana@client.example', alertOptOutExpiry(SENT));
    const [org, address, expires, sig] = token.split('.');
    const other = Buffer.from('boss@client.example').toString('base64url');
    const otherOrg = `${org.slice(0, -1)}0`;
    expect(verifyAlertOptOutToken(KEY, `${org}.${other}.${expires}.${sig}`, SENT)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyAlertOptOutToken(KEY, `${otherOrg}.${address}.${expires}.${sig}`, SENT)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyAlertOptOutToken(KEY, `${org}.${address}.${Number(expires) + 1}.${sig}`, SENT)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const otherKey = unsubscribeKey(undefined, 'another-jwt-secret-that-is-long-enough-too');
    expect(verifyAlertOptOutToken(otherKey, token, SENT)).toEqual({ ok: false, reason: 'signature' });
    for (const garbage of ['', 'x', `${token}.x`, token.replace(/\./g, '-'), `${org}.${address}.${expires}.short`])
      expect(verifyAlertOptOutToken(KEY, garbage, SENT)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('are not digest unsubscribe tokens: one never passes for the other', () => {
    const digest = signUnsubscribeToken(KEY, ORG, alertOptOutExpiry(SENT));
    expect(verifyAlertOptOutToken(KEY, digest, SENT)).toEqual({ ok: false, reason: 'malformed' });
  });
});
