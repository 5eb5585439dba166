import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type * as Oidc from 'openid-client';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../shared/actor';
import { Clock } from '../shared/clock';
import { Conflict, DomainError, FieldNotAllowed } from '../shared/errors';
import { hashPassword } from '../users/password';
import { decryptSecret, encryptSecret, SSO_OPTIONS, type SsoOptions } from './sso-crypto';
import { claimsProblem, emailDomain, normalizeDomains, ssoButtonLabel } from './sso-rules';
import type { SsoDiscoveryView, SsoSettingsDto, SsoSettingsView } from './sso.dto';
import { SsoRepository, type SsoConfigRow, type SsoUserRow } from './sso.repository';

const FAILURE_MESSAGES: Record<SsoFailureCode, string> = {
  'SSO.NOT_AVAILABLE': 'Single sign-on is not set up for this email address',
  'SSO.STATE_INVALID': 'This sign-in link is not valid (expired, already used, or started in another browser)',
  'SSO.IDP_ERROR': 'The identity provider did not confirm the sign-in',
  'SSO.NO_EMAIL': 'The identity provider sent no email address',
  'SSO.EMAIL_UNVERIFIED': 'The identity provider did not say the email address is verified',
  'SSO.DOMAIN_NOT_ALLOWED': "This email address's domain may not sign in to the organization",
  'SSO.USER_DISABLED': 'This account is disabled',
  'SSO.EMAIL_TAKEN': 'This email address already has an account in another organization',
};

/**
 * A sign-in that did not end in a session: 401 (422 when single sign-on is not set up) with the code, and nothing
 * written. `detail` is for the log only.
 */
export class SsoFailure extends DomainError {
  readonly kind: 'unauthorized' | 'invalid';
  constructor(
    readonly code: SsoFailureCode,
    readonly detail?: string,
  ) {
    super(FAILURE_MESSAGES[code]);
    this.kind = code === 'SSO.NOT_AVAILABLE' ? 'invalid' : 'unauthorized';
  }
}

export type SsoFailureCode =
  | 'SSO.NOT_AVAILABLE'
  | 'SSO.STATE_INVALID'
  | 'SSO.IDP_ERROR'
  | 'SSO.NO_EMAIL'
  | 'SSO.EMAIL_UNVERIFIED'
  | 'SSO.DOMAIN_NOT_ALLOWED'
  | 'SSO.USER_DISABLED'
  | 'SSO.EMAIL_TAKEN';

/** How long a started sign-in may take at the IdP. */
export const SSO_LOGIN_TTL_MS = 10 * 60_000;
/** The dashboard's page the IdP sends the browser back to; it hands the query to POST /auth/sso/callback. */
export const SSO_CALLBACK_PATH = '/sso/callback';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** openid-client is ESM-only: loaded once, natively. */
let openidClient: Promise<typeof Oidc> | undefined;
const oidc = () => (openidClient ??= import('openid-client'));

