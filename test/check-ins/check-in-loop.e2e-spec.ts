import type { ParsedMail } from 'mailparser';
import { selectQueueBackend } from '@app/queue';
import { CheckInRemindersService, DriftScanService, newCheckInToken } from '@app/domain';
import {
  createTenant,
  eventually,
  expectStatus,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  type HttpResponse,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * The weekly check-in loop end to end (issue 18, item 3): the dispatcher writes the week's due check-ins and, at
 * 09:00 in each recipient's own timezone, one reminder email through the outbox with a single-use link per priority;
 * the link records a check-in as that person without login, once; a tampered, used or expired link answers 403/410
 * JSON, never a stack; a check-in still missing two days after its day raises exactly one `check_in_missed` alert,
 * notified to the account manager; the discipline report counts on time / late / missed.
 *
 * Time is pinned to ISO week 2026-W11 (Monday 2026-03-09); the organization is in London, its check-in day is
 * Wednesday 2026-03-11, the executive user is in New York (09:00 there is 13:00 UTC that day).
 */

const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
const tokenOf = (m: ParsedMail) =>
  [...String(m.text).matchAll(/check-in\?token=([A-Za-z0-9_%-]+)/g)].map((x) => decodeURIComponent(x[1]!));

function expectError(response: HttpResponse, status: number, code: string): void {
  expectStatus(response, status);
  expect(response.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('the weekly check-in loop', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let t: Tenant;

  const at = (iso: string) => {
    api.setNow(new Date(iso));
    worker.setNow(new Date(iso));
  };
  const dispatch = () => worker.app.get(CheckInRemindersService).dispatch(t.organizationId);
  const inspect = (token: string) => api.http.post('/check-in-links/inspect', { token });
  const checkIn = (token: string, body: Record<string, unknown> = {}) =>
    api.http.post('/check-in-links/check-in', {
      token,
      rag: 'at_risk',
      confidence: 6,
      note: 'Two AEs signed; the third waits on the client’s budget.',
      blockers: 'Budget sign-off',
      blockersNeedClientAction: true,
      ...body,
    });
  const q = (sql: string, params: unknown[]) => api.dataSource.query(sql, params);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    t = await createTenant(api.http, 'Check-in loop');
    expectStatus(
      await t.admin.patch('/organization/settings', {
        timezone: 'Europe/London',
        checkInWeekday: 3,
        checkInMissedAfterDays: 2,
      }),
      200,
    );
    expectStatus(await t.admin.patch(`/clients/${t.b.clientId}`, { accountManagerId: t.users.manager }), 200);
    await q(`UPDATE users SET timezone = 'America/New_York' WHERE id = $1`, [t.users.executive]);
    // The fixture's check-ins were written today (wall clock); the story happens in March 2026, before them. Move them
    // to before the week, so this week's check-ins are still to come.
    await q(`UPDATE check_ins SET created_at = '2026-03-01T10:00:00Z' WHERE organization_id = $1`, [t.organizationId]);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  let token: string;

  it('writes the week’s due check-ins, and sends nothing before 09:00 in the recipient’s timezone', async () => {
    at('2026-03-11T12:59:00Z'); // 08:59 in New York
    const first = await dispatch();
    expect(first).toMatchObject({ isoWeek: '2026-W11', reminders: 0, emails: 0 });
    expect(first.duesCreated).toBeGreaterThanOrEqual(2);
    const dues = await q(
      `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on, iso_week FROM check_in_dues WHERE organization_id = $1 AND priority_id = $2`,
      [t.organizationId, t.a.priorityId],
    );
    expect(dues).toEqual([{ due_on: '2026-03-11', iso_week: '2026-W11' }]);
  });

  it('at 09:00 New York time the executive gets one reminder email through the outbox, and only once', async () => {
    at('2026-03-11T13:00:00Z');
    const sent = await dispatch();
    expect(sent).toMatchObject({ emails: 1 });
    expect(sent.reminders).toBeGreaterThanOrEqual(1);
    expect(await dispatch()).toMatchObject({ reminders: 0, emails: 0, duesCreated: 0 });

    const mail = await eventually(async () =>
      smtp.messages.find(
        (m) => recipientOf(m) === t.emails.executive.toLowerCase() && /^Check-ins? due/.test(m.subject ?? ''),
      ),
    );
    // Sent (the row is marked after the SMTP answer), and its payload forgotten: the email carried the tokens.
    await eventually(async () => {
      const rows = await q(
        `SELECT status, payload FROM outbox WHERE organization_id = $1 AND event = 'check_in.reminder'`,
        [t.organizationId],
      );
      return rows.length === 1 && rows[0].status === 'sent' && JSON.stringify(rows[0].payload) === '{}';
    });
    const tokens = tokenOf(mail);
    expect(tokens).toHaveLength(sent.reminders);
    // Only the hash is stored.
    const stored = await q(`SELECT count(*)::int AS n FROM check_in_links WHERE token_hash = ANY($1)`, [tokens]);
    expect(stored).toEqual([{ n: 0 }]);
    const links = await q(
      `SELECT l.token_hash, d.priority_id FROM check_in_links l JOIN check_in_dues d ON d.id = l.due_id WHERE l.organization_id = $1`,
      [t.organizationId],
    );
    expect(links.map((l: { priority_id: string }) => l.priority_id)).toContain(t.a.priorityId);
    // Which token is priority A's: the one whose page names it.
    for (const candidate of tokens) {
      const page = await inspect(candidate);
      expectStatus(page, 200);
      if (page.body.priorityId === t.a.priorityId) token = candidate;
    }
    expect(token).toBeDefined();
  });

  it('the link opens the form without login, naming the priority and the person', async () => {
    const page = await inspect(token);
    expectStatus(page, 200);
    expect(page.body).toMatchObject({
      status: 'open',
      priorityId: t.a.priorityId,
      isoWeek: '2026-W11',
      dueOn: '2026-03-11',
    });
  });

  it('a tampered or malformed token answers 403 JSON; a bad body 400 naming the field', async () => {
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expectError(await inspect(tampered), 403, 'CHECK_IN_LINK.INVALID_TOKEN');
    expectError(await checkIn(tampered), 403, 'CHECK_IN_LINK.INVALID_TOKEN');
    expectError(await inspect('x'.repeat(30)), 403, 'CHECK_IN_LINK.INVALID_TOKEN');
    const bad = await checkIn(token, { confidence: 11 });
    expectStatus(bad, 400);
    expect(JSON.stringify(bad.body)).toContain('confidence');
    const long = await checkIn(token, { note: 'x'.repeat(10_001) });
    expectStatus(long, 400);
    expect(JSON.stringify(long.body)).toContain('note');
  });

  it('records the check-in as the executive, once; the used link answers 410', async () => {
    at('2026-03-11T15:00:00Z');
    const created = await checkIn(token);
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      priorityId: t.a.priorityId,
      authorId: t.users.executive,
      rag: 'at_risk',
      blockersNeedClientAction: true,
    });
    expectError(await checkIn(token), 410, 'CHECK_IN_LINK.USED');
    expectError(await inspect(token), 410, 'CHECK_IN_LINK.USED');
    const audit = await q(
      `SELECT action, actor_id FROM audit_events WHERE organization_id = $1 AND action IN ('check_in.created','check_in_link.used')
        AND actor_id = $2 ORDER BY action`,
      [t.organizationId, t.users.executive],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['check_in.created', 'check_in_link.used']);
  });

  it('a missed check-in raises exactly one check_in_missed alert, to the account manager', async () => {
    at('2026-03-12T12:00:00Z'); // one day after: not yet
    const scans = worker.app.get(DriftScanService);
    await scans.scanOrganization(t.organizationId);
    const alerts = () =>
      q(
        `SELECT subject_id, status, severity FROM drift_alerts WHERE organization_id = $1 AND rule = 'check_in_missed' ORDER BY subject_id`,
        [t.organizationId],
      );
    expect(await alerts()).toEqual([]);

    at('2026-03-13T12:00:00Z'); // two days after
    await scans.scanOrganization(t.organizationId);
    await scans.scanOrganization(t.organizationId);
    const raised = await alerts();
    // Priority B had no check-in this week; priority A was checked in through the link.
    expect(raised).toEqual([{ subject_id: t.b.priorityId, status: 'open', severity: 'warning' }]);
    const listed = await t.manager.get('/alerts?rule=check_in_missed&limit=100');
    expectStatus(listed, 200);
    expect(listed.body.items).toHaveLength(1);
    const mailed = await q(
      `SELECT count(*)::int AS n FROM outbox o JOIN drift_alerts a ON a.id = o.alert_id
        WHERE a.organization_id = $1 AND a.rule = 'check_in_missed' AND o.recipient_email = $2`,
      [t.organizationId, t.emails.manager],
    );
    expect(mailed).toEqual([{ n: 1 }]);
  });

  it('an expired link answers 410, for the page and the form', async () => {
    // A link of last week's due for the same person, sent on 2026-03-04 and so expired on 2026-03-11.
    const { token: old, hash } = newCheckInToken();
    const [due] = await q(
      `INSERT INTO check_in_dues (organization_id, priority_id, engagement_id, iso_week, week_start, due_on)
       VALUES ($1, $2, $3, '2026-W10', '2026-03-02', '2026-03-04') RETURNING id`,
      [t.organizationId, t.a.priorityId, t.a.engagementId],
    );
    await q(
      `INSERT INTO check_in_links (organization_id, due_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, '2026-03-11T13:00:00Z')`,
      [t.organizationId, due.id, t.users.executive, hash],
    );
    at('2026-03-11T12:59:59Z');
    expectStatus(await inspect(old), 200);
    at('2026-03-11T13:00:00Z');
    expectError(await inspect(old), 410, 'CHECK_IN_LINK.EXPIRED');
    expectError(await checkIn(old), 410, 'CHECK_IN_LINK.EXPIRED');
  });

  it('the discipline report counts on time, late and missed per executive and owner', async () => {
    at('2026-03-17T12:00:00Z'); // the week of 2026-03-09 is over
    const report = await t.manager.get('/check-ins/discipline');
    expectStatus(report, 200);
    const row = (kind: string, id: string) =>
      report.body.items.find((i: { kind: string; id: string }) => i.kind === kind && i.id === id);
    // W11 on time through the link; W10 (the due written for the expired link above) passed without a check-in.
    expect(row('executive', t.a.executiveId)).toMatchObject({ onTime: 1, late: 0, missed: 1 });
    expect(row('owner', t.b.ownerId)).toMatchObject({ onTime: 0, late: 0, missed: 1 });
    // The same figures head the account manager's weekly digest.
    const digest = await t.manager.get('/digests/preview');
    expectStatus(digest, 200);
    expect(digest.body.text).toContain('== Check-in discipline ==');
    const totals = report.body.items.reduce(
      (n: { onTime: number; late: number; missed: number }, i: { onTime: number; late: number; missed: number }) => ({
        onTime: n.onTime + i.onTime,
        late: n.late + i.late,
        missed: n.missed + i.missed,
      }),
      { onTime: 0, late: 0, missed: 0 },
    );
    expect(digest.body.text).toContain(
      `Check-ins due in the last 12 weeks: ${totals.onTime} on time, ${totals.late} late, ${totals.missed} missed`,
    );
    expect(digest.body.text).toContain(`${row('owner', t.b.ownerId).name} (owner): 1 missed`);
    expect(digest.body.html).toContain('Check-in discipline');
    // Not in the executive's digest.
    expect((await t.executive.get('/digests/preview')).body.text).not.toContain('Check-in discipline');
    expectStatus(await t.clientViewer.get('/check-ins/discipline'), 403);
    // An executive sees only their engagements.
    const own = await t.executive.get('/check-ins/discipline');
    expectStatus(own, 200);
    expect(
      own.body.items.every(
        (i: { kind: string; id: string }) => i.id !== t.b.executiveId || t.b.executiveId === t.a.executiveId,
      ),
    ).toBe(true);
  });
  it('the engagement’s cadence is set through the engagement API, validated; off writes no due check-ins', async () => {
    const bad = await t.admin.patch(`/engagements/${t.b.engagementId}`, { checkInCadence: 'monthly' });
    expectStatus(bad, 400);
    expect(JSON.stringify(bad.body)).toContain('checkInCadence');
    const badCreate = await t.admin.post('/engagements', {
      clientId: t.b.clientId,
      executiveId: t.b.executiveId,
      function: 'sales',
      startDate: '2026-01-05',
      daysPerWeek: 1,
      checkInCadence: 7,
    });
    expectStatus(badCreate, 400);
    expect(JSON.stringify(badCreate.body)).toContain('checkInCadence');
    expect((await t.admin.get(`/engagements/${t.a.engagementId}`)).body.checkInCadence).toBe('weekly');
    const off = await t.admin.patch(`/engagements/${t.b.engagementId}`, { checkInCadence: 'off' });
    expectStatus(off, 200);
    expect(off.body.checkInCadence).toBe('off');
    const [audit] = await q(
      `SELECT after->>'checkInCadence' AS cadence FROM audit_events
        WHERE organization_id = $1 AND action = 'engagement.updated' AND entity_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [t.organizationId, t.b.engagementId],
    );
    expect(audit).toEqual({ cadence: 'off' });
    at('2026-03-18T08:00:00Z'); // the next check-in day (W12)
    await dispatch();
    const dues = await q(
      `SELECT engagement_id FROM check_in_dues WHERE organization_id = $1 AND iso_week = '2026-W12'`,
      [t.organizationId],
    );
    expect(dues.map((d: { engagement_id: string }) => d.engagement_id)).toContain(t.a.engagementId);
    expect(dues.map((d: { engagement_id: string }) => d.engagement_id)).not.toContain(t.b.engagementId);
  });
});
