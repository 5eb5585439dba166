import { createTenant, expectStatus, startTestApi, type Scope, type Tenant, type TestApi } from '@test/support';

/**
 * Bulk acknowledge and resolve (issue 14, the grouped alerts inbox): all or nothing — one id missing, out of reach
 * or of another organization (404), or one alert already resolved (409), and none changes; one audit row and one
 * history event per alert changed; an alert already acknowledged is left as it is.
 */
describe('bulk alert actions', () => {
  let api: TestApi;
  let tenant: Tenant;
  let other: Tenant;

  const alert = async (t: Tenant, scope: Scope, status = 'open', severity = 'warning'): Promise<string> => {
    const rows: Array<{ id: string }> = await api.dataSource.query(
      `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
       VALUES ($1, 'milestone_overdue', 'milestone', gen_random_uuid(), $2, $3, $4, 'A milestone is overdue', now(), now()) RETURNING id`,
      [t.organizationId, scope.engagementId, severity, status],
    );
    return rows[0].id;
  };
  const statusOf = async (ids: string[]) => {
    const rows: Array<{ id: string; status: string }> = await api.dataSource.query(
      `SELECT id, status FROM drift_alerts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  };
  const auditCount = async (ids: string[]) => {
    const [row]: Array<{ n: number }> = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'alert' AND entity_id = ANY($1::uuid[])`,
      [ids],
    );
    return row.n;
  };

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.http, 'Bulk');
    other = await createTenant(api.http, 'BulkOther');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('acknowledges many at once, leaves an acknowledged one as it is, and audits each change', async () => {
    const ids = [await alert(tenant, tenant.a), await alert(tenant, tenant.a, 'open', 'critical')];
    const already = await alert(tenant, tenant.a, 'acknowledged');
    const response = await tenant.manager.post('/alerts/bulk', { action: 'acknowledge', alertIds: [...ids, already] });
    expectStatus(response, 200);
    expect(response.body.changed).toBe(2);
    expect(response.body.alerts.map((a: { status: string }) => a.status)).toEqual([
      'acknowledged',
      'acknowledged',
      'acknowledged',
    ]);
    expect(await auditCount([...ids, already])).toBe(2);
    const detail = await tenant.manager.get(`/alerts/${ids[0]}`);
    expect(detail.body.history.map((h: { kind: string }) => h.kind)).toContain('acknowledged');
  });

  it('resolves many with one note', async () => {
    const ids = [await alert(tenant, tenant.a), await alert(tenant, tenant.a, 'acknowledged')];
    const response = await tenant.executive.post('/alerts/bulk', {
      action: 'resolve',
      alertIds: ids,
      note: 'Agreed a smaller focus with the client',
    });
    expectStatus(response, 200);
    expect(response.body.changed).toBe(2);
    for (const a of response.body.alerts)
      expect(a).toMatchObject({ status: 'resolved', resolutionNote: 'Agreed a smaller focus with the client' });
  });

  it('changes nothing when one alert is already resolved (409 naming it)', async () => {
    const open = await alert(tenant, tenant.a);
    const resolved = await alert(tenant, tenant.a, 'resolved');
    const response = await tenant.manager.post('/alerts/bulk', {
      action: 'resolve',
      alertIds: [open, resolved],
      note: 'Done',
    });
    expectStatus(response, 409);
    expect(response.body).toMatchObject({ code: 'ALERT.ALREADY_RESOLVED', details: { alertIds: [resolved] } });
    expect(await statusOf([open, resolved])).toEqual({ [open]: 'open', [resolved]: 'resolved' });
    expect(await auditCount([open])).toBe(0);
  });

  it('changes nothing when one id is of another organization or out of reach: 404 like a missing id', async () => {
    const mine = await alert(tenant, tenant.a);
    const theirs = await alert(other, other.a);
    const foreign = await tenant.manager.post('/alerts/bulk', { action: 'acknowledge', alertIds: [mine, theirs] });
    expectStatus(foreign, 404);
    // Client B is out of the executive's reach.
    const outOfReach = await alert(tenant, tenant.b);
    const hidden = await tenant.executive.post('/alerts/bulk', { action: 'acknowledge', alertIds: [mine, outOfReach] });
    expectStatus(hidden, 404);
    expect(await statusOf([mine, theirs, outOfReach])).toEqual({
      [mine]: 'open',
      [theirs]: 'open',
      [outOfReach]: 'open',
    });
  });

  it('refuses a client viewer (403) and bad bodies with a 400 naming the field', async () => {
    const id = await alert(tenant, tenant.a);
    expectStatus(await tenant.clientViewer.post('/alerts/bulk', { action: 'acknowledge', alertIds: [id] }), 403);
    const noNote = await tenant.manager.post('/alerts/bulk', { action: 'resolve', alertIds: [id] });
    expectStatus(noNote, 400);
    expect(JSON.stringify(noNote.body)).toContain('note');
    const empty = await tenant.manager.post('/alerts/bulk', { action: 'acknowledge', alertIds: [] });
    expectStatus(empty, 400);
    expect(JSON.stringify(empty.body)).toContain('alertIds must name at least one alert');
    const repeated = await tenant.manager.post('/alerts/bulk', { action: 'acknowledge', alertIds: [id, id] });
    expectStatus(repeated, 400);
    const tooMany = Array.from({ length: 101 }, () => crypto.randomUUID());
    expectStatus(await tenant.manager.post('/alerts/bulk', { action: 'acknowledge', alertIds: tooMany }), 400);
    expect(await statusOf([id])).toEqual({ [id]: 'open' });
  });
});
