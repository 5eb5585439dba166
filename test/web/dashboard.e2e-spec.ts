import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoOrganization } from '@app/domain';
import {
  createUser,
  accessibilityViolations,
  browserAvailability,
  eventually,
  expectStatus,
  login,
  openBrowser,
  signupToken,
  startTestApi,
  type BrowserSession,
  type TestApi,
} from '@test/support';

/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core) against the real API serving
 * the built app (dist/web) on a fresh test database with the demo firm. Each flow saves a screenshot under
 * test-results/web/.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

describeInBrowser('web dashboard in Chromium', () => {
  let api: TestApi;
  let browser: BrowserSession | null = null;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../dist/web/index.html')))
      throw new Error('dist/web is not built: run `npm run build` first (npm test does)');
    api = await startTestApi();
    await seedDemoOrganization(api.dataSource);
    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    const portfolio = await manager.get('/portfolio?limit=100');
    expectStatus(portfolio, 200);
    for (const item of portfolio.body.items as Array<{ engagementId: string; clientName: string; function: string }>)
      ids[`${item.clientName} ${item.function}`] = item.engagementId;
  });
  afterEach(async () => {
    // The CSP (script-src 'self', no inline handlers) must never get in the dashboard's way in any flow.
    const refused = browser?.cspViolations ?? [];
    await browser?.close();
    browser = null;
    expect(refused).toEqual([]);
  });
  afterAll(() => api?.close());

  async function signIn(email: string, options: { width?: number } = {}): Promise<Page> {
    browser = await openBrowser(options);
    const page = browser.page;
    await page.goto(`${api.baseUrl}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return page;
  }

  const priorityCard = (page: Page, title: string) =>
    page.getByTestId('priority').filter({ has: page.getByRole('heading', { name: title }) });

  it('serves the app at / and for deep links, while unknown /api paths stay JSON 404s', async () => {
    const root = await fetch(`${api.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    const html = await root.text();
    expect(html).toContain('<div id="root"></div>');
    const deep = await fetch(`${api.baseUrl}/engagements/${ids['Acme Robotics CRO']}`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const asset = html.match(/\/assets\/index-[\w-]+\.js/)![0];
    const script = await fetch(`${api.baseUrl}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${api.baseUrl}/api/v1/no-such-route`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404 });
  });

  it('the browser enforces the CSP: an injected inline script does not run and is reported', async () => {
    browser = await openBrowser();
    const page = browser.page;
    await page.goto(`${api.baseUrl}/`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.appendChild(script);
    })()`);
    await eventually(async () => browser!.cspViolations.length > 0);
    expect(await page.evaluate('typeof window.injected')).toBe('undefined');
    browser.cspViolations.length = 0; // seen and expected: the afterEach check is for the app's own flows
  });

  it('login: a wrong password says so; the session survives a reload; logout ends it', async () => {
    browser = await openBrowser();
    const page = browser.page;
    await page.goto(`${api.baseUrl}/portfolio`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('Enter your email address.').isVisible()).resolves.toBe(true);
    await page.getByLabel('Email').fill('manager@demo.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That email and password do not match an active account.').waitFor();
    await browser.screenshot('login-error');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portfolio'); // back where the login interrupted
    await page.reload();
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor(); // refresh token kept the session
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.goto(`${api.baseUrl}/portfolio`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });

  it('password reset: from the login page to the emailed link, where the API refuses a common password and takes a good one', async () => {
    const admin = await login(api.http, 'admin@demo.test', DEMO_PASSWORD);
    const email = `reset-${Date.now()}@demo.test`;
    expectStatus(
      await createUser(admin, { email, name: 'Rae Reset', role: 'account_manager', password: DEMO_PASSWORD }),
      201,
    );
    browser = await openBrowser();
    const page = browser.page;
    await page.goto(`${api.baseUrl}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    const request = page.getByRole('form', { name: 'Reset your password' });
    await request.getByLabel('Email').fill(email);
    await request.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'an email with a link to choose a new password' }).waitFor();

    // No worker runs in this suite: the email waits in the outbox, link and all.
    const [mail] = await eventually(async () => {
      const rows: Array<{ text: string }> = await api.dataSource.query(
        `SELECT payload->>'text' AS text FROM outbox WHERE event = 'auth.password_reset' AND recipient_email = $1`,
        [email],
      );
      return rows.length ? rows : null;
    });
    const link = /\/reset-password\?token=[\w-]+/.exec(mail.text)![0];
    await page.goto(`${api.baseUrl}${link}`);
    const choose = page.getByRole('form', { name: 'Choose a new password' });
    await choose.getByLabel('New password').fill('password1234');
    await choose.getByLabel('Repeat it').fill('password1234');
    await choose.getByRole('button', { name: 'Set the new password' }).click();
    await choose.getByText(/most common passwords/).waitFor();
    const chosen = 'quiet harbour lanterns at dusk';
    await choose.getByLabel('New password').fill(chosen);
    await choose.getByLabel('Repeat it').fill(chosen);
    await choose.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await browser.screenshot('password-reset');
    await login(api.http, email, chosen);
  });

  it('sign-up: the emailed link lands on a page that creates the organization and signs its admin in; a used link is refused', async () => {
    const email = `founder-${Date.now()}@newco.test`;
    expectStatus(
      await api.http.post('/auth/signup', {
        organizationName: 'Linkfield Partners',
        name: 'Lin Founder',
        email,
        password: DEMO_PASSWORD,
      }),
      202,
    );
    const link = `/signup/verify?token=${await signupToken(api.http, email)}`;
    browser = await openBrowser();
    const page = browser.page;
    await page.goto(`${api.baseUrl}${link}`);
    const confirm = page.getByRole('form', { name: 'Create your organization' });
    await confirm.getByRole('button', { name: 'Create my organization' }).click();
    await page.waitForURL(/\/portfolio$/);
    await browser.screenshot('signup-verified');
    await login(api.http, email, DEMO_PASSWORD);

    const again = await browser.context.newPage();
    await again.goto(`${api.baseUrl}${link}`);
    await again.getByRole('button', { name: 'Create my organization' }).click();
    await again.getByText('The sign-up link is invalid, expired or already used').waitFor();
  });

  it('change password in settings: the API names a wrong current password and a common new one; success ends the session, the new password logs in', async () => {
    const admin = await login(api.http, 'admin@demo.test', DEMO_PASSWORD);
    const email = `change-${Date.now()}@demo.test`;
    expectStatus(
      await createUser(admin, { email, name: 'Cam Change', role: 'executive', password: DEMO_PASSWORD }),
      201,
    );
    const otherSession = await login(api.http, email, DEMO_PASSWORD);
    const page = await signIn(email);
    await page.goto(`${api.baseUrl}/settings`);
    const form = page.getByRole('form', { name: 'Change your password' });
    const chosen = 'copper kettles sing at noon';
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill(chosen);
    await form.getByLabel('Repeat the new password').fill(chosen);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('currentPassword is not your current password').waitFor();
    await form.getByLabel('Current password').fill(DEMO_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill('password1234');
    await form.getByLabel('Repeat the new password').fill('password1234');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText(/most common passwords/).waitFor();
    await form.getByLabel('New password', { exact: true }).fill(chosen);
    await form.getByLabel('Repeat the new password').fill(chosen);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await browser!.screenshot('password-changed');
    expectStatus(await otherSession.get('/me'), 401);
    expectStatus(await api.http.post('/auth/login', { email, password: DEMO_PASSWORD }), 401);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(chosen);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
  });

  it('account manager: portfolio worst-drifting first, opens an engagement, re-ranks a priority, creates a milestone, sees the API field message', async () => {
    const page = await signIn('manager@demo.test');
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(4);
    // Demo drift: Corvid CPO 63, Acme CRO 34, Brightleaf CMO 12, Acme CMO (proposed) none.
    await expect(rows.nth(0).textContent()).resolves.toContain('Corvid Logistics · CPO');
    await expect(rows.nth(1).textContent()).resolves.toContain('Acme Robotics · CRO');
    await expect(
      rows
        .nth(0)
        .getByRole('img', { name: /drift .* over \d+ weeks/ })
        .count(),
    ).resolves.toBe(1);
    await page.getByLabel('Search').fill('brightleaf');
    await rows.nth(1).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);
    await page.getByLabel('Search').fill('');
    await rows.nth(3).waitFor();
    await page.getByLabel('Health', { exact: true }).selectOption('off_track');
    // count() does not wait: let the filtered list render first (the second row goes).
    await rows.nth(1).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.nth(0).textContent()).resolves.toContain('Corvid');
    // The filter lives in the URL: a reload shows the same view (and the tab names the page).
    expect(new URL(page.url()).searchParams.get('health')).toBe('off_track');
    await page.reload();
    await rows.first().waitFor();
    await expect(page.getByLabel('Health', { exact: true }).inputValue()).resolves.toBe('off_track');
    await expect(rows.count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe('Portfolio — Throughline');
    await page.getByLabel('Health', { exact: true }).selectOption('');
    await browser!.screenshot('manager-portfolio');

    await page.getByRole('link', { name: 'Acme Robotics · CRO' }).click();
    await page.getByRole('heading', { name: 'Acme Robotics · CRO' }).waitFor();
    await priorityCard(page, 'Rework pricing and packaging for mid-market').getByText('#2').waitFor();
    await page.getByRole('button', { name: 'Move "Rework pricing and packaging for mid-market" up' }).click();
    await priorityCard(page, 'Rework pricing and packaging for mid-market').getByText('#1').waitFor();
    await priorityCard(page, 'Build a repeatable enterprise pipeline').getByText('#2').waitFor();

    const pricing = priorityCard(page, 'Rework pricing and packaging for mid-market');
    await pricing.getByRole('button', { name: 'Add milestone' }).click();
    const form = pricing.getByRole('form', { name: /New milestone/ });
    const due = DateTime.now().plus({ days: 40 }).toISODate()!;
    await form.getByLabel('Milestone title').fill('Sales enablement on the new tiers');
    await form.getByLabel('Due date').fill(due);
    await form.getByLabel('Weight').fill('0');
    await form.getByRole('button', { name: 'Create milestone' }).click();
    await form.getByText('Weight must be at least 0.01.').waitFor(); // the API's field message, as a sentence
    await browser!.screenshot('manager-bad-input');
    await form.getByLabel('Weight').fill('1');
    await form.getByRole('button', { name: 'Create milestone' }).click();
    await pricing
      .getByTestId('timeline-row')
      .filter({ hasText: 'Sales enablement on the new tiers' })
      .getByText('on plan')
      .waitFor();

    const fromApi = await (
      await login(api.http, 'manager@demo.test', DEMO_PASSWORD)
    ).get(`/engagements/${ids['Acme Robotics CRO']}/summary`);
    const pricingView = fromApi.body.priorities.find((p: { title: string }) => p.title.startsWith('Rework pricing'));
    expect(pricingView.rank).toBe(1);
    expect(pricingView.milestones.map((m: { title: string }) => m.title)).toContain(
      'Sales enablement on the new tiers',
    );
    await browser!.screenshot('manager-engagement');
  });

  it('executive: posts a check-in and re-plans a milestone with a reason; the timeline shows the slip', async () => {
    const page = await signIn('exec@demo.test');
    await page.getByTestId('portfolio-row').first().waitFor();
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(2); // Acme CRO and the proposed Acme CMO
    await page.getByRole('link', { name: 'Acme Robotics · CRO' }).click();
    const pipeline = priorityCard(page, 'Build a repeatable enterprise pipeline');
    await pipeline.waitFor();

    await pipeline.getByRole('button', { name: 'Post check-in' }).click();
    const checkIn = pipeline.getByRole('form', { name: /Check-in on/ });
    await checkIn.getByLabel('Status (RAG)').selectOption('at_risk');
    await checkIn.getByLabel('Confidence (0–10)').fill('5');
    await checkIn.getByLabel('Progress note').fill('Outbound live for 30 of 50 accounts; enrichment still missing.');
    await checkIn.getByLabel('Blockers (optional)').fill('Data enrichment budget');
    await checkIn.getByRole('button', { name: 'Post check-in' }).click();
    await page.getByTestId('checkin').filter({ hasText: 'Outbound live for 30 of 50 accounts' }).waitFor();

    const row = pipeline.getByTestId('timeline-row').filter({ hasText: 'First 10 enterprise discovery calls' });
    await row.getByRole('button', { name: /actions and history/ }).click();
    const panel = pipeline.getByRole('region', { name: 'Milestone First 10 enterprise discovery calls' });
    const replan = panel.getByRole('form', { name: /Re-plan/ });
    const newDue = DateTime.now().setZone('Europe/London').startOf('day').plus({ days: 50 });
    await replan.getByLabel('New due date').fill(newDue.toISODate()!);
    await replan.getByRole('button', { name: 'Re-plan' }).click();
    await replan.getByText('A re-plan needs a reason: say why the date moves.').waitFor(); // required, checked before sending
    await replan.getByText('Choose what caused the change.').waitFor();
    await replan.getByLabel('Cause').selectOption('client');
    await replan.getByLabel('Reason for the change').fill('Enterprise buyers pushed discovery past their budget cycle');
    await replan.getByRole('button', { name: 'Re-plan' }).click();
    // Baseline was today + 21: 29 days of slip, one re-plan, drawn as a slip bar.
    const slipped = pipeline.getByTestId('timeline-row').filter({ hasText: 'First 10 enterprise discovery calls' });
    await slipped.getByText('slipped 29 days, re-planned 1×').waitFor();
    await expect(slipped.locator('.timeline-slip').count()).resolves.toBe(1);
    await slipped.getByRole('button', { name: /actions and history/ }).click();
    await pipeline
      .getByText('“Enterprise buyers pushed discovery past their budget cycle”', { exact: false })
      .waitFor();
    await browser!.screenshot('executive-replan');
  });

  it("client viewer: sees only their client's engagements, cannot open another client's, acknowledges a check-in", async () => {
    const page = await signIn('client@demo.test');
    await page.getByRole('heading', { name: 'Your engagements' }).waitFor();
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('Acme Robotics'),
      expect.stringContaining('Acme Robotics'),
    ]);
    await expect(page.getByRole('link', { name: 'Alerts' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Manage' }).count()).resolves.toBe(0);

    await page.goto(`${api.baseUrl}/engagements/${ids['Corvid Logistics CPO']}`);
    await page.getByText('Not found.').waitFor();
    await expect(page.getByText('Corvid').count()).resolves.toBe(0);
    await browser!.screenshot('client-other-client-refused');

    await page.goto(`${api.baseUrl}/engagements/${ids['Acme Robotics CRO']}`);
    await page.getByText('Read-only view shared with Acme Robotics.').waitFor();
    await expect(page.getByRole('button', { name: /Move .* up/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Post check-in' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Add milestone' }).count()).resolves.toBe(0);
    await expect(page.getByText('days/week').count()).resolves.toBe(0); // allocation is internal
    const pending = page.getByRole('button', { name: /^Acknowledge the check-in/ });
    const before = await pending.count();
    expect(before).toBeGreaterThan(0);
    await pending.first().click();
    await eventually(async () => (await pending.count()) === before - 1);
    await browser!.screenshot('client-engagement');
  });

  it('admin: alerts inbox (acknowledge, resolve with a note), focus cap message in management, client grants, timezone setting', async () => {
    const [org] = await api.dataSource.query(`SELECT id FROM organizations WHERE is_demo`);
    await api.dataSource.query(
      `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
       VALUES ($1, 'priority_stalled', 'engagement', $2, $2, 'critical', 'open', 'Browser test: no check-in for 30 days', now(), now()),
              ($1, 'focus_overload', 'engagement', $3, $3, 'warning', 'open', 'Browser test: too many active priorities', now(), now())`,
      [org.id, ids['Acme Robotics CRO'], ids['Brightleaf Health CMO']],
    );
    const page = await signIn('admin@demo.test');
    await page.getByRole('link', { name: 'Alerts' }).click();
    const stalled = page.getByTestId('alert').filter({ hasText: 'Browser test: no check-in for 30 days' });
    await stalled.getByRole('button', { name: 'Acknowledge' }).click();
    await stalled.waitFor({ state: 'detached' }); // the inbox shows open alerts by default
    await page.getByLabel('Status').selectOption('acknowledged');
    await page.getByTestId('alert').filter({ hasText: 'Browser test: no check-in for 30 days' }).waitFor();
    await page.getByLabel('Status').selectOption('open');
    const overload = page.getByTestId('alert').filter({ hasText: 'Browser test: too many active priorities' });
    await overload.getByRole('button', { name: 'Resolve…' }).click();
    await overload.getByRole('button', { name: 'Resolve alert' }).click();
    await overload.getByText('Say how it was resolved.').waitFor();
    await overload.getByLabel('Resolution note').fill('Moved two priorities back to draft with the client');
    await overload.getByRole('button', { name: 'Resolve alert' }).click();
    await overload.waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('resolved');
    await page.getByText('Resolution: Moved two priorities back to draft with the client').waitFor();
    await browser!.screenshot('admin-alerts');

    // Focus cap 2: Acme CRO already has two active priorities, so a third active one is refused with the API's message.
    expectStatus(
      await (await login(api.http, 'admin@demo.test', DEMO_PASSWORD)).patch('/organization/settings', { focusCap: 2 }),
      200,
    );
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Priorities' }).click();
    const form = page.getByRole('form', { name: 'New priority' });
    await form.getByLabel('Engagement').selectOption({ label: 'Acme Robotics · CRO (Elena Vasquez)' });
    await form.getByLabel('Title').fill('Open a second sales region');
    await form.getByLabel('Owner').selectOption({ label: 'Jordan Blake' });
    await form.getByLabel('Target date').fill(DateTime.now().plus({ days: 120 }).toISODate()!);
    await form.getByRole('button', { name: 'Create priority' }).click();
    await form.getByRole('alert').filter({ hasText: 'the focus cap is 2' }).waitFor();
    await browser!.screenshot('admin-focus-cap');
    await form.getByLabel('Status').selectOption('draft');
    await form.getByRole('button', { name: 'Create priority' }).click();
    await page.getByText('Priority created.').waitFor();

    await page.getByRole('link', { name: 'Users' }).click();
    const grants = page.getByRole('form', { name: 'Client grants of Chris Client' });
    await grants.getByLabel('Brightleaf Health').check();
    await grants.getByRole('button', { name: 'Save grants' }).click();
    await eventually(async () => {
      const [user] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM client_grants g JOIN users u ON u.id = g.user_id WHERE u.email = 'client@demo.test'`,
      );
      return user.n === 2;
    });
    await browser!.screenshot('admin-users');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your timezone').selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save timezone' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
    const [admin] = await api.dataSource.query(`SELECT timezone FROM users WHERE email = 'admin@demo.test'`);
    expect(admin.timezone).toBe('Asia/Tokyo');
    await browser!.screenshot('admin-settings');
    await api.dataSource.query(
      `DELETE FROM client_grants g USING users u WHERE u.id = g.user_id AND u.email = 'client@demo.test' AND g.client_id <> (SELECT id FROM clients WHERE name = 'Acme Robotics' AND organization_id = $1)`,
      [org.id],
    );
  });

  it('weekly digest preferences: a client viewer chooses day and hour on the page digest emails link to, then opts out', async () => {
    const page = await signIn('client@demo.test');
    await page.goto(`${api.baseUrl}/settings/digest`);
    const form = page.getByRole('form', { name: 'Weekly digest' });
    await form.getByText(/Your next digest is due/).waitFor();
    await expect(form.getByLabel('Email me a weekly digest').isChecked()).resolves.toBe(true);
    await form.getByLabel('Day').selectOption('friday');
    await form.getByLabel('Hour (your time)').selectOption('7');
    await form.getByRole('button', { name: 'Save digest preferences' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const prefsOf = async () =>
      (
        await api.dataSource.query(
          `SELECT p.weekday, p.hour, p.opted_out FROM digest_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = 'client@demo.test'`,
        )
      )[0] as { weekday: number; hour: number; opted_out: boolean | null };
    expect(await prefsOf()).toEqual({ weekday: 5, hour: 7, opted_out: false });
    await browser!.screenshot('client-digest-settings');

    await form.getByLabel('Email me a weekly digest').uncheck();
    await form.getByRole('button', { name: 'Save digest preferences' }).click();
    await form.getByText('You get no weekly digest.').waitFor();
    expect((await prefsOf()).opted_out).toBe(true);
    await api.dataSource.query(
      `DELETE FROM digest_preferences p USING users u WHERE u.id = p.user_id AND u.email = 'client@demo.test'`,
    );
  });

  it('meets WCAG 2.1 AA (axe-core): login, portfolio, engagement dashboard with open forms, alerts, manage, settings', async () => {
    browser = await openBrowser();
    const page = browser.page;
    await page.goto(`${api.baseUrl}/login`);
    await page.getByRole('button', { name: 'Log in' }).click(); // with its validation messages showing
    await page.getByText('Enter your email address.').waitFor();
    const found: Record<string, unknown[]> = { login: await accessibilityViolations(page) };
    await page.getByLabel('Email').fill('manager@demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('portfolio-row').first().waitFor();
    found.portfolio = await accessibilityViolations(page);
    await page.getByRole('link', { name: 'Corvid Logistics · CPO' }).click();
    const platform = priorityCard(page, 'Ship the shipment-tracking platform v2');
    await platform.getByRole('button', { name: 'Post check-in' }).click();
    await platform
      .getByRole('button', { name: /actions and history/ })
      .first()
      .click();
    await platform.getByText('Due-date history').waitFor();
    found.engagement = await accessibilityViolations(page);
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    found.alerts = await accessibilityViolations(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('form', { name: 'New client' }).waitFor();
    found.manage = await accessibilityViolations(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('form', { name: 'Alert notifications' }).waitFor();
    found.settings = await accessibilityViolations(page);
    expect(found).toEqual({ login: [], portfolio: [], engagement: [], alerts: [], manage: [], settings: [] });
  });

  it('keyboard only: logs in, reaches an engagement and re-ranks with Tab and Enter', async () => {
    browser = await openBrowser();
    const page = browser.page;
    await page.goto(`${api.baseUrl}/`);
    await page.getByLabel('Email').waitFor();
    await page.keyboard.type('manager@demo.test'); // the email field has focus on arrival
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('portfolio-row').first().waitFor();
    // The accessible label (or text) of the focused control; nothing while focus is on the page or a container
    // focused by script (the main region after a navigation, tabIndex -1).
    const focused = () =>
      page.evaluate<string>(
        `(() => { const el = document.activeElement; return !el || el === document.body || el.tabIndex < 0 ? '' : el.getAttribute('aria-label') || el.textContent || ''; })()`,
      );
    const tabTo = async (text: string) => {
      for (let presses = 0; presses < 60; presses += 1) {
        if ((await focused()).includes(text)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached "${text}"`);
    };
    await tabTo('Brightleaf Health · CMO');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Brightleaf Health · CMO' }).waitFor();
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main'); // focus moved to the new page
    await tabTo('Move "Stand up demand generation" up');
    await page.keyboard.press('Enter');
    await priorityCard(page, 'Stand up demand generation').getByText('#1').waitFor();
    // Focus stays on the moved priority: its "up" is disabled now, so its "down" (not the page body).
    const down = 'Move "Stand up demand generation" down';
    // (Polled with evaluate: waitForFunction evaluates a string, which the page's CSP forbids.)
    for (let tries = 0; tries < 30 && (await focused()) !== down; tries += 1) await page.waitForTimeout(100);
    await expect(focused()).resolves.toBe(down);
    await browser.screenshot('keyboard-rerank');
  });

  it('works at 375 px wide', async () => {
    const page = await signIn('manager@demo.test', { width: 375 });
    await page.getByTestId('portfolio-row').first().waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await browser!.screenshot('manager-portfolio-375');
    await page.getByRole('link', { name: 'Corvid Logistics · CPO' }).click();
    await page.getByRole('heading', { name: 'Corvid Logistics · CPO' }).waitFor();
    await page.getByTestId('timeline-row').first().waitFor();
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).toBeLessThanOrEqual(0);
    await browser!.screenshot('manager-engagement-375');
  });
});
