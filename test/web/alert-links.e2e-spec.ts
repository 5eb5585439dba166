import { DEMO_PASSWORD, DriftScanService, seedDemoOrganization } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
import {
  browserAvailability,
  expectStatus,
  login,
  openBrowser,
  queueIsolation,
  startTestApi,
  startTestWorker,
  type BrowserSession,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * Bug 2 of issue 14: every link the worker writes into an alert email lands on a page showing what it names.
 * The links are read from the outbox rows a real drift scan of the demo firm writes, and each is opened in
 * Chromium as its recipient.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

interface MailedLink {
  email: string;
  link: string;
  message: string | null;
}

describeInBrowser('alert email links in Chromium', () => {
  let api: TestApi;
  let worker: TestWorker;
  let links: MailedLink[];
  let browser: BrowserSession | null = null;

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    // A recipient with more than 3 alerts gets one bundled email linking to the inbox.
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, alertBatchAbove: 3 });
    const { organizationId } = await seedDemoOrganization(api.dataSource);
    // The demo's owners carry 1–2 priorities each; a limit of 1 raises owner overloads, which belong to no engagement.
    await api.dataSource.query(
      `UPDATE organizations SET settings = jsonb_set(settings, '{drift}', '{"ownerMaxActivePriorities": 1}') WHERE id = $1`,
      [organizationId],
    );
    await worker.app.get(DriftScanService).scanOrganization(organizationId);
    // One row per distinct link, mailed to a user who can log in: each email's own link, and each alert
    // listed in a bundled email.
    links = await api.dataSource.query(
      `SELECT DISTINCT ON (link) email, link, message
         FROM (SELECT o.recipient_email AS email, o.payload->>'link' AS link, o.payload->'alert'->>'message' AS message
                 FROM outbox o
                WHERE o.organization_id = $1 AND o.channel = 'email' AND o.recipient_user_id IS NOT NULL
               UNION ALL
               SELECT o.recipient_email, listed->>'link', listed->>'message'
                 FROM outbox o CROSS JOIN jsonb_array_elements(o.payload->'batch'->'alerts') listed
                WHERE o.organization_id = $1 AND o.channel = 'email' AND o.recipient_user_id IS NOT NULL
                  AND o.event = 'alerts.batch') mailed
        WHERE link IS NOT NULL
        ORDER BY link, email`,
      [organizationId],
    );
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** The mailed link on the test API's origin (the worker writes PUBLIC_URL's). */
  const onTestApi = (link: string) => {
    const url = new URL(link);
    return `${api.baseUrl}${url.pathname}${url.search}`;
  };

  async function openAs(email: string, link: string, width: number) {
    browser = await openBrowser({ width });
    const page = browser.page;
    await page.goto(onTestApi(link));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return page;
  }

  it('the scan mails the three kinds of link: an engagement alert, an alert outside any engagement, the inbox', () => {
    const paths = links.map(({ link }) => new URL(link).pathname);
    expect(links.some(({ link }) => /\/engagements\/[\w-]+\?alert=[\w-]+$/.test(link))).toBe(true);
    expect(paths.some((p) => /^\/alerts\/[\w-]+$/.test(p))).toBe(true);
    expect(paths).toContain('/alerts');
  });

  it.each([1280, 375])('each link lands on what it names, as its recipient (%i px)', async (width) => {
    const engagementLink = links.find(({ link }) => link.includes('?alert='))!;
    const alertLink = links.find(({ link }) => /\/alerts\/[\w-]+$/.test(new URL(link).pathname))!;
    const inboxLink = links.find(({ link }) => new URL(link).pathname === '/alerts')!;

    let page = await openAs(alertLink.email, alertLink.link, width);
    await page.getByRole('heading', { name: 'Alert', exact: true }).waitFor();
    await page.getByTestId('alert').getByText(alertLink.message!).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await browser!.screenshot(`alert-link-alert-${width}`);
    await browser!.close();

    page = await openAs(engagementLink.email, engagementLink.link, width);
    const alertId = new URL(engagementLink.link).searchParams.get('alert');
    const linked = page.locator('.alerts-list li[aria-current="true"]');
    await linked.waitFor();
    expect(await linked.getAttribute('id')).toBe(`alert-${alertId}`);
    await expect(linked.textContent()).resolves.toContain(engagementLink.message);
    expect(await page.locator('.alerts-list li[aria-current]').count()).toBe(1);
    await browser!.screenshot(`alert-link-engagement-${width}`);
    await browser!.close();

    page = await openAs(inboxLink.email, inboxLink.link, width);
    await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await page.getByTestId('alert').first().waitFor();
    await browser!.screenshot(`alert-link-inbox-${width}`);
  });

  it('a linked alert resolved since the email says so and links to its page; a client viewer cannot open it', async () => {
    const engagementLink = links.find(({ link }) => link.includes('?alert='))!;
    const alertId = new URL(engagementLink.link).searchParams.get('alert')!;
    const recipient = await login(api.http, engagementLink.email, DEMO_PASSWORD);
    expectStatus(await recipient.post(`/alerts/${alertId}/resolve`, { note: 'Re-planned with the client' }), 200);

    const page = await openAs(engagementLink.email, engagementLink.link, 1280);
    await page.getByText('This alert is resolved.').waitFor();
    expect(await page.locator('.alerts-list li[aria-current]').count()).toBe(0);
    await page.getByRole('link', { name: 'See what happened to it' }).click();
    await page.getByText('Resolution: Re-planned with the client').waitFor();
    await browser!.screenshot('alert-link-resolved-1280');
    await browser!.close();

    const alertLink = links.find(({ link }) => /\/alerts\/[\w-]+$/.test(new URL(link).pathname))!;
    const client = await openAs('client@demo.test', alertLink.link, 1280);
    await client
      .getByRole('alert')
      .filter({ hasText: /not found|forbidden|not allowed/i })
      .waitFor();
    expect(await client.getByTestId('alert').count()).toBe(0);
  });
});
