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
  type HttpClient,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * One health story (issue 14): the portfolio, the engagement page and the client's view show the API's one headline
 * word and, where reported and computed differ, the same one line saying why; an alert reads since when its
 * condition has held. On the demo firm, after a scan and an executive's cheerful week on the worst engagement.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

const LABELS: Record<string, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  overdue: 'Overdue',
};

describeInBrowser('one health story in Chromium', () => {
  let api: TestApi;
  let worker: TestWorker;
  let manager: HttpClient;
  let browser: BrowserSession | null = null;
  let engagementId: string;
  let clientEngagementId: string;
  let note: string;

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue });
    const { organizationId } = await seedDemoOrganization(api.dataSource);
    await worker.app.get(DriftScanService).scanOrganization(organizationId);
    manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);

    // The worst engagement by the numbers; its executive reports every active priority on track this week.
    const portfolio = await manager.get('/portfolio?limit=100');
    expectStatus(portfolio, 200);
    const worst = (portfolio.body.items as Array<{ engagementId: string; health: string | null }>).find(
      (i) => i.health && i.health !== 'on_track',
    )!;
    expect(worst).toBeDefined();
    engagementId = worst.engagementId;
    const before = await manager.get(`/engagements/${engagementId}/summary`);
    for (const p of before.body.priorities.filter((p: { status: string }) => p.status === 'active'))
      expectStatus(
        await manager.post(`/priorities/${p.id}/check-ins`, { rag: 'on_track', confidence: 8, note: 'A good week' }),
        201,
      );
    const after = await manager.get(`/engagements/${engagementId}/summary`);
    expect(after.body.engagement.reportedRag).toBe('on_track');
    note = after.body.engagement.healthNote;
    expect(note).toMatch(/^reported on track; computed (at risk|off track|overdue): .+/);
    const item = (await manager.get('/portfolio?limit=100')).body.items.find(
      (i: { engagementId: string }) => i.engagementId === engagementId,
    );
    expect(item).toMatchObject({ headline: after.body.engagement.headline, healthNote: note });

    const client = await login(api.http, 'client@demo.test', DEMO_PASSWORD);
    clientEngagementId = (await client.get('/portfolio')).body.items[0].engagementId;
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function openAs(email: string, path: string, width: number) {
    browser = await openBrowser({ width });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${path}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return page;
  }

  const sentence = (line: string) => line.charAt(0).toUpperCase() + line.slice(1);

  it.each([1280, 375])(
    'the account manager: one word and one line, the same in the portfolio and on the page (%i px)',
    async (width) => {
      const summary = (await manager.get(`/engagements/${engagementId}/summary`)).body;
      let page = await openAs('manager@demo.test', '/portfolio', width);
      const row = page
        .getByTestId('portfolio-row')
        .filter({ has: page.locator(`a[href="/engagements/${engagementId}"]`) });
      await row
        .getByRole('note')
        .filter({ hasText: sentence(note) })
        .waitFor();
      await expect(row.locator('.headline-status').textContent()).resolves.toBe(LABELS[summary.engagement.headline]);
      await browser!.screenshot(`health-story-portfolio-${width}`);
      await browser!.close();

      page = await openAs('manager@demo.test', `/engagements/${engagementId}`, width);
      const header = page.getByTestId('engagement-health');
      await header
        .getByRole('note')
        .filter({ hasText: sentence(note) })
        .waitFor();
      await expect(header.locator('.headline-status').textContent()).resolves.toBe(LABELS[summary.engagement.headline]);
      // Every priority card leads with its own word, as the API gives it.
      const words = await page.locator('.priorities .headline-status').allTextContents();
      expect(words).toEqual(
        summary.priorities.map((p: { headline: string }) => LABELS[p.headline] ?? sentence(p.headline)),
      );
      // An overdue milestone's alert says since when, not when the scan saw it.
      const since = page.locator('.alerts-list li').filter({ hasText: /since \d{1,2} \w{3} \d{4} \(\d+ days?\)/ });
      expect(await since.count()).toBeGreaterThan(0);
      // The figures explain themselves: a legend in plain words.
      await page.getByText('What these mean').first().click();
      await page
        .getByText(/Drift score, 0 to 100, higher is worse/)
        .first()
        .waitFor();
      await page
        .getByText(/Dashed red line at 50/)
        .first()
        .waitFor();
      await page.getByText(/Expected by today: the share of the time/).waitFor();
      await browser!.screenshot(`health-story-engagement-${width}`);
    },
    // Two logins and two pages in one flow, on a machine the whole suite shares.
    180_000,
  );

  it.each([1280, 375])(
    'the client reads the same word for their engagement (%i px)',
    async (width) => {
      const client = await login(api.http, 'client@demo.test', DEMO_PASSWORD);
      const summary = (await client.get(`/engagements/${clientEngagementId}/summary`)).body;
      const page = await openAs('client@demo.test', `/engagements/${clientEngagementId}`, width);
      const header = page.getByTestId('engagement-health');
      await header.waitFor();
      if (summary.engagement.headline)
        await expect(header.locator('.headline-status').textContent()).resolves.toBe(
          LABELS[summary.engagement.headline],
        );
      if (summary.engagement.healthNote)
        await header
          .getByRole('note')
          .filter({ hasText: sentence(summary.engagement.healthNote) })
          .waitFor();
      else expect(await header.getByRole('note').count()).toBe(0);
      await browser!.screenshot(`health-story-client-${width}`);
    },
    120_000,
  );
});
