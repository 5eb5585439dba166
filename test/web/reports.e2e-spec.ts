import {
  browserAvailability,
  createTenant,
  expectStatus,
  openBrowser,
  startTestApi,
  TEST_PASSWORD,
  type BrowserSession,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Period reports in Chromium (issue 18 item 4): an account manager freezes a report on the engagement page, opens
 * it and makes a share link; the link opens the read-only report in a fresh browser context without logging in, at
 * 1280 and 375 px; a revoked link shows a clear page.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

describeInBrowser('period reports and share links in Chromium', () => {
  let api: TestApi;
  let tenant: Tenant;
  let browser: BrowserSession | null = null;
  let shareUrl: string;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.http, 'Report pages');
    expectStatus(
      await tenant.manager.post(`/milestones/${tenant.a.milestoneId}/replan`, {
        dueDate: '2026-08-14',
        reason: 'Board moved the pricing review',
        category: 'client',
      }),
      200,
    );
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(() => api?.close());

  it('an account manager creates a report on the engagement page, opens it and shares it', async () => {
    browser = await openBrowser({ width: 1280 });
    const page = browser.page;
    await page.goto(`${api.baseUrl}/engagements/${tenant.a.engagementId}`);
    await page.getByLabel('Email').fill(tenant.emails.manager);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByLabel('Period from').fill('2026-01-05');
    await page.getByLabel('Period to').fill('2026-12-31');
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.getByRole('link', { name: 'open it' }).click();
    await page.getByRole('heading', { name: 'Slips and their reasons' }).waitFor();
    await page.getByText('Board moved the pricing review').waitFor();
    await browser.screenshot('report-page-1280');

    await page.getByText('Share without login').click();
    await page.getByRole('button', { name: 'Create share link' }).click();
    shareUrl = await page.getByLabel('Share link', { exact: true }).inputValue();
    expect(shareUrl).toMatch(/\/shared\/reports\/[A-Za-z0-9_-]{43}$/);
    await page.getByText(/Works until .* · 0 views/).waitFor();
  });

  it.each([1280, 375])('the share link opens the report without login in a fresh context (%i px)', async (width) => {
    browser = await openBrowser({ width });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${new URL(shareUrl).pathname}`);
    await page.getByRole('heading', { name: /A Corp/ }).waitFor();
    await page.getByText('Board moved the pricing review').waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot(`report-shared-${width}`);
  });

  it('a revoked link shows a clear page, not the report', async () => {
    const report = (await tenant.manager.get(`/engagements/${tenant.a.engagementId}/reports`)).body.items[0];
    const links = await tenant.manager.get(`/reports/${report.id}/share-links`);
    for (const link of links.body.items)
      expectStatus(await tenant.manager.request('DELETE', `/report-share-links/${link.id}`), 200);
    browser = await openBrowser({ width: 375 });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${new URL(shareUrl).pathname}`);
    await page.getByRole('heading', { name: 'This link has ended' }).waitFor();
    expect(await page.getByText('Board moved the pricing review').count()).toBe(0);
    await browser.screenshot('report-shared-revoked-375');
  });
});
