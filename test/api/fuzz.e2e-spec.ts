import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  createUser,
  createTenant,
  expectStatus,
  login,
  startTestApi,
  tenantTablesOf,
  TEST_PASSWORD,
  type HttpClient,
  type Tenant,
  type TestApi,
} from '@test/support';
import { bodyCases, pathIdCases, type BodyCase, type FuzzContext, type Schema } from './fuzz/openapi-arbitraries';

/**
 * Property-based fuzzing of every write operation (POST/PUT/PATCH/DELETE) of the OpenAPI document the API serves,
 * with bodies, path ids and query values generated from the operation's schema: valid, at and past each bound, and
 * hostile (1 MB strings, 100k-item arrays, deep nesting, `__proto__`/`constructor`/`prototype` keys, lone surrogates,
 * RTL and zero-width characters, NUL, wrong types, nulls, extra fields). For every case:
 *  - never a 5xx;
 *  - every 4xx is the JSON error body with a message;
 *  - a refused request writes nothing (row counts of every tenant table unchanged);
 *  - nothing pollutes Object.prototype (the API runs in this process).
 * FUZZ_SEED fixes the cases (default below: the same cases every run); FUZZ_RUNS scales the cases per operation.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.FUZZ_RUNS ?? 70);
/** Each password-reset and sign-up request is held to ≥ 300 ms on purpose (no timing oracle): fewer cases there. */
const SLOW_OPERATIONS: Record<string, number> = {
  'POST /api/v1/auth/password-reset': 12,
  'POST /api/v1/auth/signup': 12,
};

