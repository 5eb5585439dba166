import type { ParsedMail } from 'mailparser';
import { DriftScanService } from '@app/domain';
import { JobName, selectQueueBackend } from '@app/queue';
import {
  createTenant,
  createUser,
  eventually,
  expectStatus,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  TEST_PASSWORD,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * The client viewer's side of the weekly and monthly emails (issue 18): the weekly digest starts with the client
 * summary of each engagement (the same content as the summary screen, nothing internal), and the monthly pulse
 * question goes out through the outbox from the digest dispatcher's per-organization job, at 09:00 in each viewer's
 * timezone, once per viewer, engagement and month however many times the dispatcher runs. Real API, worker
 * (BullMQ's PostgreSQL backend) and SMTP sink.
 */
const NOW = '2026-11-23T09:00:00.000Z';
const ASK = 'Sign off the new pricing tiers with your CFO';
const PULSE_SUBJECT = /^How satisfied are you with progress\?/;

describe("the client viewer's digest and monthly pulse email", () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let tenant: Tenant;
  let cmoEngagementId: string;
  let auckland: { id: string; email: string };

  const pin = (iso: string) => {
    api.setNow(new Date(iso));
    worker.setNow(new Date(iso));
  };
  const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
  const pulsesTo = (email: string) =>
    smtp.messages.filter((m) => recipientOf(m) === email.toLowerCase() && PULSE_SUBJECT.test(m.subject ?? ''));
  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.digestsQueue.getJobCounts('waiting', 'active', 'delayed'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + d.delayed + n.waiting + n.active === 0;
    }, 30_000);
  };
  let run = 0;
  const dispatch = async (times: number) => {
    await Promise.all(
      Array.from({ length: times }, () =>
        worker.digestsQueue.add(
          JobName.DigestDispatchOrganization,
          { organizationId: tenant.organizationId },
          { jobId: `client-digest-dispatch-${++run}-${Date.now()}` },
        ),
      ),
    );
    await settle();
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    pin(NOW);
    tenant = await createTenant(api.http, 'ClientDigest');
    // Client A has a second active engagement; the client viewer sees both.
    const cmo = await tenant.manager.post('/engagements', {
      clientId: tenant.a.clientId,
      executiveId: tenant.a.executiveId,
      function: 'CMO',
      startDate: '2026-01-05',
      plannedEndDate: '2027-06-30',
      daysPerWeek: 1,
    });
    expectStatus(cmo, 201);
    expect(cmo.body.status).toBe('active');
    cmoEngagementId = cmo.body.id;
    // Client B's viewer lives in Auckland.
    const email = `client-nz-${Date.now()}@firm.test`;
    const created = await createUser(tenant.admin, {
      email,
      name: 'Kiri Viewer',
      role: 'client_viewer',
      password: TEST_PASSWORD,
      clientIds: [tenant.b.clientId],
      timezone: 'Pacific/Auckland',
    });
    expectStatus(created, 201);
    auckland = { id: created.body.id, email };
    // An ask of the client on engagement A, and one blocker that is the firm's own.
    expectStatus(
      await tenant.manager.post(`/priorities/${tenant.a.priorityId}/check-ins`, {
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
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    await settle();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('the weekly digest starts with the client summary: headline, the ask, due and risks; nothing internal', async () => {
    const summary = await tenant.clientViewer.get(`/engagements/${tenant.a.engagementId}/client-summary`);
    expectStatus(summary, 200);
    expect(summary.body.asks.map((a: { text: string }) => a.text)).toEqual([ASK]);

    const preview = await tenant.clientViewer.get('/digests/preview');
    expectStatus(preview, 200);
    expect(preview.body.kind).toBe('your_engagement');
    expect(preview.body.empty).toBe(false);
    const { text, html } = preview.body as { text: string; html: string };
    // Both engagements of client A are summarised, each with its headline sentence, before the week's numbers.
    expect(text).toContain(summary.body.headline);
    expect(html).toContain(summary.body.headline);
    const cmo = (await tenant.clientViewer.get(`/engagements/${cmoEngagementId}/client-summary`)).body;
    expect(text).toContain(cmo.headline);
    expect(text).toContain(`What we need from you:\n  - ${ASK}`);
    expect(html).toContain(ASK);
    expect(text.indexOf(ASK)).toBeLessThan(text.indexOf(' due in 14 days'));
    expect(text).toContain('Due in the next 30 days:');
    for (const risk of summary.body.risks as Array<{ text: string }>) expect(text).toContain(risk.text);
    // The firm's own blocker is not an ask; nothing internal and nothing of client B.
    expect(text).not.toMatch(/CRM export is slow \(/);
    const clientB = (await tenant.manager.get(`/clients/${tenant.b.clientId}`)).body.name as string;
    for (const hidden of [
      'allocation',
      'days per week',
      'days/week',
      'daysPerWeek',
      'audit',
      clientB,
      tenant.b.engagementId,
    ])
      expect(`${preview.body.subject}\n${text}\n${html}`).not.toContain(hidden);

    // The other roles' digests are as before: no client summary block.
    const manager = await tenant.manager.get('/digests/preview');
    expectStatus(manager, 200);
    expect(manager.body.text).not.toContain('What we need from you');
  });

  it('the monthly pulse email: 09:00 in each viewer’s timezone, one per viewer and engagement, never twice a month', async () => {
    // 1 December, 09:05 UTC: the UTC viewer's window is open (22:05 in Auckland: not Kiri's).
    pin('2026-12-01T09:05:00.000Z');
    await dispatch(2);
    await dispatch(1);
    const viewer = tenant.emails.clientViewer;
    expect(pulsesTo(viewer)).toHaveLength(2);
    const links = pulsesTo(viewer).map((m) => /\/engagements\/([0-9a-f-]{36})/.exec(m.text ?? '')![1]);
    expect(links.sort()).toEqual([tenant.a.engagementId, cmoEngagementId].sort());
    expect(pulsesTo(viewer).map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('· CRO)'), expect.stringContaining('· CMO)')]),
    );
    expect(pulsesTo(auckland.email)).toHaveLength(0);

    // 09:05 on 2 December in Auckland (20:05 UTC on the 1st): Kiri's turn, once, for client B's engagement.
    pin('2026-12-01T20:05:00.000Z');
    await dispatch(2);
    expect(pulsesTo(auckland.email)).toHaveLength(1);
    expect(pulsesTo(auckland.email)[0].text).toContain(`/engagements/${tenant.b.engagementId}`);

    // The next morning the question is still unanswered, but December's was sent: nothing more.
    pin('2026-12-02T09:05:00.000Z');
    await dispatch(2);
    pin('2026-12-02T20:05:00.000Z');
    await dispatch(1);
    expect(pulsesTo(viewer)).toHaveLength(2);
    expect(pulsesTo(auckland.email)).toHaveLength(1);

    const rows: Array<{ user_id: string; month: string; status: string; event: string }> = await api.dataSource.query(
      `SELECT r.user_id, r.month, o.status, o.event FROM client_pulse_requests r JOIN outbox o ON o.id = r.outbox_id
        WHERE r.organization_id = $1 ORDER BY r.user_id`,
      [tenant.organizationId],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.month === '2026-12' && r.status === 'sent' && r.event === 'pulse.requested')).toBe(true);

    // In January the viewer is asked again, except where they already answered January's question.
    pin('2027-01-02T12:00:00.000Z');
    const answer = await tenant.clientViewer.post(`/engagements/${tenant.a.engagementId}/pulses`, { score: 4 });
    expectStatus(answer, 201);
    // The answer is stamped by the database's clock, not the pinned one: put it on the pinned day.
    await api.dataSource.query(`UPDATE client_pulses SET created_at = '2027-01-02T12:00:00Z' WHERE id = $1`, [
      answer.body.id,
    ]);
    pin('2027-01-04T09:05:00.000Z');
    await dispatch(1);
    expect(pulsesTo(viewer)).toHaveLength(3);
    expect(pulsesTo(viewer)[2].text).toContain(`/engagements/${cmoEngagementId}`);
    pin(NOW);
  });
});