/**
 * OpenID Connect single sign-on per organization, with openid-client: the authorization code flow with PKCE (S256),
 * `state` (looked up by its hash, used once, bound to the browser that started it by a cookie) and `nonce` (checked
 * in the ID token by openid-client). A verified email of an allowed domain signs in its user, or provisions a new one
 * with the organization's default role; a disabled user stays out.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger('Sso');

  constructor(
    private readonly db: Db,
    private readonly sso: SsoRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(SSO_OPTIONS) private readonly options: SsoOptions,
  ) {}

  get redirectUri(): string {
    return `${this.options.publicUrl}${SSO_CALLBACK_PATH}`;
  }

  async settings(actor: Actor): Promise<SsoSettingsView> {
    this.access.permit(actor, 'organization.write', 'manage single sign-on');
    return this.view(await this.sso.config(this.db.reader, actor.organizationId));
  }

  async updateSettings(actor: Actor, input: SsoSettingsDto): Promise<SsoSettingsView> {
    this.access.permit(actor, 'organization.write', 'manage single sign-on');
    const issuer = input.issuer.trim();
    if (!this.options.allowHttpIssuers && !issuer.startsWith('https://'))
      throw new FieldNotAllowed('issuer', 'issuer must be an https:// URL');
    const allowedDomains = normalizeDomains(input.allowedDomains);
    try {
      return await this.db.transaction(async (tx) => {
        const before = await this.sso.config(tx, actor.organizationId);
        if (!input.clientSecret && !before)
          throw new FieldNotAllowed('clientSecret', 'clientSecret is required the first time');
        const row: SsoConfigRow = {
          organization_id: actor.organizationId,
          enabled: input.enabled,
          issuer,
          client_id: input.clientId.trim(),
          client_secret_encrypted: input.clientSecret
            ? encryptSecret(this.options.secretKey, input.clientSecret)
            : before!.client_secret_encrypted,
          allowed_domains: allowedDomains,
          default_role: input.defaultRole,
        };
        await this.sso.upsert(tx, row);
        await this.sso.replaceDomains(tx, actor.organizationId, allowedDomains);
        const after = this.view(row);
        await this.audit.record(
          tx,
          actor,
          'organization.sso_changed',
          'organization',
          actor.organizationId,
          before ? this.view(before) : null,
          after,
        );
        return after;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new Conflict('SSO.DOMAIN_TAKEN', 'Another organization signs in one of these email domains already');
      throw error;
    }
  }

  /** Public: whether an email's domain signs in with an IdP, and where to start. Says nothing else. */
  async discover(email: string): Promise<SsoDiscoveryView> {
    const config = await this.configForEmail(email);
    if (!config) return { available: false };
    return { available: true, label: ssoButtonLabel(config.issuer) };
  }

  /**
   * Starts a sign-in: a new state, nonce and PKCE verifier, kept (hashed state) with the browser binding's hash;
   * answers the IdP's authorization URL. `browserBinding` is the random value the caller sets as a cookie.
   */
  async begin(email: string, browserBinding: string): Promise<URL> {
    const config = await this.configForEmail(email);
    if (!config) throw new SsoFailure('SSO.NOT_AVAILABLE');
    const client = await oidc();
    const server = await this.discovery(config);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const now = this.clock.now();
    await this.db.forOrganization(config.organization_id, () =>
      this.db.transaction(async (tx) => {
        await this.sso.deleteExpiredLogins(tx, config.organization_id, now);
        await this.sso.insertLogin(tx, {
          organizationId: config.organization_id,
          stateHash: sha256(state),
          browserHash: sha256(browserBinding),
          nonce,
          codeVerifier,
          expiresAt: new Date(now.getTime() + SSO_LOGIN_TTL_MS),
        });
      }),
    );
    return client.buildAuthorizationUrl(server, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: email.trim(),
    });
  }

  /**
   * The IdP's redirect back: checks state (known, unused, unexpired, this browser's), exchanges the code with the
   * PKCE verifier, checks the ID token (signature, issuer, audience, nonce: openid-client) and its email, then finds
   * or provisions the user and calls `signIn` in the same transaction. Throws SsoFailure otherwise, writing no user.
   */
  async complete<T>(
    callbackQuery: string,
    browserBinding: string | undefined,
    signIn: (tx: EntityManager, user: SsoUserRow) => Promise<T>,
  ): Promise<T> {
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = callbackQuery.startsWith('?') ? callbackQuery.slice(1) : callbackQuery;
    const state = callbackUrl.searchParams.get('state');
    if (!state || !browserBinding) throw new SsoFailure('SSO.STATE_INVALID', 'no state, or no browser binding cookie');
    const stateHash = sha256(state);
    const organizationId = await this.db.asSystem('sso', () => this.sso.loginOwner(this.db.reader, stateHash));
    if (!organizationId) throw new SsoFailure('SSO.STATE_INVALID', 'unknown state');
    return this.db.forOrganization(organizationId, async () => {
      const now = this.clock.now();
      const login = await this.db.transaction(async (tx) => {
        const row = await this.sso.lockLogin(tx, stateHash);
        if (row && !row.used_at) await this.sso.markLoginUsed(tx, row.id, now);
        return row;
      });
      if (!login || login.used_at) throw new SsoFailure('SSO.STATE_INVALID', 'state already used');
      if (login.expires_at.getTime() <= now.getTime()) throw new SsoFailure('SSO.STATE_INVALID', 'state expired');
      if (login.browser_hash !== sha256(browserBinding))
        throw new SsoFailure('SSO.STATE_INVALID', 'state started in another browser');
      const config = await this.sso.config(this.db.reader, organizationId);
      if (!config?.enabled) throw new SsoFailure('SSO.NOT_AVAILABLE');

      const client = await oidc();
      let claims: Record<string, unknown>;
      try {
        const server = await this.discovery(config);
        const tokens = await client.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: login.code_verifier,
          expectedState: state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        claims = (tokens.claims() ?? {}) as Record<string, unknown>;
        // Claims asked for by scope may come from the UserInfo endpoint rather than the ID token (OIDC Core 5.4):
        // fetched for the subject the checked ID token names (openid-client checks the subject matches).
        if (claims.email === undefined && tokens.access_token && typeof claims.sub === 'string') {
          const userInfo = await client.fetchUserInfo(server, tokens.access_token, claims.sub);
          claims = { ...userInfo, ...claims, email: userInfo.email, email_verified: userInfo.email_verified };
        }
      } catch (error) {
        if (error instanceof SsoFailure) throw error;
        this.logger.warn({
          event: 'auth.sso.idp_error',
          organizationId,
          message: `Single sign-on refused: ${error instanceof Error ? error.message : String(error)}`,
        });
        throw new SsoFailure('SSO.IDP_ERROR', error instanceof Error ? error.message : String(error));
      }
      const problem = claimsProblem(claims, config.allowed_domains);
      if (problem) throw new SsoFailure(problem);
      const email = String(claims.email).trim();
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;

      try {
        return await this.db.transaction(async (tx) => {
          let user = await this.sso.userByEmail(tx, organizationId, email);
          if (user?.disabled_at) throw new SsoFailure('SSO.USER_DISABLED');
          if (!user) {
            // A password nobody knows: the person signs in through the IdP (or sets one by password reset).
            const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
            user = await this.sso.insertUser(tx, organizationId, {
              email: email.toLowerCase(),
              name,
              role: config.default_role,
              passwordHash,
            });
            await this.audit.record(
              tx,
              { organizationId, userId: user.id },
              'user.provisioned_by_sso',
              'user',
              user.id,
              null,
              { email: email.toLowerCase(), name, role: config.default_role, issuer: config.issuer },
            );
          }
          return signIn(tx, user);
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new SsoFailure('SSO.EMAIL_TAKEN');
        throw error;
      }
    });
  }

  private async configForEmail(email: string): Promise<SsoConfigRow | undefined> {
    const domain = emailDomain(email);
    if (!domain) return undefined;
    const organizationId = await this.db.asSystem('sso', () => this.sso.organizationForDomain(this.db.reader, domain));
    if (!organizationId) return undefined;
    const config = await this.db.forOrganization(organizationId, () => this.sso.config(this.db.reader, organizationId));
    return config?.enabled ? config : undefined;
  }

  private async discovery(config: SsoConfigRow): Promise<Oidc.Configuration> {
    const client = await oidc();
    const secret = decryptSecret(this.options.secretKey, config.client_secret_encrypted);
    if (secret === null) {
      this.logger.error({
        event: 'auth.sso.secret_unreadable',
        organizationId: config.organization_id,
        message:
          'The SSO client secret cannot be decrypted (SSO_SECRET_KEY or JWT_SECRET changed): an admin must enter it again',
      });
      throw new SsoFailure('SSO.NOT_AVAILABLE', 'client secret unreadable');
    }
    try {
      return await client.discovery(
        new URL(config.issuer),
        config.client_id,
        undefined,
        client.ClientSecretBasic(secret),
        this.options.allowHttpIssuers ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    } catch (error) {
      throw new SsoFailure(
        'SSO.IDP_ERROR',
        `discovery failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private view(row: SsoConfigRow | undefined): SsoSettingsView {
    return {
      configured: !!row,
      enabled: row?.enabled ?? false,
      issuer: row?.issuer ?? null,
      clientId: row?.client_id ?? null,
      hasClientSecret: !!row?.client_secret_encrypted,
      allowedDomains: row?.allowed_domains ?? [],
      defaultRole: row?.default_role ?? null,
      redirectUri: this.redirectUri,
    };
  }
}
