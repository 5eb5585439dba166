import { DEMO_PASSWORD, DriftScanService, seedDemoOrganization } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
import {
  browserAvailability,
  eventually,
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
 * The client executive's summary (issue 18): on the demo firm, after a scan, the executive posts a check-in on one
 * of Acme's engagements with a blocker that needs the client. The client viewer's home shows, per engagement, the
 * headline sentence (waiting on them), the ask, what is due, risks and the latest check-in, which they acknowledge;
 * it reads at 1280 and at 375 px without sideways scrolling. Another client's summary answers 404.
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

const ASK = 'Sign off the new pricing tiers with your CFO';

describeInBrowser("the client executive's summary in Chromium", () => {
  let api: TestApi;
  let worker: TestWorker;
  let browser: BrowserSession | null = null;
  let client: HttpClient;
  let engagementId: string;
  let priorityTitle: string;
  let demoOrganizationId: string;

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue });
    const { organizationId } = await seedDemoOrganization(api.dataSource);
    // Other suites share this database: the outbox is read for the demo organization only.
    demoOrganizationId = organizationId;
    await worker.app.get(DriftScanService).scanOrganization(organizationId);
    client = await login(api.http, 'client@demo.test', DEMO_PASSWORD);
    // The home summarises active engagements: Acme's CRO engagement (its CMO one is only proposed).
    engagementId = (await client.get('/portfolio')).body.items.find(
      (i: { status: string }) => i.status === 'active',
    ).engagementId;
  });
  afterEach(async () => {
    await browser?.close();
    browser = null;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function postAsk(): Promise<void> {
    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    const summary = (await manager.get(`/engagements/${engagementId}/summary`)).body;
    const priority = summary.priorities.find((p: { status: string }) => p.status === 'active');
    priorityTitle = priority.title;
    expectStatus(
      await manager.post(`/priorities/${priority.id}/check-ins`, {
        rag: 'at_risk',
        confidence: 6,
        note: 'Pricing work is ready; the rollout waits on one decision.',
        blockerItems: [
          { text: ASK, needsClientAction: true },
          { text: 'CRM export is slow', needsClientAction: false },
        ],
      }),
      201,
    );
  }

  async function openAs(email: string, path: string, width: number) {
    browser = await openBrowser({ width, height: 900 });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${path}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return page;
  }

  it('the API: headline, asks, no internal fields; another client’s engagement is 404', async () => {
    await postAsk();
    const res = await client.get(`/engagements/${engagementId}/client-summary`);
    expectStatus(res, 200);
    expect(res.body.headline).toMatch(
      /^(On track|At risk|Off track|Overdue): \d+ of \d+ milestones done; .*waiting on your team/,
    );
    expect(res.body.asks).toEqual([expect.objectContaining({ text: ASK, priorityTitle })]);
    expect(res.body.latestCheckIn).toMatchObject({ priorityTitle, acknowledgedAt: null });
    const text = JSON.stringify(res.body);
    for (const internal of ['daysPerWeek', 'allocation', 'audit', 'accountManager'])
      expect(text).not.toContain(internal);
    expect(res.body.latestCheckIn.blockerItems).toHaveLength(2); // the check-in itself shows all its blockers

    const list = await client.get('/client-summaries');
    expectStatus(list, 200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(
      new Set(list.body.items.map((s: { engagement: { clientName: string } }) => s.engagement.clientName)),
    ).toEqual(new Set(['Acme Robotics']));

    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    const others = (await manager.get('/portfolio?limit=100')).body.items.filter(
      (i: { clientName: string }) => i.clientName !== 'Acme Robotics',
    );
    expect(others.length).toBeGreaterThan(0);
    expectStatus(await client.get(`/engagements/${others[0].engagementId}/client-summary`), 404);
    expectStatus(await client.get(`/client-summaries?clientId=${others[0].clientId}`), 200);
    expect((await client.get(`/client-summaries?clientId=${others[0].clientId}`)).body.items).toEqual([]);
    expectStatus(await client.get('/client-summaries?limit=0'), 400);
    expect((await client.get('/client-summaries?limit=1')).body).toMatchObject({ limit: 1, offset: 0 });
  });

  it.each([1280, 375])(
    'the client viewer’s home: the summary per engagement, readable at %i px',
    async (width) => {
      const page = await openAs('client@demo.test', '/portfolio', width);
      const card = page.getByTestId('client-summary').filter({ hasText: ASK });
      await card.waitFor();
      await card.getByTestId('client-headline').filter({ hasText: 'waiting on your team' }).waitFor();
      await card.getByRole('heading', { name: 'What we need from you' }).waitFor();
      await card.getByRole('heading', { name: 'Due in the next 30 days' }).waitFor();
      await card.getByRole('heading', { name: 'Risks' }).waitFor();
      await card.getByRole('heading', { name: 'Latest check-in' }).waitFor();
      await expect(page.getByText('days/week').count()).resolves.toBe(0);
      // Nothing wider than the window: no sideways scrolling on a phone.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await browser!.screenshot(`client-summary-home-${width}`);
    },
    120_000,
  );

  it('acknowledging the latest check-in from the summary', async () => {
    const page = await openAs('client@demo.test', `/engagements/${engagementId}`, 375);
    const card = page.getByTestId('client-summary');
    await card.getByText(ASK).waitFor();
    await card.getByRole('button', { name: 'Acknowledge the latest check-in' }).click();
    await card.getByText(/✓ Acknowledged/).waitFor();
    await eventually(
      async () => (await client.get(`/engagements/${engagementId}/client-summary`)).body.latestCheckIn.acknowledgedAt,
    );
    await browser!.screenshot('client-summary-acknowledged');
  }, 120_000);

  it('the account manager sees the same summary atop the engagement, without the acknowledge button', async () => {
    const page = await openAs('manager@demo.test', `/engagements/${engagementId}`, 1280);
    const card = page.getByTestId('client-summary');
    await card.getByText(ASK).waitFor();
    await expect(card.getByRole('button', { name: 'Acknowledge the latest check-in' }).count()).resolves.toBe(0);
  }, 120_000);

  it('the client pulse: asked in the summary, answered 1–5 with a comment, shown to the account manager with its trend', async () => {
    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    // Bad input and reach first, over HTTP.
    const bad = await client.post(`/engagements/${engagementId}/pulses`, { score: 6 });
    expectStatus(bad, 400);
    expect(JSON.stringify(bad.body)).toContain('score');
    expectStatus(await manager.post(`/engagements/${engagementId}/pulses`, { score: 3 }), 403);
    const other = (await manager.get('/portfolio?limit=100')).body.items.find(
      (i: { clientName: string }) => i.clientName !== 'Acme Robotics',
    );
    expectStatus(await client.post(`/engagements/${other.engagementId}/pulses`, { score: 3 }), 404);
    expectStatus(await client.get(`/engagements/${engagementId}/pulses`), 403);
    expect((await client.get(`/engagements/${engagementId}/client-summary`)).body.pulseDue).toBe('monthly');

    const page = await openAs('client@demo.test', `/engagements/${engagementId}`, 375);
    const form = page.getByRole('form', { name: 'Client pulse' });
    await form.getByText('How satisfied are you with progress?').waitFor();
    await form.getByLabel('4', { exact: true }).check();
    await form.getByLabel('Comment (optional)').fill('Steady progress on pricing');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.waitFor({ state: 'detached' });
    await browser!.screenshot('client-pulse-answered');
    expect((await client.get(`/engagements/${engagementId}/client-summary`)).body.pulseDue).toBeNull();

    const history = await manager.get(`/engagements/${engagementId}/pulses`);
    expectStatus(history, 200);
    expect(history.body).toMatchObject({
      latestScore: 4,
      items: [expect.objectContaining({ score: 4, comment: 'Steady progress on pricing', reason: 'monthly' })],
    });
    const [audit] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client_pulse.answered' AND entity_id = $1`,
      [history.body.items[0].id],
    );
    expect(audit.n).toBe(1);

    // A priority achieved: the client is asked again, by email (outbox) and in the dashboard.
    const summary = (await manager.get(`/engagements/${engagementId}/summary`)).body;
    const active = summary.priorities.find((p: { status: string }) => p.status === 'active');
    expectStatus(await manager.patch(`/priorities/${active.id}`, { status: 'achieved' }), 200);
    const emails = await api.dataSource.query(
      `SELECT recipient_email, payload FROM outbox WHERE event = 'pulse.requested' AND organization_id = $1 ORDER BY created_at`,
      [demoOrganizationId],
    );
    expect(emails.map((e: { recipient_email: string }) => e.recipient_email)).toContain('client@demo.test');
    expect(emails[0].payload.text).toContain(`“${active.title}” was just achieved.`);
    expect((await client.get(`/engagements/${engagementId}/client-summary`)).body.pulseDue).toBe('priority_achieved');
    // The worker delivers the emails (its mail directory); none is left in flight when the suite closes.
    await eventually(async () => {
      const [left] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE event = 'pulse.requested' AND organization_id = $1 AND status <> 'sent'`,
        [demoOrganizationId],
      );
      return left.n === 0;
    }, 60_000);

    await browser!.close();
    browser = null;
    const am = await openAs('manager@demo.test', `/engagements/${engagementId}`, 1280);
    await am.getByRole('heading', { name: 'Client pulse' }).waitFor();
    await am.getByText(/Latest: 4 of 5/).waitFor();
    await am.getByText(/Steady progress on pricing/).waitFor();
  }, 180_000);
});
