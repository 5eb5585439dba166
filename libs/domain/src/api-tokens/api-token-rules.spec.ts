import {
  API_TOKEN_PREFIX,
  expiryProblem,
  hashApiToken,
  hasApiTokenShape,
  isApiTokenCredential,
  lastUsedIsStale,
  newApiToken,
  scopeAllows,
  tokenRefusal,
} from './api-token-rules';

const now = new Date('2026-03-11T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('newApiToken', () => {
  it('is the prefix and 43 base64url characters, different every time, and only its hash is kept', () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a).toMatch(/^thl_pat_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hasApiTokenShape(a)).toBe(true);
    expect(hashApiToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(a)).not.toContain(a.slice(API_TOKEN_PREFIX.length));
  });

  it('is told from a JWT, and a wrong shape is refused before any lookup', () => {
    expect(isApiTokenCredential('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
    expect(isApiTokenCredential('thl_pat_short')).toBe(true);
    expect(hasApiTokenShape('thl_pat_short')).toBe(false);
    expect(hasApiTokenShape(`thl_pat_${'a'.repeat(43)}x`)).toBe(false);
    expect(hasApiTokenShape(`thl_pat_${'a'.repeat(42)}=`)).toBe(false);
  });
});

describe('expiryProblem', () => {
  it('accepts tomorrow and a year ahead', () => {
    expect(expiryProblem(days(1), now)).toBeNull();
    expect(expiryProblem(days(366), now)).toBeNull();
  });
  it('refuses now, the past and more than 366 days ahead, saying which', () => {
    expect(expiryProblem(now, now)).toBe('must be in the future');
    expect(expiryProblem(days(-1), now)).toBe('must be in the future');
    expect(expiryProblem(days(367), now)).toBe('must be at most 366 days ahead');
    expect(expiryProblem(new Date('nonsense'), now)).toBe('must be a date-time');
  });
});

describe('scopeAllows', () => {
  it('lets a read token read only, and a write token do anything its user may', () => {
    expect(scopeAllows('read', 'GET')).toBe(true);
    expect(scopeAllows('read', 'head')).toBe(true);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(scopeAllows('read', method)).toBe(false);
      expect(scopeAllows('write', method)).toBe(true);
    }
  });
});

describe('tokenRefusal', () => {
  const live = { revokedAt: null, expiresAt: days(1), userDisabledAt: null };
  it('admits a live token of an enabled user', () => {
    expect(tokenRefusal(live, now)).toBeNull();
  });
  it('names the first reason a token no longer works', () => {
    expect(tokenRefusal(undefined, now)).toBe('unknown');
    expect(tokenRefusal({ ...live, revokedAt: days(-1), expiresAt: days(-2) }, now)).toBe('revoked');
    expect(tokenRefusal({ ...live, expiresAt: now }, now)).toBe('expired');
    expect(tokenRefusal({ ...live, userDisabledAt: days(-1) }, now)).toBe('user_disabled');
  });
});

describe('lastUsedIsStale', () => {
  it('writes the first use, then at most once a minute', () => {
    expect(lastUsedIsStale(null, now)).toBe(true);
    expect(lastUsedIsStale(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(lastUsedIsStale(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
