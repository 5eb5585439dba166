import { DEMO_PASSWORD, DriftScanService, seedDemoOrganization } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
import {
  accessibilityViolations,
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
 * The account manager's Monday triage (issue 14, "a dashboard that explains itself"): the portfolio opens with a
 * "needs attention" strip whose counts filter the list in one click (kept in the URL); the alerts inbox groups the
 * alerts by engagement, worst first, and acknowledges or resolves many at once. On the demo firm after a scan, in
 * Chromium at 1280 and 375 px (screenshots under test-results/web).
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

interface AlertRow {
  id: string;
  status: string;
  engagementId: string | null;
  message: string;
}

describeInBrowser('triage in Chromium: the needs-attention strip and the grouped inbox', () => {
  let api: TestApi;
  let worker: TestWorker;
  let manager: HttpClient;
  let browser: BrowserSession | null = null;

  const openAlerts = async (): Promise<AlertRow[]> => {
    const list = await manager.get('/alerts?status=open&limit=100');
    expectStatus(list, 200);
    return list.body.items as AlertRow[];
  };

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue });
    const { organizationId } = await seedDemoOrganization(api.dataSource);
    await worker.app.get(DriftScanService).scanOrganization(organizationId);
    manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
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

  it.each([1280, 375])('the portfolio opens with what needs attention; one click filters it (%i px)', async (width) => {
    const portfolio = await manager.get('/portfolio?limit=100');
    const items = portfolio.body.items as Array<{ engagementId: string; openAlerts: { critical: number } }>;
    const critical = items.filter((i) => i.openAlerts.critical > 0);
    expect(critical.length).toBeGreaterThan(0);

    const page = await openAs('manager@demo.test', '/portfolio', width);
    const strip = page.getByRole('region', { name: 'Needs attention' });
    const button = strip.getByRole('button', { name: `${critical.length} with critical alerts` });
    await button.waitFor();
    await browser!.screenshot(`needs-attention-${width}`);
    await button.click();
    await page.waitForURL(/attention=critical/);
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByText(`${critical.length} of ${items.length} engagements`).waitFor();
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(critical.length);
    // A reload keeps the filter (it is in the URL).
    await page.reload();
    await page.getByText(`${critical.length} of ${items.length} engagements`).waitFor();
    await strip.getByRole('button', { name: 'Show all' }).click();
    await page.getByText(`${items.length} of ${items.length} engagements`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it.each([1280, 375])('the inbox groups alerts by engagement and acts on many at once (%i px)', async (width) => {
    const open = await openAlerts();
    const byEngagement = new Map<string, AlertRow[]>();
    for (const a of open)
      if (a.engagementId) byEngagement.set(a.engagementId, [...(byEngagement.get(a.engagementId) ?? []), a]);
    const [engagementId, group] = [...byEngagement.entries()].find(([, alerts]) => alerts.length >= 3)!;
    expect(group.length).toBeGreaterThanOrEqual(3);

    const page = await openAs('manager@demo.test', '/alerts', width);
    const section = page
      .locator('section.alert-group')
      .filter({ has: page.locator(`a[href="/engagements/${engagementId}"]`) });
    await section.waitFor();
    await expect(section.getByTestId('alert').count()).resolves.toBe(group.length);
    await browser!.screenshot(`alerts-inbox-${width}`);

    // Select the whole group, then let one go: acknowledge the rest in one action.
    await section.getByLabel(`Select all ${group.length}`).check();
    const spared = group[group.length - 1];
    await section.getByLabel(`Select “${spared.message}”`).uncheck();
    const bar = page.getByRole('region', { name: 'Act on the selected alerts' });
    await bar.getByText(`${group.length - 1} selected`).waitFor();
    await bar.getByRole('button', { name: 'Acknowledge selected' }).click();
    await bar
      .getByRole('status')
      .filter({ hasText: `${group.length - 1} alerts acknowledged.` })
      .waitFor();
    await browser!.screenshot(`alerts-inbox-acknowledged-${width}`);
    const after = new Map((await openAlerts()).map((a) => [a.id, a]));
    for (const a of group.slice(0, -1)) expect(after.has(a.id)).toBe(false);
    expect(after.has(spared.id)).toBe(true);

    // Resolve the one left, with a note; a missing note is asked for first.
    await section.getByLabel(`Select “${spared.message}”`).check();
    await bar.getByRole('button', { name: 'Resolve selected…' }).click();
    await bar.getByRole('button', { name: 'Resolve 1 alert' }).click();
    await bar.getByText('Say how they were resolved.').waitFor();
    await bar.getByLabel('Resolution note for 1 alert').fill('Re-planned with the client on Monday');
    await bar.getByRole('button', { name: 'Resolve 1 alert' }).click();
    await bar.getByRole('status').filter({ hasText: '1 alert resolved.' }).waitFor();
    const resolved = await manager.get(`/alerts/${spared.id}`);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: 'Re-planned with the client on Monday' });
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type = 'alert' AND entity_id = ANY($1::uuid[]) ORDER BY created_at`,
      [group.map((a) => a.id)],
    );
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual(
      [...group.slice(0, -1).map(() => 'alert.acknowledged'), 'alert.resolved'].sort(),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a client viewer reads the grouped inbox without checkboxes or the bulk bar', async () => {
    const page = await openAs('client@demo.test', '/alerts', 1280);
    await page.locator('section.alert-group, p.state-empty').first().waitFor();
    await expect(page.getByRole('region', { name: 'Act on the selected alerts' }).count()).resolves.toBe(0);
    await expect(page.getByRole('checkbox').count()).resolves.toBe(0);
  });
});
