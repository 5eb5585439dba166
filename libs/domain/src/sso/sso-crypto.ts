import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface SsoOptions {
  /** 32 bytes: encrypts the organizations' OpenID Connect client secrets (ssoKey()). */
  secretKey: Buffer;
  /** Accept http:// issuers (SSO_ALLOW_HTTP_ISSUERS: development and tests only). */
  allowHttpIssuers: boolean;
  /** The API's origin: the redirect URI registered with every IdP is `<publicUrl>/api/v1/auth/sso/callback`. */
  publicUrl: string;
}

export const SSO_OPTIONS = Symbol('SSO_OPTIONS');

/**
 * The key that encrypts client secrets at rest: HKDF-SHA256 of SSO_SECRET_KEY when set, otherwise of JWT_SECRET
 * under a label of its own (so the embedded default, whose JWT secret is generated and kept, needs nothing more).
 */
export function ssoKey(explicitSecret: string | undefined, jwtSecret: string): Buffer {
  const material = explicitSecret ?? jwtSecret;
  const label = explicitSecret ? 'throughline sso client secrets' : 'throughline sso client secrets (from JWT_SECRET)';
  return Buffer.from(hkdfSync('sha256', material, '', label, 32));
}

const VERSION = 'v1';

/** AES-256-GCM with a random 96-bit IV: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plaintext, or null when the value was not made with this key (a changed key, or tampering). */
export function decryptSecret(key: Buffer, sealed: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
