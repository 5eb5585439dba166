import { DriftScanService } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
import {
  createTenant,
  eventually,
  expectStatus,
  queueIsolation,
  startTestApi,
  startTestWorker,
  type Tenant,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * Each rule's audience (issue 14, libs/domain/src/notifications/alert-audience.ts): internal rules (an executive's
 * stale check-ins, owner overload, …) reach only the firm's people; a client-side owner — without an account, or a
 * client viewer — hears only about milestones and plans on their own priorities, and only when the organization
 * enables notifyPeopleWithoutAccount.
 *
 * Tenant A: the executive user placed on engagement A, the manager as client A's account manager, owner A without an
 * account, and the client viewer (granted client A). Each scenario scans once and reads who each alert's emails are
 * for from the outbox: a recipient's own row, or the batch that lists the alert.
 */
const NOW = '2026-03-11T09:00:00.000Z';
const YESTERDAY = '2026-03-10';

describe('alert audiences', () => {
  let api: TestApi;
  let worker: TestWorker;
  let tenant: Tenant;
  let ownerEmail: string;
  let clientOwnerId: string;
  const tag = Math.random().toString(36).slice(2, 7);

  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.driftQueue.getJobCounts('waiting', 'active'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + n.waiting + n.active === 0;
    }, 20_000);
  };
  const scan = async () => {
    await settle();
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
  };

  /** Email recipients of the alerts of `rule` about `subjectId`, sorted. */
  const recipients = async (rule: string, subjectId: string): Promise<string[]> => {
    const rows: Array<{ email: string }> = await api.dataSource.query(
      `SELECT DISTINCT lower(o.recipient_email) AS email
         FROM drift_alerts a
         JOIN outbox o ON o.organization_id = a.organization_id AND o.channel = 'email'
          AND (o.alert_id = a.id OR (o.alert_id IS NULL AND o.payload->'batch'->'alerts' @> jsonb_build_array(jsonb_build_object('id', a.id::text))))
        WHERE a.organization_id = $1 AND a.rule = $2 AND a.subject_id = $3
        ORDER BY 1`,
      [tenant.organizationId, rule, subjectId],
    );
    return rows.map((r) => r.email);
  };

  /** An active priority with no check-in since 2026-01-05 (stalled) and a milestone due yesterday (overdue). */
  const stalledAndOverdue = async (ownerId: string, title: string) => {
    const priority = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title,
      ownerId,
      status: 'active',
      startDate: '2026-01-05',
      targetDate: '2026-12-18',
    });
    expectStatus(priority, 201);
    const milestone = await tenant.manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: `${title} milestone`,
      dueDate: YESTERDAY,
    });
    expectStatus(milestone, 201);
    return { priorityId: priority.body.id as string, milestoneId: milestone.body.id as string };
  };

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: 'smtp://127.0.0.1:9' });
    api.setNow(new Date(NOW));
    worker.setNow(new Date(NOW));
    tenant = await createTenant(api.http, 'Audience');
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    expectStatus(
      await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true, focusCap: 10 }),
      200,
    );
    const owner = await tenant.manager.get(`/owners/${tenant.a.ownerId}`);
    ownerEmail = (owner.body.email as string).toLowerCase();
    const clientOwner = await tenant.manager.post('/owners', {
      clientId: tenant.a.clientId,
      name: `Client-side owner ${tag}`,
      title: 'VP Sales',
      userId: tenant.users.clientViewer,
    });
    expectStatus(clientOwner, 201);
    clientOwnerId = clientOwner.body.id;
    await scan(); // whatever the fixture raises, out of the way
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('an owner without an account hears of an overdue milestone, not of the executive’s stale check-ins', async () => {
    const { priorityId, milestoneId } = await stalledAndOverdue(tenant.a.ownerId, `No account ${tag}`);
    await scan();
    expect(await recipients('milestone_overdue', milestoneId)).toEqual(
      [ownerEmail, tenant.emails.executive, tenant.emails.manager].sort(),
    );
    expect(await recipients('priority_stalled', priorityId)).toEqual(
      [tenant.emails.executive, tenant.emails.manager].sort(),
    );
  });

  it('a client viewer who owns a priority: the same, at the user’s address', async () => {
    const { priorityId, milestoneId } = await stalledAndOverdue(clientOwnerId, `Client viewer ${tag}`);
    await scan();
    expect(await recipients('milestone_overdue', milestoneId)).toEqual(
      [tenant.emails.clientViewer, tenant.emails.executive, tenant.emails.manager].sort(),
    );
    expect(await recipients('priority_stalled', priorityId)).toEqual(
      [tenant.emails.executive, tenant.emails.manager].sort(),
    );
  });

  it('owner overload is internal: the account manager hears of it, the overloaded client-side owner does not', async () => {
    // Owner A now owns the fixture's priority and the first scenario's; three more make five (more than 4).
    for (const n of [1, 2, 3]) {
      const p = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
        title: `Overload ${n} ${tag}`,
        ownerId: tenant.a.ownerId,
        status: 'active',
        startDate: '2026-03-01',
        targetDate: '2026-12-18',
      });
      expectStatus(p, 201);
    }
    await scan();
    const overload = await recipients('owner_overload', tenant.a.ownerId);
    expect(overload).toContain(tenant.emails.manager);
    expect(overload).not.toContain(ownerEmail);
  });

  it('with notifications for people without an account off, no client-side owner is mailed at all', async () => {
    expectStatus(await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: false }), 200);
    const viewer = await stalledAndOverdue(clientOwnerId, `Off viewer ${tag}`);
    const noAccount = await stalledAndOverdue(tenant.a.ownerId, `Off no account ${tag}`);
    await scan();
    const firm = [tenant.emails.executive, tenant.emails.manager].sort();
    expect(await recipients('milestone_overdue', viewer.milestoneId)).toEqual(firm);
    expect(await recipients('milestone_overdue', noAccount.milestoneId)).toEqual(firm);
  });

  it('an alert says since when its condition has held, not when the scan first saw it', async () => {
    const milestone = await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
      title: `Twenty-five days late ${tag}`,
      dueDate: '2026-02-14', // 2026-02-15 … 2026-03-11: overdue for 25 days when first scanned
    });
    expectStatus(milestone, 201);
    await scan();
    const alerts = await tenant.manager.get(`/alerts?engagementId=${tenant.a.engagementId}&limit=100`);
    expectStatus(alerts, 200);
    const alert = alerts.body.items.find(
      (a: { rule: string; subjectId: string }) => a.rule === 'milestone_overdue' && a.subjectId === milestone.body.id,
    );
    expect(alert).toMatchObject({ conditionSince: '2026-02-15', details: { daysOverdue: 25 } });
    expect(alert.firstSeenAt).toBe(NOW);
  });
});
