import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  CREATE_OPERATIONS,
  createTenant,
  expectStatus,
  rowCounts,
  startTestApi,
  type CreateOperation,
  type HttpResponse,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * `Idempotency-Key` on every create (issue 15, finding 8): the first answer is stored with the row, in the same
 * transaction, for 24 h per user, method and path. A retry gets the first answer and writes nothing; the same key
 * with another body is 422 IDEMPOTENCY.KEY_REUSED; concurrent duplicates make one row; keys are per user; a bad
 * key is a 400 naming the header.
 */
type Parameter = { name: string; in: string; required?: boolean; schema?: Record<string, unknown> };
type OpenApiDocument = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

const HEADER = 'Idempotency-Key';

describe('Idempotency-Key on creates', () => {
  let api: TestApi;
  let tenant: Tenant;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-11T12:00:00Z'));
    tenant = await createTenant(api.http, 'Idempotency');
    doc = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
  });
  afterAll(() => api.close());

  const send = (op: CreateOperation, body: unknown, key?: string, caller = op.caller(tenant)) =>
    caller.request('POST', op.path(tenant), body, key === undefined ? {} : { [HEADER]: key });
  const counts = () => rowCounts(api.dataSource, tenant.organizationId);
  const withoutKeys = (c: Record<string, number>) => ({ ...c, idempotency_keys: 0 });
  const answer = (r: HttpResponse) => ({ status: r.status, body: r.body });

  it('is declared, optional and bounded, on exactly the creates of the OpenAPI document', () => {
    const declaring = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([, op]) => (op.parameters ?? []).some((p) => p.in === 'header' && p.name === HEADER))
        .map(([method, op]) => ({
          operation: `${method.toUpperCase()} ${path}`,
          header: op.parameters!.find((p) => p.name === HEADER),
        })),
    );
    expect(declaring.map((d) => d.operation).sort()).toEqual(CREATE_OPERATIONS.map((c) => c.operation).sort());
    for (const { header } of declaring)
      expect(header).toMatchObject({
        required: false,
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
      });
  });

  describe.each(CREATE_OPERATIONS.map((op) => [op.operation, op] as const))('%s', (_name, op) => {
    it('the same key twice: the same status and body, one row, nothing written by the retry', async () => {
      const key = randomUUID();
      const body = op.body(tenant, `retry-${key.slice(0, 6)}`);
      const before = await counts();
      const first = await send(op, body, key);
      expectStatus(first, 201);
      const afterFirst = await counts();
      expect(afterFirst[op.table]).toBe(before[op.table] + 1);
      expect(afterFirst.idempotency_keys).toBe(before.idempotency_keys + 1);
      const second = await send(op, body, key);
      expect(answer(second)).toEqual(answer(first));
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await counts()).toEqual(afterFirst);
    });

    it('the same key with a different body: 422 IDEMPOTENCY.KEY_REUSED, nothing written', async () => {
      const key = randomUUID();
      expectStatus(await send(op, op.body(tenant, `first-${key.slice(0, 6)}`), key), 201);
      const before = await counts();
      const reused = await send(op, op.body(tenant, `other-${key.slice(0, 6)}-x`), key);
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
      expect(await counts()).toEqual(before);
    });
  });

  it('parallel duplicates with one key make one row, and every one of them answers it', async () => {
    const op = CREATE_OPERATIONS.find((c) => c.operation === 'POST /api/v1/engagements')!;
    const key = randomUUID();
    const body = op.body(tenant, 'parallel');
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(op, body, key)));
    const after = await counts();
    expect(after.engagements).toBe(before.engagements + 1);
    expect(after.allocation_changes).toBe(before.allocation_changes + 1);
    expect(after.idempotency_keys).toBe(before.idempotency_keys + 1);
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => (a.body as { id: string }).id));
    // A duplicate either waited for the first and got its answer, or was told the first is in progress (409).
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    expect(ids.size).toBe(1);
  });

  it('a key is per user: the same key from another user is a request of its own', async () => {
    const op = CREATE_OPERATIONS.find((c) => c.operation === 'POST /api/v1/clients')!;
    const key = randomUUID();
    const body = op.body(tenant, 'per-user');
    const byManager = await send(op, body, key, tenant.manager);
    const byAdmin = await send(op, body, key, tenant.admin);
    expectStatus(byManager, 201);
    expectStatus(byAdmin, 201);
    expect(byAdmin.body.id).not.toBe(byManager.body.id);
  });

  it('a refused create stores nothing: the same key then works for a corrected body', async () => {
    const op = CREATE_OPERATIONS.find((c) => c.operation === 'POST /api/v1/engagements')!;
    const key = randomUUID();
    const before = await counts();
    const refused = await send(op, { ...op.body(tenant, 'refused'), function: 'CPO' }, key);
    expect(refused.body).toMatchObject({ statusCode: 422, code: 'ENGAGEMENT.FUNCTION_NOT_OFFERED' });
    expect(await counts()).toEqual(before);
    expectStatus(await send(op, op.body(tenant, 'corrected'), key), 201);
  });

  it('an expired key (24 h) is taken over, and expired keys are purged', async () => {
    const op = CREATE_OPERATIONS.find((c) => c.operation === 'POST /api/v1/clients')!;
    const key = randomUUID();
    const body = op.body(tenant, 'expiring');
    const first = await send(op, body, key);
    expectStatus(first, 201);
    // Another user's expired key goes too: the clean-up is organization-wide.
    const stale = randomUUID();
    expectStatus(await send(op, op.body(tenant, 'stale'), stale, tenant.admin), 201);
    await api.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE organization_id = $1 AND key IN ($2, $3)`,
      [tenant.organizationId, key, stale],
    );
    const again = await send(op, body, key);
    expectStatus(again, 201);
    expect(again.body.id).not.toBe(first.body.id);
    const left: unknown[] = await api.dataSource.query(
      `SELECT 1 FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [tenant.organizationId, stale],
    );
    expect(left).toEqual([]);
  });

  it('a bad key is a 400 naming the header, before anything is written', async () => {
    const op = CREATE_OPERATIONS.find((c) => c.operation === 'POST /api/v1/clients')!;
    const before = await counts();
    // Too long, and non-ASCII bytes (latin-1, as a raw HTTP client can send them).
    const badValues = ['x'.repeat(256), 'caf\u00e9', '\u00ff\u00fe'];
    const raw = async (value: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(`${tenant.manager.baseUrl}${op.path(tenant)}`);
        const req = httpRequest(
          url,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tenant.manager.token}`,
              'content-type': 'application/json',
              [HEADER]: value,
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(op.body(tenant, 'bad-key')));
      });
    const results = [];
    for (const value of badValues) {
      const r = await raw(value);
      results.push({
        value: value.slice(0, 10),
        status: r.status,
        fields: JSON.parse(r.body).errors?.map((e: { field: string }) => e.field),
      });
    }
    // Empty: fetch sends the header with no value.
    const empty = await send(op, op.body(tenant, 'empty-key'), '');
    results.push({
      value: '',
      status: empty.status,
      fields: empty.body.errors?.map((e: { field: string }) => e.field),
    });
    expect(results).toEqual(
      [...badValues.map((v) => v.slice(0, 10)), ''].map((value) => ({ value, status: 400, fields: [HEADER] })),
    );
    expect(withoutKeys(await counts())).toEqual(withoutKeys(before));
    expect((await counts()).clients).toBe(before.clients);
  });
});
