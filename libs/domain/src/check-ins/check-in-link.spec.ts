import {
  CHECK_IN_TOKEN_PATTERN,
  checkInLinkExpiry,
  checkInLinkProblem,
  checkInLinkStatus,
  checkInTokenHash,
  invalidCheckInLink,
  newCheckInToken,
} from './check-in-link';

describe('check-in link lifecycle', () => {
  const sent = new Date('2026-03-12T09:00:00Z');
  const open = { expires_at: checkInLinkExpiry(sent), used_at: null, still_applies: true };

  it('a new token matches the pattern and is stored only as its hash', () => {
    const { token, hash } = newCheckInToken();
    expect(token).toMatch(CHECK_IN_TOKEN_PATTERN);
    expect(hash).toBe(checkInTokenHash(token));
    expect(hash).not.toContain(token);
    expect(newCheckInToken().token).not.toBe(token);
  });

  it('a tampered token hashes to something else', () => {
    const { token, hash } = newCheckInToken();
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expect(checkInTokenHash(tampered)).not.toBe(hash);
  });

  it('is open for 7 days after it was sent, then expired', () => {
    expect(checkInLinkExpiry(sent).toISOString()).toBe('2026-03-19T09:00:00.000Z');
    expect(checkInLinkStatus(open, new Date('2026-03-19T08:59:59Z'))).toBe('open');
    expect(checkInLinkStatus(open, new Date('2026-03-19T09:00:00Z'))).toBe('expired');
  });

  it('used is final, even after expiry; a closed priority closes an unused link', () => {
    const used = { ...open, used_at: new Date('2026-03-12T10:00:00Z') };
    expect(checkInLinkStatus(used, new Date('2026-03-13T00:00:00Z'))).toBe('used');
    expect(checkInLinkStatus(used, new Date('2026-04-01T00:00:00Z'))).toBe('used');
    expect(checkInLinkStatus({ ...open, still_applies: false }, new Date('2026-03-13T00:00:00Z'))).toBe('closed');
  });

  it('answers 410 with a code per reason, 403 for an unknown token, nothing for an open link', () => {
    expect(checkInLinkProblem('open')).toBeNull();
    expect(checkInLinkProblem('used')).toMatchObject({ kind: 'gone', code: 'CHECK_IN_LINK.USED' });
    expect(checkInLinkProblem('expired')).toMatchObject({ kind: 'gone', code: 'CHECK_IN_LINK.EXPIRED' });
    expect(checkInLinkProblem('closed')).toMatchObject({ kind: 'gone', code: 'CHECK_IN_LINK.CLOSED' });
    expect(invalidCheckInLink()).toMatchObject({ kind: 'forbidden', code: 'CHECK_IN_LINK.INVALID_TOKEN' });
  });
});
