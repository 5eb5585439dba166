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
 * Issue 20 in Chromium: after a drift scan of the demo firm, the client's engagement page says when the work is
 * likely to land, and the milestone timeline draws each open milestone's P50–P80 band, beyond the due date for a
 * slipping one.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

interface MilestoneJson {
  title: string;
  dueDate: string;
  status: string;
  landingForecast: { p50: string; p80: string; basis: string } | null;
}

describeInBrowser('forecast band and sentence in Chromium', () => {
  let api: TestApi;
  let worker: TestWorker;
  let browser: BrowserSession | null = null;
  let engagementId: string;
  let summary: {
    landingForecast: { p50: string; p80: string } | null;
    priorities: Array<{ milestones: MilestoneJson[] }>;
  };

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue });
    const { organizationId } = await seedDemoOrganization(api.dataSource);
    await worker.app.get(DriftScanService).scanOrganization(organizationId);
    const client = await login(api.http, 'client@demo.test', DEMO_PASSWORD);
    const portfolio = await client.get('/portfolio');
    expectStatus(portfolio, 200);
    // The active engagement: the client's other one is only proposed (no forecast band), and both are Acme's, so the
    // portfolio's order between them falls to their random ids.
    engagementId = portfolio.body.items.find((i: { status: string }) => i.status === 'active').engagementId;
    const response = await client.get(`/engagements/${engagementId}/summary`);
    expectStatus(response, 200);
    summary = response.body;
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it.each([1280, 375])('the client sees "Likely to land …" and a band beyond the due date (%i px)', async (width) => {
    expect(summary.landingForecast).not.toBeNull();
    const slipping = summary.priorities
      .flatMap((p) => p.milestones)
      .find((m) => m.landingForecast && m.landingForecast.p50 > m.dueDate);
    expect(slipping).toBeDefined();

    browser = await openBrowser({ width });
    const page = browser.page;
    await page.goto(`${api.baseUrl}/engagements/${engagementId}`);
    await page.getByLabel('Email').fill('client@demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();

    const sentence = page.getByTestId('engagement-forecast');
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(
      /^Likely to land \d{1,2}(–\d{1,2} \w{3}| \w{3}( \d{4})? – \d{1,2} \w{3})/,
    );

    // Every forecast open milestone has its band; the slipping one's lies to the right of its current marker.
    const forecastCount = summary.priorities.flatMap((p) => p.milestones).filter((m) => m.landingForecast).length;
    await page.getByTestId('forecast-band').first().waitFor();
    expect(await page.getByTestId('forecast-band').count()).toBe(forecastCount);
    const row = page.getByTestId('timeline-row').filter({ hasText: slipping!.title }).first();
    await row.scrollIntoViewIfNeeded();
    const band = await row.getByTestId('forecast-band').boundingBox();
    const current = await row.locator('.timeline-current').boundingBox();
    expect(band).not.toBeNull();
    expect(current).not.toBeNull();
    expect(band!.width).toBeGreaterThan(0);
    expect(band!.x).toBeGreaterThan(current!.x + current!.width / 2);
    expect(await row.textContent()).toContain('· likely ');
    await browser.screenshot(`forecast-band-${width}`);
  });
});
