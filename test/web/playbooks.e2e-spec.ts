import { DEMO_PASSWORD, seedDemoOrganization } from '@app/domain';
import {
  browserAvailability,
  expectStatus,
  login,
  openBrowser,
  startTestApi,
  type BrowserSession,
  type TestApi,
} from '@test/support';

/**
 * Issue 17, item 1 in Chromium: the demo account manager applies the CRO 90-day revenue engine to an engagement,
 * from the preview (the API's dry run, nothing written) to the confirmation (everything written at once), at
 * 1280 and 375 px; and finds the firm's playbooks with their effectiveness.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

describeInBrowser('playbooks in Chromium', () => {
  let api: TestApi;
  let organizationId: string;
  let browser: BrowserSession | null = null;

  beforeAll(async () => {
    api = await startTestApi();
    ({ organizationId } = await seedDemoOrganization(api.dataSource));
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(() => api?.close());

  async function openAsManager(path: string, width: number) {
    browser = await openBrowser({ width });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${path}`);
    await page.getByLabel('Email').fill('manager@demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return page;
  }

  const prioritiesOf = async (engagementId: string) =>
    (
      await api.dataSource.query(
        `SELECT title, status, rank FROM priorities WHERE organization_id = $1 AND engagement_id = $2 ORDER BY rank`,
        [organizationId, engagementId],
      )
    ).map((r: { title: string; status: string; rank: number }) => [r.rank, r.status, r.title]);

  it.each([1280, 375])('an account manager applies a playbook from its preview (%i px)', async (width) => {
    // A new CRO engagement at Acme Robotics, made through the API as the demo account manager.
    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    const [acme] = await api.dataSource.query(
      `SELECT c.id AS client_id, e.id AS executive_id FROM clients c, executives e
        WHERE c.organization_id = $1 AND e.organization_id = $1 AND c.name = 'Acme Robotics' AND e.name = 'Elena Vasquez'`,
      [organizationId],
    );
    const engagement = await manager.post('/engagements', {
      clientId: acme.client_id,
      executiveId: acme.executive_id,
      function: 'CRO',
      startDate: '2026-01-05',
      daysPerWeek: 2,
    });
    expectStatus(engagement, 201);
    const engagementId = engagement.body.id as string;

    const page = await openAsManager(`/engagements/${engagementId}`, width);
    const panel = page.getByRole('region', { name: 'Apply playbook' });
    await panel.getByLabel('Playbook', { exact: true }).selectOption({ label: 'CRO 90-day revenue engine (CRO, v1)' });
    const owners = panel.getByLabel(/^Owner of/);
    await owners.first().waitFor();
    expect(await owners.count()).toBe(3);
    for (let i = 0; i < 3; i++) await owners.nth(i).selectOption({ label: 'Jordan Blake (VP Sales)' });
    await panel.getByLabel('Start date (day 0)').fill('2026-04-06');
    await panel.getByRole('button', { name: 'Preview' }).click();

    const table = panel.getByRole('table', { name: 'What applying creates' });
    await table.waitFor();
    await panel.getByText('Would create 3 priorities, all active.').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    await table.getByText('20 Apr 2026 · Pipeline audit and stage definitions agreed').waitFor();
    // the preview wrote nothing
    expect(await prioritiesOf(engagementId)).toEqual([]);
    await browser!.screenshot(`playbook-preview-${width}`);

    await panel.getByRole('button', { name: 'Confirm and apply' }).click();
    await panel.getByText(/Created 3 priorities, all active\. From “CRO 90-day revenue engine” v1\./).waitFor();
    await page.locator('.priorities').getByText('Build a qualified pipeline of 3x the quarterly target').waitFor();
    expect(await prioritiesOf(engagementId)).toEqual([
      [1, 'active', 'Build a qualified pipeline of 3x the quarterly target'],
      [2, 'active', 'Hire and ramp the sales team the plan needs'],
      [3, 'active', 'A forecast within 10% of actuals'],
    ]);
    const [{ milestones }] = await api.dataSource.query(
      `SELECT count(*)::int AS milestones FROM milestones m JOIN priorities p ON p.id = m.priority_id WHERE p.engagement_id = $1`,
      [engagementId],
    );
    expect(milestones).toBe(10);
    await browser!.screenshot(`playbook-applied-${width}`);
  });

  it('lists the firm’s playbooks with their effectiveness (1280 px)', async () => {
    const page = await openAsManager('/playbooks', 1280);
    const list = page.getByRole('table', { name: 'Playbooks' });
    for (const name of ['CRO 90-day revenue engine', 'CMO pipeline rebuild', 'CPO roadmap reset'])
      await list.getByRole('link', { name }).waitFor();
    await page.getByRole('table', { name: 'Playbook effectiveness' }).getByText('CMO pipeline rebuild v1').waitFor();
    await browser!.screenshot('playbooks-list-1280');
    await list.getByRole('link', { name: 'CPO roadmap reset' }).click();
    await page.getByRole('heading', { name: 'Edit CPO roadmap reset' }).waitFor();
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 2.').waitFor();
  });
});
