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
 * Issue 17, item 3 in Chromium: the demo account manager creates a CMO engagement at Acme Robotics from a playbook
 * (with the preview), saves it as a playbook of its own, replaces Elena Vasquez by Marcus Chen from today on the engagement page and opens the handover
 * pack; Marcus then sees the engagement and Elena no longer does.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

describeInBrowser('executive change and handover pack in Chromium', () => {
  let api: TestApi;
  let organizationId: string;
  let browser: BrowserSession | null = null;
  let engagementId: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ organizationId } = await seedDemoOrganization(api.dataSource));
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(() => api?.close());

  async function openAs(email: string, path: string, width = 1280) {
    browser = await openBrowser({ width });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${path}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return page;
  }

  it('an account manager creates an engagement from a playbook, changes its executive and opens the handover pack', async () => {
    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    const [acme] = await api.dataSource.query(
      `SELECT c.id AS client_id, e.id AS executive_id FROM clients c, executives e
        WHERE c.organization_id = $1 AND e.organization_id = $1 AND c.name = 'Acme Robotics' AND e.name = 'Elena Vasquez'`,
      [organizationId],
    );
    const engagement = await manager.post('/engagements', {
      clientId: acme.client_id,
      executiveId: acme.executive_id,
      function: 'CMO',
      startDate: '2026-01-05',
      daysPerWeek: 2,
    });
    expectStatus(engagement, 201);
    engagementId = engagement.body.id;

    const page = await openAs('manager@demo.test', `/engagements/${engagementId}`);
    const panel = page.getByRole('region', { name: 'Apply playbook' });
    await panel.getByLabel('Playbook', { exact: true }).selectOption({ label: 'CMO pipeline rebuild (CMO, v1)' });
    const owners = panel.getByLabel(/^Owner of/);
    await owners.first().waitFor();
    const count = await owners.count();
    for (let i = 0; i < count; i++) await owners.nth(i).selectOption({ index: 1 });
    await panel.getByLabel('Start date (day 0)').fill('2026-01-12');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByRole('table', { name: 'What applying creates' }).waitFor();
    await panel.getByRole('button', { name: 'Confirm and apply' }).click();
    await panel.getByText(/From “CMO pipeline rebuild” v1\./).waitFor();

    // "Save this engagement as a playbook" from the same page.
    await page.getByText('Save as playbook', { exact: true }).first().click();
    const save = page.getByRole('form', { name: 'Save as playbook' });
    await save.getByLabel('Playbook name').fill('Acme CMO plan');
    await save.getByRole('button', { name: 'Save as playbook' }).click();
    await save.getByRole('link', { name: 'Acme CMO plan' }).waitFor();

    const form = page.getByRole('form', { name: 'Change executive' });
    await form
      .getByLabel('Incoming executive')
      .locator('option', { hasText: 'Marcus Chen' })
      .waitFor({ state: 'attached' });
    await form.getByLabel('Incoming executive').selectOption({ label: 'Marcus Chen' });
    await form.getByLabel('Reason').fill('Elena moves to a full-time CRO role');
    await form.getByRole('button', { name: 'Change executive' }).click();
    await browser!.screenshot('executive-change-recorded-1280');
    await form.getByRole('link', { name: 'open the handover pack' }).click();

    await page.getByRole('heading', { name: /Handover pack · Acme Robotics/ }).waitFor();
    await page.getByText('Elena moves to a full-time CRO role').waitFor();
    await page.getByRole('heading', { name: 'Open priorities' }).waitFor();
    await page.getByRole('heading', { name: 'Allocation history' }).waitFor();
    await page.getByRole('heading', { name: 'The client’s people' }).waitFor();
    expect(await page.locator('.handover-priority').count()).toBeGreaterThan(0);
    await browser!.screenshot('handover-pack-1280');
  });

  it('the new executive sees the engagement, the old one no longer does', async () => {
    const marcus = await openAs('marcus@demo.test', `/engagements/${engagementId}`);
    await marcus.getByRole('heading', { name: /Acme Robotics · CMO/ }).waitFor();
    await marcus.getByText(/Marcus Chen · active/).waitFor();
    await browser!.close();

    const elena = await openAs('exec@demo.test', `/engagements/${engagementId}`);
    await elena.getByText('Not found.').waitFor();
    expect(await elena.getByRole('heading', { name: /Acme Robotics · CMO/ }).count()).toBe(0);
    await browser!.screenshot('handover-old-executive-1280');
  });
});
