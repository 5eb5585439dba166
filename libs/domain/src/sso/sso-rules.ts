/** The domain of an email address, lower-cased, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** Lower-cased, trimmed, without duplicates, in the order given. */
export function normalizeDomains(domains: string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')))].filter(Boolean);
}

/** Whether a verified email belongs to one of the allowed domains (exactly: no subdomains). */
export function domainAllowed(email: string, allowed: string[]): boolean {
  const domain = emailDomain(email);
  return domain !== null && normalizeDomains(allowed).includes(domain);
}

/** Why the claims of an ID token do not let its person in, or null: an email, verified, in an allowed domain. */
export function claimsProblem(
  claims: { email?: unknown; email_verified?: unknown },
  allowedDomains: string[],
): 'SSO.NO_EMAIL' | 'SSO.EMAIL_UNVERIFIED' | 'SSO.DOMAIN_NOT_ALLOWED' | null {
  if (typeof claims.email !== 'string' || !emailDomain(claims.email)) return 'SSO.NO_EMAIL';
  if (claims.email_verified !== true) return 'SSO.EMAIL_UNVERIFIED';
  if (!domainAllowed(claims.email, allowedDomains)) return 'SSO.DOMAIN_NOT_ALLOWED';
  return null;
}

/** The label of the login button: the IdP's host, e.g. "Sign in with login.acme.com". */
export function ssoButtonLabel(issuer: string): string {
  try {
    return `Sign in with ${new URL(issuer).host}`;
  } catch {
    return 'Sign in with single sign-on';
  }
}
