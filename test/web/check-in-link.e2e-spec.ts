import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { selectQueueBackend } from '@app/queue';
import { CheckInRemindersService, checkInTokenHash } from '@app/domain';
import {
  accessibilityViolations,
  browserAvailability,
  createTenant,
  eventually,
  expectStatus,
  openBrowser,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  type BrowserSession,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * Checking in from the emailed reminder link in Chromium (issue 18, item 3): the reminder goes through the outbox to
 * the SMTP sink; its link opens in a fresh browser context (no session) at 375 px, the form names the priority and
 * the person, and the check-in is recorded as that person. The same link again shows "already used"; a tampered one
 * a plain sentence, never a stack. Screenshots in test-results/web/.
 *
 * Time is pinned to Wednesday 2026-03-11 13:00 UTC (the organization's check-in day, 09:00 in New York where the
 * executive lives).
 */
const availability = browserAvailability();
const describeInBrowser = availability.available ? describe : describe.skip;

const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();

describeInBrowser('checking in from the emailed link in Chromium', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let t: Tenant;
  let browser: BrowserSession | null = null;
  const q = (sql: string, params: unknown[]) => api.dataSource.query(sql, params);

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../dist/web/index.html')))
      throw new Error('dist/web is not built: run `npm run build` first (npm test does)');
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    t = await createTenant(api.http, 'Check-in link page');
    expectStatus(await t.admin.patch('/organization/settings', { timezone: 'Europe/London', checkInWeekday: 3 }), 200);
    await q(`UPDATE users SET timezone = 'America/New_York' WHERE id = $1`, [t.users.executive]);
    await q(`UPDATE check_ins SET created_at = '2026-03-01T10:00:00Z' WHERE organization_id = $1`, [t.organizationId]);
  });
  afterEach(async () => {
    const refused = browser?.cspViolations ?? [];
    await browser?.close();
    browser = null;
    expect(refused).toEqual([]);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  let linkPath: string;
  let token: string;

  it('the executive opens the emailed link in a fresh browser at 375 px and checks in without logging in', async () => {
    const now = new Date('2026-03-11T13:00:00Z');
    api.setNow(now);
    worker.setNow(now);
    const sent = await worker.app.get(CheckInRemindersService).dispatch(t.organizationId);
    expect(sent.emails).toBeGreaterThanOrEqual(1);
    const mail = await eventually(async () =>
      smtp.messages.find(
        (m) => recipientOf(m) === t.emails.executive.toLowerCase() && /^Check-ins? due/.test(m.subject ?? ''),
      ),
    );
    // The link exactly as emailed (its path and query; the test app listens on its own port).
    const emailed = String(mail.text).match(/https?:\/\/\S+\/check-in\?token=[A-Za-z0-9_%-]+/)?.[0];
    expect(emailed).toBeDefined();
    const url = new URL(emailed!);
    linkPath = url.pathname + url.search;
    token = url.searchParams.get('token')!;

    browser = await openBrowser({ width: 375, height: 740 });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${linkPath}`);
    const form = page.getByRole('form', { name: 'Weekly check-in' });
    await form.waitFor();
    await form.getByText(`Recorded as`).waitFor();
    await form.getByText(/^executive /).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await browser.screenshot('check-in-link-form-375');

    // A blank note is refused next to its field, nothing is sent.
    await form.getByRole('button', { name: 'Send check-in' }).click();
    await form.getByText('Write a short progress note.').waitFor();

    await form.getByLabel('Status (RAG)').selectOption('at_risk');
    await form.getByLabel('Confidence (0–10)').fill('6');
    await form.getByLabel('Progress note').fill('Two AEs signed; the third waits on the budget.');
    await form.getByLabel('Blockers (optional)').fill('Budget sign-off');
    await form.getByLabel('The blockers need the client’s action').check();
    await form.getByRole('button', { name: 'Send check-in' }).click();
    await page.getByRole('status').filter({ hasText: 'is recorded' }).waitFor();
    await browser.screenshot('check-in-link-done-375');

    const rows = await q(
      `SELECT c.author_id, c.rag, c.confidence, c.note, c.blockers, c.blockers_need_client_action
         FROM check_in_links l JOIN check_ins c ON c.id = l.check_in_id
        WHERE l.organization_id = $1 AND l.token_hash = $2`,
      [t.organizationId, checkInTokenHash(token)],
    );
    expect(rows).toEqual([
      {
        author_id: t.users.executive,
        rag: 'at_risk',
        confidence: 6,
        note: 'Two AEs signed; the third waits on the budget.',
        blockers: 'Budget sign-off',
        blockers_need_client_action: true,
      },
    ]);
  }, 120_000);

  it('the same link again, in another fresh browser, says it was already used', async () => {
    browser = await openBrowser({ width: 375, height: 740 });
    const page = browser.page;
    await page.goto(`${api.baseUrl}${linkPath}`);
    await page.getByRole('alert').filter({ hasText: 'This check-in link was already used' }).waitFor();
    expect(await page.getByRole('form', { name: 'Weekly check-in' }).count()).toBe(0);
    await browser.screenshot('check-in-link-used-375');
  });

  it('a tampered link says so plainly, never a stack', async () => {
    browser = await openBrowser({ width: 1280 });
    const page = browser.page;
    await page.goto(`${api.baseUrl}/check-in?token=${(token[0] === 'A' ? 'B' : 'A') + token.slice(1)}`);
    await page.getByRole('alert').filter({ hasText: 'This check-in link is not valid' }).waitFor();
    expect(await page.content()).not.toMatch(/at .+\.(js|ts):\d+/);
    await page.goto(`${api.baseUrl}/check-in`);
    await page.getByRole('alert').filter({ hasText: 'This check-in link is not valid' }).waitFor();
    await browser.screenshot('check-in-link-invalid-1280');
  });
});
