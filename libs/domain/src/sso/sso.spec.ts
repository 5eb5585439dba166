import { decryptSecret, encryptSecret, ssoKey } from './sso-crypto';
import { claimsProblem, domainAllowed, emailDomain, normalizeDomains, ssoButtonLabel } from './sso-rules';

const jwtSecret = 'j'.repeat(40);

describe('ssoKey', () => {
  it('is 32 bytes, derived from SSO_SECRET_KEY when set, else from JWT_SECRET, never either secret itself', () => {
    const derived = ssoKey(undefined, jwtSecret);
    const explicit = ssoKey('s'.repeat(32), jwtSecret);
    expect(derived).toHaveLength(32);
    expect(explicit).toHaveLength(32);
    expect(derived.equals(explicit)).toBe(false);
    expect(derived.equals(ssoKey(undefined, jwtSecret))).toBe(true);
    expect(derived.toString('utf8')).not.toContain('jjjj');
  });
});

describe('encryptSecret / decryptSecret', () => {
  const key = ssoKey(undefined, jwtSecret);
  it('round-trips, with a new IV each time', () => {
    const a = encryptSecret(key, 'client-secret-1');
    const b = encryptSecret(key, 'client-secret-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toContain('client-secret');
    expect(decryptSecret(key, a)).toBe('client-secret-1');
  });
  it('answers null to another key, a tampered value or garbage', () => {
    const sealed = encryptSecret(key, 'client-secret-1');
    expect(decryptSecret(ssoKey('x'.repeat(32), jwtSecret), sealed)).toBeNull();
    const [v, iv, tag, ct] = sealed.split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(decryptSecret(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    expect(decryptSecret(key, 'nonsense')).toBeNull();
  });
});

describe('email domains', () => {
  it('takes the part after the last @, lower-cased', () => {
    expect(emailDomain('Ann.Lee@Acme.COM')).toBe('acme.com');
    expect(emailDomain('odd"@"name@acme.com')).toBe('acme.com');
    expect(emailDomain('no-domain@')).toBeNull();
    expect(emailDomain('@acme.com')).toBeNull();
  });
  it('normalises the allowed list and matches exactly (no subdomains)', () => {
    expect(normalizeDomains([' Acme.com', '@acme.com', 'acme.io', ''])).toEqual(['acme.com', 'acme.io']);
    expect(domainAllowed('ann@acme.com', ['ACME.com'])).toBe(true);
    expect(domainAllowed('ann@eu.acme.com', ['acme.com'])).toBe(false);
    expect(domainAllowed('ann@acme.com.evil.test', ['acme.com'])).toBe(false);
  });
});

describe('claimsProblem', () => {
  const allowed = ['acme.com'];
  it('lets in a verified email of an allowed domain', () => {
    expect(claimsProblem({ email: 'ann@acme.com', email_verified: true }, allowed)).toBeNull();
  });
  it('names what is wrong otherwise', () => {
    expect(claimsProblem({}, allowed)).toBe('SSO.NO_EMAIL');
    expect(claimsProblem({ email: 'ann@acme.com' }, allowed)).toBe('SSO.EMAIL_UNVERIFIED');
    expect(claimsProblem({ email: 'ann@acme.com', email_verified: 'true' }, allowed)).toBe('SSO.EMAIL_UNVERIFIED');
    expect(claimsProblem({ email: 'ann@other.com', email_verified: true }, allowed)).toBe('SSO.DOMAIN_NOT_ALLOWED');
  });
});

describe('ssoButtonLabel', () => {
  it("names the IdP's host", () => {
    expect(ssoButtonLabel('https://login.acme.com/oauth2/default')).toBe('Sign in with login.acme.com');
    expect(ssoButtonLabel('not a url')).toBe('Sign in with single sign-on');
  });
});
