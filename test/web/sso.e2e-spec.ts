import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  accessibilityViolations,
  browserAvailability,
  createTenant,
  createUser,
  expectStatus,
  openBrowser,
  startTestApi,
  TEST_PASSWORD,
  type BrowserSession,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * OpenID Connect single sign-on end to end: a real OpenID provider (the npm package `oidc-provider`, its development
 * login and consent pages) on loopback, the API with the organization's SSO settings, and the dashboard's login page
 * in Chromium. State, nonce and PKCE are checked; a new person of an allowed domain is provisioned with the default
 * role; a disabled user stays out; a wrong state, a wrong nonce or a domain not allowed end on a clear page with no
 * session.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

const CLIENT_ID = 'throughline-test';
const CLIENT_SECRET = 'a-client-secret-for-the-test-provider';

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

describeInBrowser('single sign-on with OpenID Connect, through the login page in Chromium', () => {
  let api: TestApi;
  let t: Tenant;
  let idp: HttpServer;
  let issuer: string;
  let browser: BrowserSession | null = null;
  /** What the provider's next ID token says about the person (the login name typed is the subject). */
  let claimsFor: (sub: string) => Record<string, unknown> = (sub) => ({ email: sub, email_verified: true });

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../dist/web/index.html')))
      throw new Error('dist/web is not built: run `npm run build` first (npm test does)');
    const apiPort = await freePort();
    const origin = `http://127.0.0.1:${apiPort}`;
    api = await startTestApi({ PUBLIC_URL: origin, SSO_ALLOW_HTTP_ISSUERS: 'true' }, { port: apiPort });
    t = await createTenant(api.http, 'SSO');

    const idpPort = await freePort();
    issuer = `http://127.0.0.1:${idpPort}`;
    // oidc-provider is ESM-only: loaded natively (jest runs with --experimental-vm-modules).
    const specifier = 'oidc-provider'; // untyped here: the test passes it plain configuration
    const { default: Provider } = (await import(specifier)) as {
      default: new (issuer: string, configuration: unknown) => { listen(port: number): HttpServer };
    };
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${origin}/sso/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      scopes: ['openid', 'email', 'profile'],
      cookies: { keys: ['oidc-provider-test-cookie-key'] },
      features: { devInteractions: { enabled: true } },
      findAccount: async (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: async () => ({ sub, ...claimsFor(sub) }),
      }),
    });
    idp = provider.listen(idpPort);

    expectStatus(
      await t.admin.put('/organization/sso', {
        issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        allowedDomains: ['acme.test', 'partner.test'],
        defaultRole: 'executive',
        enabled: true,
      }),
      200,
    );
  }, 120_000);

  afterEach(async () => {
    await browser?.close();
    browser = null;
    claimsFor = (sub) => ({ email: sub, email_verified: true });
  });
  afterAll(async () => {
    await new Promise((done) => idp?.close(done));
    await api?.close();
  });

  /** Login page → "Sign in with <IdP>" → the provider's login and consent → back to the dashboard. */
  async function signInThroughIdp(page: Page, email: string, login = email): Promise<void> {
    await page.goto(`${api.baseUrl}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Email').press('Tab');
    await page.getByRole('button', { name: `Sign in with 127.0.0.1:${new URL(issuer).port}` }).click();
    await page.waitForURL(`${issuer}/**`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    // The development consent page, the first time a person grants this client.
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    await page.waitForURL((url) => url.href.startsWith(api.baseUrl) || url.pathname.includes('/interaction/'));
    if (page.url().includes('/interaction/')) await consent.click();
    await page.waitForURL(`${api.baseUrl}/**`);
  }

  const auditActions = async (userId: string) =>
    (
      await api.dataSource.query(`SELECT action, after->>'method' AS method FROM audit_events WHERE actor_id = $1`, [
        userId,
      ])
    ).map((r: { action: string; method: string | null }) => (r.method ? `${r.action}:${r.method}` : r.action));

  it('the settings are kept with the client secret encrypted, never shown', async () => {
    const settings = await t.admin.get('/organization/sso');
    expect(settings.body).toMatchObject({
      configured: true,
      enabled: true,
      issuer,
      clientId: CLIENT_ID,
      hasClientSecret: true,
      allowedDomains: ['acme.test', 'partner.test'],
      defaultRole: 'executive',
      redirectUri: `${api.baseUrl}/sso/callback`,
    });
    expect(JSON.stringify(settings.body)).not.toContain(CLIENT_SECRET);
    const [row] = await api.dataSource.query(
      `SELECT client_secret_encrypted FROM organization_sso WHERE organization_id = $1`,
      [t.organizationId],
    );
    expect(row.client_secret_encrypted).toMatch(/^v1\./);
    expect(row.client_secret_encrypted).not.toContain(CLIENT_SECRET);
    expect((await t.manager.get('/organization/sso')).status).toBe(403);
  });

  it('a new person of an allowed domain is provisioned with the default role and signed in', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const email = `new.person.${Date.now()}@acme.test`;
    claimsFor = (sub) => ({ email: sub, email_verified: true, name: 'Nina New' });
    await signInThroughIdp(page, email);
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await browser.screenshot('sso-signed-in');
    const [user] = await api.dataSource.query(
      `SELECT id, role, name, organization_id FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    expect(user).toMatchObject({ role: 'executive', name: 'Nina New', organization_id: t.organizationId });
    expect(await auditActions(user.id)).toEqual(['user.provisioned_by_sso', 'auth.login:sso']);
    // The login state row is used up: the same answer again is refused.
    const [login] = await api.dataSource.query(`SELECT used_at FROM sso_logins WHERE organization_id = $1`, [
      t.organizationId,
    ]);
    expect(login.used_at).not.toBeNull();
  });

  it('an existing user signs in as themselves, with their own role', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const email = `manager.${Date.now()}@acme.test`;
    const created = await createUser(t.admin, {
      email,
      name: 'Mara Manager',
      password: 'correct-horse-battery-staple',
      role: 'account_manager',
    });
    expectStatus(created, 201);
    await signInThroughIdp(page, email);
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`, [email]))[0].n,
    ).toBe(1);
    expect(await auditActions(created.body.id)).toContain('auth.login:sso');
  });

  async function expectRefused(page: Page, message: RegExp): Promise<void> {
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    expect(await page.getByText('You are not signed in.').count()).toBe(1);
    expect(await page.evaluate("localStorage.getItem('throughline.refreshToken')")).toBeNull();
  }

  it('a disabled user stays out: a clear page, no session', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const email = `disabled.${Date.now()}@acme.test`;
    const created = await createUser(t.admin, {
      email,
      name: 'Dan Disabled',
      password: 'correct-horse-battery-staple',
      role: 'account_manager',
    });
    expectStatus(created, 201);
    expectStatus(await t.admin.post(`/users/${created.body.id}/disable`), 200);
    const [{ n: sessionsBefore }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM refresh_tokens`);
    await signInThroughIdp(page, email);
    await expectRefused(page, /This account is disabled/);
    await browser.screenshot('sso-disabled');
    const [{ n: sessionsAfter }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM refresh_tokens`);
    expect(sessionsAfter).toBe(sessionsBefore);
  });

  it('an email of a domain not allowed: a clear page, no session, no user', async () => {
    browser = await openBrowser();
    const { page } = browser;
    // The login page offers SSO for acme.test; the IdP then vouches for an address of another domain.
    const email = `someone.${Date.now()}@acme.test`;
    const outsider = `outsider.${Date.now()}@elsewhere.test`;
    await signInThroughIdp(page, email, outsider);
    await expectRefused(page, /domain may not sign in/);
    expect((await api.dataSource.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [outsider])).length).toBe(
      0,
    );
  });

  it('an unverified email is refused', async () => {
    browser = await openBrowser();
    const { page } = browser;
    claimsFor = (sub) => ({ email: sub, email_verified: false });
    await signInThroughIdp(page, `unverified.${Date.now()}@acme.test`);
    await expectRefused(page, /did not say the email address is verified/);
  });

  it('a wrong state: a clear page, no session', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${api.baseUrl}/sso/callback?code=forged-code&state=forged-state`);
    await expectRefused(page, /not valid/);
    await browser.screenshot('sso-wrong-state');
  });

  it('a right state in another browser (login CSRF): refused, the state used up', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const email = `csrf.${Date.now()}@acme.test`;
    // Start in this browser, but stop at the IdP's redirect back and replay it in a fresh browser.
    await page.goto(`${api.baseUrl}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Email').press('Tab');
    let callbackUrl = '';
    // The IdP's answer reaches this browser's callback page; its post to the API is held back and replayed elsewhere.
    await page.route(`${api.baseUrl}/api/v1/auth/sso/callback`, async (route) => {
      const { callbackQuery } = JSON.parse(route.request().postData() ?? '{}') as { callbackQuery: string };
      callbackUrl = `${api.baseUrl}/sso/callback${callbackQuery}`;
      await route.abort();
    });
    await page.getByRole('button', { name: /^Sign in with / }).click();
    await page.waitForURL(`${issuer}/**`);
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    await consent.click({ timeout: 10_000 }).catch(() => undefined);
    for (let waited = 0; !callbackUrl && waited < 150; waited += 1) await new Promise((r) => setTimeout(r, 100));
    expect(callbackUrl).toContain('state=');
    const other = await openBrowser();
    try {
      await other.page.goto(callbackUrl);
      await expectRefused(other.page, /started in another browser|not valid/);
    } finally {
      await other.close();
    }
    expect((await api.dataSource.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email])).length).toBe(0);
  });

  it('a wrong nonce in the ID token: refused by the check, no session', async () => {
    browser = await openBrowser();
    const { page } = browser;
    // The authorization request reaches the IdP with another nonce: its ID token carries that one, not ours.
    await page.route(`${issuer}/auth?**`, async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('nonce', 'a-nonce-this-sign-in-never-asked-for');
      await route.continue({ url: url.href });
    });
    await signInThroughIdp(page, `nonce.${Date.now()}@acme.test`);
    await expectRefused(page, /did not confirm the sign-in/);
  });

  /** The admin's password login, then the single sign-on screen under Manage. */
  async function openSsoScreen(page: Page, adminEmail: string) {
    await page.goto(`${api.baseUrl}/login`);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.goto(`${api.baseUrl}/manage/sso`);
    const form = page.getByRole('form', { name: 'Single sign-on' });
    await form.waitFor();
    return form;
  }

  it("an admin sets a new organization's single sign-on up on the settings screen; its people then sign in", async () => {
    const fresh = await createTenant(api.http, 'SSO screen');
    browser = await openBrowser();
    const { page } = browser;
    const form = await openSsoScreen(page, fresh.emails.admin);
    await form.getByRole('status').filter({ hasText: 'Single sign-on is not set up.' }).waitFor();
    await form.getByText(`${api.baseUrl}/sso/callback`).waitFor(); // the redirect URI to register at the IdP
    expect(await page.getByRole('link', { name: 'Single sign-on' }).count()).toBe(1);

    // The first time the secret is required, and a domain must look like one: checked before anything is sent…
    await form.getByLabel('Issuer URL').fill(issuer);
    await form.getByLabel('Client id').fill(CLIENT_ID);
    await form.getByLabel('Allowed email domains').fill('fresh.test');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByText('Enter the client secret (only this once).').waitFor();
    // …and the API's own rule shows next to its field.
    await form.getByLabel('Client secret').fill(CLIENT_SECRET);
    await form.getByLabel('Allowed email domains').fill('fresh.test, not a domain');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByText('Each of the allowed domains must be a domain like acme.com.').waitFor();
    expect((await fresh.admin.get('/organization/sso')).body.configured).toBe(false);

    await form.getByLabel('Allowed email domains').fill('Fresh.test, @sister.test');
    await form.getByLabel('Role of a person signing in for the first time').selectOption('account_manager');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await form.getByRole('status').filter({ hasText: 'Single sign-on is on.' }).waitFor();
    expect(await form.getByLabel('Client secret').inputValue()).toBe('');
    await form.getByText('A secret is stored (encrypted; never shown). Leave this empty to keep it.').waitFor();
    expect(await page.content()).not.toContain(CLIENT_SECRET);
    expect(await accessibilityViolations(page)).toEqual([]);
    await browser.screenshot('sso-settings-saved');
    expect((await fresh.admin.get('/organization/sso')).body).toMatchObject({
      configured: true,
      enabled: true,
      issuer,
      clientId: CLIENT_ID,
      hasClientSecret: true,
      allowedDomains: ['fresh.test', 'sister.test'],
      defaultRole: 'account_manager',
    });
    const audit = await fresh.admin.get(`/audit-events?entityId=${fresh.organizationId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('organization.sso_changed');
    await browser.close();

    // A new person of that domain signs in through the IdP, into this organization, with the role chosen.
    browser = await openBrowser();
    const email = `first.person.${Date.now()}@fresh.test`;
    await signInThroughIdp(browser.page, email);
    await browser.page.getByRole('button', { name: 'Log out' }).waitFor();
    const [user] = await api.dataSource.query(
      `SELECT role, organization_id FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    expect(user).toEqual({ role: 'account_manager', organization_id: fresh.organizationId });
  });

  it('the screen keeps the stored secret when left empty, and turning single sign-on off takes the button away', async () => {
    const [{ client_secret_encrypted: secretBefore }] = await api.dataSource.query(
      `SELECT client_secret_encrypted FROM organization_sso WHERE organization_id = $1`,
      [t.organizationId],
    );
    browser = await openBrowser();
    const { page } = browser;
    const form = await openSsoScreen(page, t.emails.admin);
    // The stored settings are shown, the secret is not.
    expect(await form.getByLabel('Issuer URL').inputValue()).toBe(issuer);
    expect(await form.getByLabel('Client id').inputValue()).toBe(CLIENT_ID);
    expect(await form.getByLabel('Allowed email domains').inputValue()).toBe('acme.test, partner.test');
    expect(await form.getByLabel('Role of a person signing in for the first time').inputValue()).toBe('executive');
    expect(await form.getByLabel('Client secret').inputValue()).toBe('');

    await form.getByLabel('Offer “Sign in with …” on the login page').uncheck();
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await form.getByRole('status').filter({ hasText: 'set up but off' }).waitFor();
    const [{ client_secret_encrypted: secretAfter }] = await api.dataSource.query(
      `SELECT client_secret_encrypted FROM organization_sso WHERE organization_id = $1`,
      [t.organizationId],
    );
    expect(secretAfter).toBe(secretBefore);
    expect((await api.http.get('/auth/sso/discover?email=ann@acme.test')).body).toEqual({ available: false });
    await browser.close();

    // The login page no longer offers it for that domain; password login is still there.
    browser = await openBrowser();
    await browser.page.goto(`${api.baseUrl}/login`);
    await browser.page.getByLabel('Email').fill('ann@acme.test');
    await browser.page.getByLabel('Email').press('Tab');
    await browser.page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await browser.page.getByRole('button', { name: /^Sign in with / }).count()).toBe(0);
    await browser.close();

    // Back on, through the screen again.
    browser = await openBrowser();
    const again = await openSsoScreen(browser.page, t.emails.admin);
    await again.getByLabel('Offer “Sign in with …” on the login page').check();
    await again.getByRole('button', { name: 'Save single sign-on' }).click();
    await again.getByRole('status').filter({ hasText: 'Single sign-on is on.' }).waitFor();
    expect((await api.http.get('/auth/sso/discover?email=ann@acme.test')).body.available).toBe(true);
  });

  it('only admins see the screen', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${api.baseUrl}/login`);
    await page.getByLabel('Email').fill(t.emails.manager);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.goto(`${api.baseUrl}/manage/clients`);
    await page.getByRole('navigation', { name: 'Manage' }).waitFor();
    expect(await page.getByRole('link', { name: 'Single sign-on' }).count()).toBe(0);
  });
});
