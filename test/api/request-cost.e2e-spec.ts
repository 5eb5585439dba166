import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { expectStatus, startTestApi, TEST_PASSWORD, type HttpResponse, type TestApi } from '@test/support';
import {
  MAX_ARRAY_ITEMS,
  MAX_INPUT_ENTRIES,
  MAX_LISTED_PROBLEMS,
  MAX_PROPERTIES_PER_OBJECT,
} from '../../apps/api/src/http/input-limits';

/**
 * One hostile request, even unauthenticated, must not stall the others (issue 15, finding 1): while it is in flight
 * `/api/health` keeps answering within 100 ms, and the refusal itself is a small 4xx JSON answer naming the problem,
 * with a log line of bounded size.
 */

/** What a concurrent request may wait while a hostile one is being refused. */
const HEALTH_BUDGET_MS = 100;

type LogLine = Record<string, unknown> & { requestId?: string; fields?: string[] };

describe('no request stalls the server', () => {
  let api: TestApi;
  const raw: string[] = [];
  const logLineOf = (response: HttpResponse): { line: LogLine; size: number } => {
    const requestId = response.headers.get('x-request-id');
    const text = raw
      .join('')
      .split('\n')
      .find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"status"'));
    expect(text).toBeDefined();
    return { line: JSON.parse(text!) as LogLine, size: Buffer.byteLength(text!) };
  };

  beforeAll(async () => {
    api = await startTestApi({}, { logTo: { write: (chunk: string) => void raw.push(chunk) } });
    // Warm up: the pool's first connection and each route's first call (its code compiled, its DTO's metadata read)
    // take 100 ms and more whatever the input; what is measured below is what the hostile input adds.
    for (let i = 0; i < 5; i += 1) expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    for (const path of ['/auth/signup', '/auth/password-reset/confirm', '/auth/login'])
      for (let i = 0; i < 3; i += 1) expectStatus(await api.http.post(path, { password: 'short' }), 400);
  });
  afterAll(() => api?.close());

  /**
   * Sends the (already serialized) hostile body while `/api/health` is polled back to back, so one health request is
   * always in flight: a stall of the event loop shows as one slow health answer.
   */
  async function whileHealthIsPolled(send: () => Promise<HttpResponse>) {
    const waits: number[] = [];
    const statuses: number[] = [];
    let finished = false;
    const poller = (async () => {
      while (!finished) {
        const started = performance.now();
        const health = await fetch(`${api.baseUrl}/api/health`);
        await health.arrayBuffer();
        waits.push(performance.now() - started);
        statuses.push(health.status);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await send();
    finished = true;
    await poller;
    expect(waits.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    return { response, slowestHealthMs: Math.round(Math.max(...waits)) };
  }

  /** A 720,720-character password that repeats nothing: the worst case of the old repeated-unit search. */
  const hugePassword = () => 'a'.repeat(720_719) + 'b';

  function expectRefusedNaming(response: HttpResponse, field: string, problem: RegExp): void {
    expectStatus(response, 400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors).toEqual([{ field, problems: [expect.stringMatching(problem)] }]);
    expect(response.body.message.length).toBeLessThan(2_000);
  }

  it('sign-up with a 720,720-character password is refused at once on its length; health stays under 100 ms', async () => {
    const body = JSON.stringify({
      organizationName: 'Stall Corp',
      name: 'Stan Staller',
      email: `stall-${randomBytes(4).toString('hex')}@firm.test`,
      password: hugePassword(),
    });
    const { response, slowestHealthMs } = await whileHealthIsPolled(() =>
      api.http.request('POST', '/auth/signup', body),
    );
    expectRefusedNaming(response, 'password', /^password must be between 12 and 128 characters$/);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('password-reset confirm with a 720,720-character password likewise; health stays under 100 ms', async () => {
    const body = JSON.stringify({ token: randomBytes(24).toString('hex'), newPassword: hugePassword() });
    const { response, slowestHealthMs } = await whileHealthIsPolled(() =>
      api.http.request('POST', '/auth/password-reset/confirm', body),
    );
    expectRefusedNaming(response, 'newPassword', /^newPassword must be between 12 and 128 characters$/);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('login with 60,000 unknown keys (634 KB) gets a small 400 naming the problem, a short log line; health stays under 100 ms', async () => {
    const fields: Record<string, string> = { email: 'nobody@firm.test', password: TEST_PASSWORD };
    for (let i = 0; i < 60_000; i += 1) fields[`k${i}`] = 'v';
    const body = JSON.stringify(fields);
    expect(body.length).toBeGreaterThan(600_000);
    const { response, slowestHealthMs } = await whileHealthIsPolled(() =>
      api.http.request('POST', '/auth/login', body),
    );
    expectStatus(response, 400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS);
    expect(response.body.errors).toEqual([
      {
        field: 'body',
        problems: [`body has more than ${MAX_PROPERTIES_PER_OBJECT} properties; no request has that many`],
      },
    ]);
    expect(JSON.stringify(response.body).length).toBeLessThan(4_000);
    const { line, size } = logLineOf(response);
    expect(line).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', fields: ['body'] });
    expect(size).toBeLessThan(4_000);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it(`many problems: the body and the log line list the first ${MAX_LISTED_PROBLEMS} and count the rest`, async () => {
    const fields: Record<string, string> = { email: 'nobody@firm.test', password: TEST_PASSWORD };
    // under the per-object limit, so each unknown key is a problem of its own; long names are cut short
    for (let i = 0; i < MAX_PROPERTIES_PER_OBJECT - 2; i += 1) fields[`unknown${i}-${'x'.repeat(5_000)}`] = 'v';
    const response = await api.http.post('/auth/login', fields);
    expectStatus(response, 400);
    const unknown = MAX_PROPERTIES_PER_OBJECT - 2;
    expect(response.body.errors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(response.body.details).toEqual({ omittedErrors: unknown - MAX_LISTED_PROBLEMS });
    expect(response.body.message).toMatch(new RegExp(`and ${unknown - MAX_LISTED_PROBLEMS} more$`));
    expect(JSON.stringify(response.body).length).toBeLessThan(20_000);
    const { line, size } = logLineOf(response);
    expect(line.fields).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(line.omittedFields).toBe(unknown - MAX_LISTED_PROBLEMS);
    expect(size).toBeLessThan(8_000);
  });

  it('an array longer than any request takes is refused before its items are checked', async () => {
    const ids = Array.from({ length: MAX_ARRAY_ITEMS + 1 }, (_, i) => `id-${i}`);
    const response = await api.http.post('/auth/login', { email: 'nobody@firm.test', password: ids });
    expectStatus(response, 400);
    expect(response.body.errors).toEqual([
      {
        field: 'password',
        problems: ['password has more than 1,000 items; no request has that many'],
      },
    ]);
  });

  it('the limits refuse no valid request: every body and query of the OpenAPI document stays within them', async () => {
    type Schema = { properties?: Record<string, { type?: string; maxItems?: number }> };
    type Operation = {
      parameters?: Array<{ in: string }>;
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
    };
    const served = await fetch(`${api.baseUrl}/api/docs-json`);
    const doc = (await served.json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const operations = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));
    const bodies = [
      ...new Set(
        operations.flatMap((o) => Object.values(o.requestBody?.content ?? {}).map((c) => c.schema.$ref ?? '')),
      ),
    ].filter(Boolean);
    expect(bodies.length).toBeGreaterThan(20);
    const schemaOf = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')];
    const tooWide = bodies.filter(
      (ref) => Object.keys(schemaOf(ref).properties ?? {}).length > MAX_PROPERTIES_PER_OBJECT,
    );
    expect(tooWide).toEqual([]);
    const unboundedArrays = bodies.flatMap((ref) =>
      Object.entries(schemaOf(ref).properties ?? {})
        .filter(([, p]) => p.type === 'array' && !((p.maxItems ?? Infinity) <= MAX_ARRAY_ITEMS))
        .map(([name]) => `${ref}.${name}`),
    );
    expect(unboundedArrays).toEqual([]);
    const entriesOf = (ref: string) =>
      Object.values(schemaOf(ref).properties ?? {}).reduce(
        (n, p) => n + 1 + (p.type === 'array' ? (p.maxItems ?? Infinity) : 0),
        0,
      );
    expect(bodies.filter((ref) => entriesOf(ref) > MAX_INPUT_ENTRIES)).toEqual([]);
    const widestQuery = Math.max(...operations.map((o) => (o.parameters ?? []).filter((p) => p.in === 'query').length));
    expect(widestQuery).toBeLessThanOrEqual(MAX_PROPERTIES_PER_OBJECT);
  });
});