type Operation = {
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
const ROLES = ['admin', 'manager', 'executive', 'clientViewer'] as const;

interface Failure {
  operation: string;
  kind: string;
  status: number;
  problem: string;
  input: string;
  response: string;
}

const short = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

/** Every import column name, and cells that resolve against the fuzzed organization, for generated CSV headers. */
const allColumns = () => [
  'external_key',
  'name',
  'industry',
  'stage',
  'status',
  'account_manager_email',
  'email',
  'functions',
  'client_key',
  'executive_key',
  'function',
  'start_date',
  'planned_end_date',
  'days_per_week',
  'title',
  'engagement_key',
  'owner_key',
  'description',
  'rank',
  'target_date',
  'priority_key',
  'due_date',
  'baseline_due_date',
  'forecast_date',
  'weight',
  'completed_at',
  'replan_reason',
];
const knownCells = () => [
  'K-1',
  'K-2',
  'growth',
  'active',
  'done',
  'CRO',
  'CRO|CMO',
  '2026-03-31',
  '2.5',
  '1',
  'a@b.example',
  '2026-03-01T09:00:00Z',
];

describe('fuzzing every write operation from its OpenAPI schema (fast-check)', () => {
  let api: TestApi;
  let doc: OpenApiDocument;
  let home: Tenant;
  /** A user the /users/{id} operations may disable, demote and re-grant without cutting the fuzzer's own sessions. */
  let targetUserId: string;
  let alertId: string;
  let webhookId: string;
  let reportId: string;
  let shareLinkId: string;
  let invitationId: string;
  let playbookId: string;
  /** A personal API token of the 'profile' self-service user, whom the /me operations run as. */
  let apiTokenId: string;
  /** Own-account operations run as dedicated users: a logout or a throttled wrong current password must not end the others' sessions. */
  let selfService: Record<string, { email: string; client: HttpClient }>;
  let tables: string[];

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_MAX_FAILURES_PER_IP: '100000' });
    home = await createTenant(api.http, 'Fuzz');
    api.setNow(new Date('2026-03-11T12:00:00Z'));
    const target = await createUser(home.admin, {
      email: `fuzz-target-${Date.now()}@firm.test`,
      name: 'Fuzz Target',
      password: TEST_PASSWORD,
      role: 'client_viewer',
    });
    expectStatus(target, 201);
    targetUserId = target.body.id;
    const alert: Array<{ id: string }> = await api.dataSource.query(
      `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
       VALUES ($1, 'focus_overload', 'engagement', $2, $2, 'warning', 'open', 'Too many active priorities', now(), now()) RETURNING id`,
      [home.organizationId, home.a.engagementId],
    );
    alertId = alert[0].id;
    const webhook = await home.admin.post('/organization/webhooks', { url: 'http://127.0.0.1:9/hook' });
    expectStatus(webhook, 201);
    webhookId = webhook.body.id;
    const report = await home.admin.post(`/engagements/${home.a.engagementId}/reports`, {
      periodStart: '2026-01-05',
      periodEnd: '2026-03-31',
    });
    expectStatus(report, 201);
    reportId = report.body.id;
    const link = await home.admin.post(`/reports/${reportId}/share-links`, { expiresInDays: 7 });
    expectStatus(link, 201);
    shareLinkId = link.body.id;
    const invitation = await home.admin.post('/invitations', {
      email: `fuzz-invitee-${Date.now()}@firm.test`,
      role: 'executive',
    });
    expectStatus(invitation, 201);
    invitationId = invitation.body.id;
    const playbook = await home.manager.post('/playbooks', {
      name: 'Fuzzed playbook',
      function: 'any',
      priorities: [{ title: 'Pipeline', targetOffsetDays: 30, milestones: [{ title: 'Audit', offsetDays: 14 }] }],
    });
    expectStatus(playbook, 201);
    playbookId = playbook.body.id;
    selfService = {};
    for (const key of ['logout', 'password', 'profile']) {
      const email = `fuzz-self-${key}-${Date.now()}@firm.test`;
      expectStatus(
        await createUser(home.admin, {
          email,
          name: `Self ${key}`,
          password: TEST_PASSWORD,
          role: 'account_manager',
        }),
        201,
      );
      selfService[key] = { email, client: await login(api.http, email) };
    }
    const apiToken = await selfService.profile.client.post('/me/api-tokens', {
      name: 'Fuzz',
      scope: 'read',
      expiresAt: '2026-12-31T00:00:00Z',
    });
    expectStatus(apiToken, 201);
    apiTokenId = apiToken.body.id;
    const served = await fetch(`${api.baseUrl}/api/docs-json`);
    doc = (await served.json()) as OpenApiDocument;
    tables = await tenantTablesOf(api.dataSource);
  });
  afterAll(() => api.close());

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]), nullable: schema.nullable };
    return schema;
  };

  /** The real row a path's {id} names in the tenant. */
  function realIdFor(path: string): string {
    const prefixes: Array<[RegExp, string]> = [
      [/^\/api\/v1\/users\//, targetUserId],
      [/^\/api\/v1\/clients\//, home.a.clientId],
      [/^\/api\/v1\/executives\//, home.a.executiveId],
      [/^\/api\/v1\/engagements\//, home.a.engagementId],
      [/^\/api\/v1\/owners\//, home.a.ownerId],
      [/^\/api\/v1\/priorities\//, home.a.priorityId],
      [/^\/api\/v1\/milestones\//, home.a.milestoneId],
      [/^\/api\/v1\/check-ins\//, home.a.checkInId],
      [/^\/api\/v1\/alerts\//, alertId],
      [/^\/api\/v1\/organization\/webhooks\//, webhookId],
      [/^\/api\/v1\/reports\//, reportId],
      [/^\/api\/v1\/report-share-links\//, shareLinkId],
      [/^\/api\/v1\/invitations\//, invitationId],
      [/^\/api\/v1\/playbooks\//, playbookId],
      [/^\/api\/v1\/me\/api-tokens\//, apiTokenId],
    ];
    const found = prefixes.find(([pattern]) => pattern.test(path));
    if (!found) throw new Error(`No real id known for ${path}: add it to realIdFor`);
    return found[1];
  }

  async function counts(): Promise<Record<string, number>> {
    const rows: Array<{ t: string; n: number }> = await api.dataSource.query(
      tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  async function send(
    method: string,
    url: string,
    token: string | undefined,
    bodyCase: BodyCase | null,
  ): Promise<{ status: number; contentType: string; text: string }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (bodyCase) {
      body = bodyCase.raw ?? JSON.stringify(bodyCase.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${api.baseUrl}${url}`, { method, headers, body });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  const prototypeKeys = () =>
    [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
      Object.getOwnPropertyNames(p).sort().join(','),
    );

  it('never answers 5xx, always answers 4xx in JSON with a message, writes nothing when it refuses, pollutes no prototype', async () => {
    const started = Date.now();
    const ctx: FuzzContext = {
      resolve,
      knownIds: [
        ...Object.values(home.a),
        ...Object.values(home.b),
        ...Object.values(home.users),
        home.organizationId,
        targetUserId,
        alertId,
      ],
    };
    const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => WRITE_METHODS.includes(method))
        .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
    const failures: Failure[] = [];
    const prototypesBefore = prototypeKeys();
    let cases = 0;
    /** The counts as of the last refused case: nothing wrote since, so they stand as the next case's "before". */
    let known: Record<string, number> | null = null;
    let previous = '';
    const byStatus: Record<string, number> = {};

    for (const [index, { path, method, operation }] of operations.entries()) {
      const name = `${method} ${path}`;
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      const hasPathId = path.includes('{id}');
      const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
      const caseArbitrary = fc.record({
        body: bodyCases(schema, ctx),
        id: hasPathId ? pathIdCases(realIdFor(path)) : fc.constant(''),
        query: fc.tuple(
          ...queryParams.map(() =>
            fc.oneof(
              fc.stringMatching(/^[\w.-]{1,80}$/),
              fc.constantFrom('', '%00', 'a'.repeat(5_000), '%F0%9F', '%ED%A0%80', 'x&token=y'),
            ),
          ),
        ),
        sendBody: fc.boolean().map((b) => b || schema !== undefined),
      });
      const samples = fc.sample(caseArbitrary, { seed: SEED + index, numRuns: SLOW_OPERATIONS[name] ?? RUNS });

      // The caller: own-account operations their dedicated user; otherwise the first role the operation is not forbidden to.
      const isPublic = !operation.security?.length;
      const selfKey =
        path === '/api/v1/auth/logout'
          ? 'logout'
          : path === '/api/v1/me/password'
            ? 'password'
            : path.startsWith('/api/v1/me')
              ? 'profile'
              : null;
      let token: string | undefined;
      if (!isPublic) {
        if (selfKey) token = selfService[selfKey].client.token;
        else {
          // A missing id answers 403 to a role that may not do this at all and 404 to one that may (validation of a body comes first,
          // so operations without an id simply take the admin, who may do all of them).
          const url = path.replace('{id}', randomUUID());
          for (const role of ROLES) {
            token = home[role].token;
            if ((await send(method, url, token, { kind: 'probe', body: {} })).status !== 403) break;
          }
          known = null; // the probe may have written
        }
      }

      for (const sample of samples) {
        cases += 1;
        const query = queryParams.map((p, i) => `${encodeURIComponent(p.name)}=${sample.query[i]}`).join('&');
        const url = `${path.replace('{id}', sample.id)}${query ? `?${query}` : ''}`;
        const before = known ?? (await counts());
        const previousCase = `${name} ${sample.body.kind}`;
        known = null;
        const response = await send(method, url, token, sample.sendBody ? sample.body : null);
        const fail = (problem: string) =>
          failures.push({
            operation: name,
            kind: sample.body.kind,
            status: response.status,
            problem,
            input: `${url} ${short(sample.body.raw ?? sample.body.body)}`,
            response: short(response.text),
          });
        if (response.status >= 500) fail('5xx');
        if (response.status >= 400) {
          let body: { message?: unknown; statusCode?: unknown } | null = null;
          try {
            body = JSON.parse(response.text);
          } catch {
            /* reported below */
          }
          if (
            !response.contentType.includes('application/json') ||
            typeof body?.message !== 'string' ||
            body.statusCode !== response.status
          )
            fail('4xx without the JSON error body');
          const after = await counts();
          known = after;
          const changed = tables.filter((t) => after[t] !== before[t]);
          if (changed.length) {
            const latest: Array<{ action: string }> = await api.dataSource.query(
              `SELECT action FROM audit_events ORDER BY created_at DESC LIMIT 3`,
            );
            fail(
              `refused but wrote to ${changed.join(', ')} (latest audit actions: ${latest.map((l) => l.action).join(', ')}; previous case: ${previous})`,
            );
          }
        }
        if (
          prototypeKeys().join('|') !== prototypesBefore.join('|') ||
          ({} as Record<string, unknown>).polluted !== undefined ||
          ({} as Record<string, unknown>).isAdmin !== undefined
        ) {
          fail('Object.prototype (or another built-in prototype) changed');
        }
        previous = `${previousCase} → ${response.status}`;
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        // A fuzzed logout that succeeded ended that session: log in again for the next case.
        if (selfKey === 'logout' && response.status < 300) {
          selfService.logout.client = await login(api.http, selfService.logout.email);
          token = selfService.logout.client.token;
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `[fuzz] operations=${operations.length} cases=${cases} seed=${SEED} runs=${RUNS} (${seconds} s, ${failures.length} failures; statuses ${JSON.stringify(byStatus)})\n`,
    );
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 900_000); // ~50 write operations × 70 cases on a shared two-core machine

  it('refuses hostile values of every header parameter the document declares with a 400 naming it, never a 5xx, writing nothing', async () => {
    const withHeaders = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => WRITE_METHODS.includes(method))
        .flatMap(([method, operation]) =>
          (operation.parameters ?? [])
            .filter((p) => p.in === 'header')
            .map((header) => ({ path, method: method.toUpperCase(), operation, header })),
        ),
    );
    expect(withHeaders.length).toBeGreaterThanOrEqual(10);
    // Values fetch can put on the wire (no NUL, CR or LF): too long, empty, latin-1 and other non-ASCII bytes, quotes.
    const hostile = fc.oneof(
      fc.constantFrom('', 'x'.repeat(256), 'y'.repeat(8_000), '\u00e9t\u00e9', '\u00ff', "'; DROP TABLE clients; --"),
      fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)), minLength: 1 }),
      fc.string({ minLength: 256, maxLength: 600 }),
    );
    const failures: string[] = [];
    for (const [index, { path, method, operation, header }] of withHeaders.entries()) {
      const url = path.includes('{id}') ? path.replace('{id}', realIdFor(path)) : path;
      const token = operation.security?.length ? home.admin.token : undefined;
      for (const value of fc.sample(hostile, { seed: SEED + index, numRuns: 15 })) {
        const before = await counts();
        const response = await fetch(`${api.baseUrl}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [header.name]: value },
          body: '{}',
        });
        const text = await response.text();
        // HTTP trims surrounding spaces: what is left may be a valid key, which must simply not fail the server.
        const valid = /^[\x20-\x7E]{1,255}$/.test(value.replace(/^[ \t]+|[ \t]+$/g, ''));
        let fields: string[] = [];
        try {
          fields = (JSON.parse(text).errors ?? []).map((e: { field: string }) => e.field);
        } catch {
          /* not the JSON error body: reported below */
        }
        const named = response.status === 400 && fields.includes(header.name);
        if (valid ? response.status >= 500 : !named)
          failures.push(`${method} ${path} ${header.name}=${short(value)} → ${response.status} ${short(text)}`);
        const after = await counts();
        if (tables.some((t) => after[t] !== before[t]))
          failures.push(`${method} ${path} ${header.name}=${short(value)} wrote`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);

  it('fuzzes every multipart/form-data operation with generated files: hostile CSV, random bytes, stray fields; never a 5xx, writing nothing when it refuses', async () => {
    const multipart = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(
          ([method, operation]) =>
            WRITE_METHODS.includes(method) && operation.requestBody?.content?.['multipart/form-data'],
        )
        .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
    expect(multipart.map((m) => `${m.method} ${m.path}`)).toEqual(['POST /api/v1/imports']);
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '=cmd|"/c calc"!A1',
        '+1',
        '-1',
        '@SUM(A1)',
        '\t',
        '"',
        '""',
        '\u0000',
        '2026-02-30',
        '9'.repeat(400),
        '\u202e',
        'ä',
        '',
      ),
      fc.constantFrom(...knownCells()),
    );
    const csvText = fc
      .tuple(
        fc.array(fc.constantFrom(...allColumns(), 'bogus', ''), { minLength: 0, maxLength: 12 }),
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([header, rows, lineEnd]) =>
        [header, ...rows]
          .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
          .join(lineEnd),
      );
    const content = fc.oneof(
      csvText,
      csvText.map((t) => `\uFEFF${t}`),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.constantFrom(
        '',
        '"unterminated',
        'a,b\n"x"y",z',
        '\u0000\u0000',
        'external_key,name,stage\nFZ-1,Fuzz Corp,growth\n',
      ),
    );
    const fields = fc.array(
      fc.tuple(
        fc.constantFrom(
          'clients',
          'executives',
          'engagements',
          'owners',
          'priorities',
          'milestones',
          'other',
          '__proto__',
        ),
        content,
      ),
      { minLength: 0, maxLength: 4 },
    );
    const failures: string[] = [];
    const byStatus: Record<number, number> = {};
    for (const { path, method } of multipart) {
      for (const [index, sample] of fc
        .sample(fc.record({ fields, commit: fc.boolean(), bytes: fc.boolean() }), { seed: SEED + 7, numRuns: RUNS * 2 })
        .entries()) {
        const before = await counts();
        const form = new FormData();
        for (const [field, text] of sample.fields)
          form.append(
            field,
            new Blob([sample.bytes ? Buffer.from(text, 'latin1') : text], { type: 'text/csv' }),
            `${field}.csv`,
          );
        const response = await fetch(`${api.baseUrl}${path}?mode=${sample.commit ? 'commit' : 'dry-run'}`, {
          method,
          headers: { authorization: `Bearer ${home.manager.token}` },
          body: form,
        });
        const text = await response.text();
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        const describe = `#${index} ${short(sample.fields)} → ${response.status} ${short(text)}`;
        if (response.status >= 500) failures.push(`5xx: ${describe}`);
        if (response.status >= 400) {
          let body: { message?: unknown; statusCode?: unknown } | null = null;
          try {
            body = JSON.parse(text);
          } catch {
            /* reported below */
          }
          if (typeof body?.message !== 'string' || body.statusCode !== response.status)
            failures.push(`4xx without the JSON error body: ${describe}`);
        }
        if (response.status >= 300 || !sample.commit) {
          const after = await counts();
          const changed = tables.filter((t) => after[t] !== before[t]);
          if (changed.length) failures.push(`wrote to ${changed.join(', ')}: ${describe}`);
        }
      }
    }
    process.stdout.write(`[fuzz] multipart cases=${RUNS * 2} statuses ${JSON.stringify(byStatus)}\n`);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);

  describe('size caps', () => {
    const operationsWhere = (keep: (method: string, operation: Operation) => boolean) =>
      Object.entries(doc.paths).flatMap(([path, byMethod]) =>
        Object.entries(byMethod)
          .filter(([method, operation]) => keep(method, operation))
          .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
      );

    it('every list in the document declares limit 1–100 and refuses 0, 101 and a billion with 400 naming limit', async () => {
      const lists = operationsWhere(
        (method, operation) => method === 'get' && (operation.parameters ?? []).some((p) => p.name === 'limit'),
      );
      expect(lists.length).toBeGreaterThanOrEqual(10);
      for (const { path, operation } of lists) {
        const limit = operation.parameters!.find((p) => p.name === 'limit')!;
        expect({ path, minimum: limit.schema?.minimum, maximum: limit.schema?.maximum }).toEqual({
          path,
          minimum: 1,
          maximum: 100,
        });
        const base = path.replace('{id}', path.includes('{id}') ? realIdFor(path) : '');
        for (const bad of ['0', '101', '1000000000', '-1', '2.5', 'all']) {
          const response = await home.admin.request('GET', `${base.replace('/api/v1', '')}?limit=${bad}`);
          expect({ path, bad, status: response.status }).toEqual({ path, bad, status: 400 });
          expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('limit');
        }
        const max = await home.admin.request('GET', `${base.replace('/api/v1', '')}?limit=100`);
        expect({ path, status: max.status }).toEqual({ path, status: 200 });
        expect(max.body.limit).toBe(100);
      }
    });

    it('every array in every request schema declares maxItems, and one item more is refused (client grants shown)', async () => {
      const uncapped: string[] = [];
      for (const [name, schema] of Object.entries(doc.components.schemas)) {
        if (/(View|Page|Response)$/.test(name)) continue;
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          if (property.type === 'array' && property.maxItems === undefined) uncapped.push(`${name}.${field}`);
        }
      }
      expect(uncapped).toEqual([]);
      const tooMany = Array.from({ length: 501 }, () => randomUUID());
      const refused = await home.admin.put(`/users/${targetUserId}/client-grants`, { clientIds: tooMany });
      expectStatus(refused, 400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['clientIds']);
    });

    it('a body over BODY_LIMIT_BYTES (1 MiB) answers 413 in JSON on every write operation, and writes nothing', async () => {
      const writes = operationsWhere((method) => WRITE_METHODS.includes(method));
      const oversized = JSON.stringify({ name: 'x'.repeat(1_048_576) });
      const before = await counts();
      for (const { path, method, operation } of writes) {
        const url = path.includes('{id}') ? path.replace('{id}', realIdFor(path)) : path;
        const token = operation.security?.length ? home.admin.token : undefined;
        const response = await send(method, url, token, { kind: 'oversized', body: undefined, raw: oversized });
        expect({ operation: `${method} ${path}`, status: response.status }).toEqual({
          operation: `${method} ${path}`,
          status: 413,
        });
        expect(JSON.parse(response.text)).toMatchObject({
          statusCode: 413,
          code: 'REQUEST.BODY_TOO_LARGE',
          message: expect.any(String),
        });
      }
      expect(await counts()).toEqual(before);
    });
  });

  it('answers 401 in JSON to any forged personal API token, on reads and writes, never a 5xx, writing nothing', async () => {
    const base64url = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')),
      minLength: 0,
      maxLength: 200,
    });
    const forged = fc.oneof(
      base64url.map((s) => `thl_pat_${s}`),
      fc.string({ minLength: 43, maxLength: 43 }).map((s) => `thl_pat_${s.replace(/\s/g, 'x')}`),
      fc.constantFrom(`thl_pat_${'A'.repeat(43)}`, 'thl_pat_', `thl_pat_${'A'.repeat(10_000)}`, "thl_pat_' OR 1=1 --"),
    );
    const samples = fc.sample(forged, { seed: SEED, numRuns: RUNS });
    const before = await counts();
    const failures: string[] = [];
    for (const token of samples) {
      for (const [method, path] of [
        ['GET', '/api/v1/portfolio'],
        ['POST', '/api/v1/clients'],
      ]) {
        const response = await fetch(`${api.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: method === 'POST' ? JSON.stringify({ name: 'Forged', stage: 'growth' }) : undefined,
        }).catch((error: Error) => ({ status: 0, text: async () => error.message }) as unknown as Response);
        const text = await response.text();
        // A header fetch refuses to send (a control character) never reaches the API: nothing to judge.
        if (response.status === 0) continue;
        let body: { code?: string; statusCode?: number } = {};
        try {
          body = JSON.parse(text);
        } catch {
          /* reported below */
        }
        if (response.status !== 401 || body.statusCode !== 401 || !body.code?.startsWith('AUTH.'))
          failures.push(`${method} ${path} ${short(token)} → ${response.status} ${short(text)}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
