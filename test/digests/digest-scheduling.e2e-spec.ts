import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '@test/support';
import { DigestComposer, DigestRecipientsRepository, digestWeekStatus, type ComposeOutcome } from '@app/domain';

/**
 * The dispatcher's selection (one SQL query) and the claim on (user, ISO week), on real PostgreSQL with a
 * pinned clock: the dispatcher "runs" every 15 minutes over a fortnight while users sit in UTC+14, UTC+13,
 * UTC−10, a DST change and mid-week timezone changes; each must get exactly one digest per ISO week, at
 * their local slot (or within a day after it), and the pure digestWeekStatus() must agree with the SQL.
 */
interface Person {
  key: string;
  timezone: string | null;
  weekday?: number;
  hour?: number;
  id?: string;
}

const STEP_MS = 15 * 60_000;

describe('digest scheduling (PostgreSQL, pinned clock)', () => {
  let api: TestApi;
  let repository: DigestRecipientsRepository;
  let composer: DigestComposer;

  beforeAll(async () => {
    api = await startTestApi();
    repository = api.app.get(DigestRecipientsRepository);
    composer = api.app.get(DigestComposer);
  });
  afterAll(() => api.close());

  async function organization(
    timezone: string,
    people: Person[],
    settings: Record<string, unknown> = {},
  ): Promise<{ id: string; people: Map<string, Person> }> {
    const [org]: Array<{ id: string }> = await api.dataSource.query(
      `INSERT INTO organizations (name, timezone, settings) VALUES ($1, $2, $3) RETURNING id`,
      [`Schedule ${randomUUID().slice(0, 8)}`, timezone, JSON.stringify(settings)],
    );
    for (const person of people) {
      const [user]: Array<{ id: string }> = await api.dataSource.query(
        `INSERT INTO users (organization_id, email, name, password_hash, role, timezone) VALUES ($1, $2, $3, 'not-a-login', 'account_manager', $4) RETURNING id`,
        [org.id, `${person.key}-${randomUUID().slice(0, 8)}@schedule.test`, person.key, person.timezone],
      );
      person.id = user.id;
      await api.dataSource.query(
        `INSERT INTO digest_preferences (user_id, organization_id, weekday, hour, skip_when_empty) VALUES ($1, $2, $3, $4, false)`,
        [user.id, org.id, person.weekday ?? null, person.hour ?? null],
      );
    }
    return { id: org.id, people: new Map(people.map((p) => [p.key, p])) };
  }

  /** One dispatcher run at `now`: the due query, then one compose per due recipient (as the jobs would). */
  async function dispatch(
    organizationId: string,
    now: Date,
  ): Promise<Array<{ userId: string; isoWeek: string; outcome: ComposeOutcome }>> {
    api.setNow(now);
    const due = await repository.due(api.dataSource.manager, organizationId, now);
    const results = [];
    for (const d of due) {
      const outcome = await composer.composeAndQueue({
        organizationId,
        userId: d.userId,
        isoWeek: d.isoWeek,
        trigger: 'schedule',
        force: false,
        batch: `test-${now.getTime()}`,
      });
      results.push({ userId: d.userId, isoWeek: d.isoWeek, outcome });
    }
    return results;
  }

  /** Runs the dispatcher every 15 minutes from `from` to `to`, applying timezone changes when their time comes. */
  async function simulate(
    org: { id: string; people: Map<string, Person> },
    from: string,
    to: string,
    changes: Array<{ at: string; key: string; timezone: string }> = [],
  ): Promise<Map<string, Array<{ isoWeek: string; at: string }>>> {
    const sent = new Map<string, Array<{ isoWeek: string; at: string }>>([...org.people.keys()].map((k) => [k, []]));
    const keyOf = new Map([...org.people.values()].map((p) => [p.id!, p.key]));
    const pending = [...changes];
    for (let t = Date.parse(from); t <= Date.parse(to); t += STEP_MS) {
      const now = new Date(t);
      while (pending.length && Date.parse(pending[0].at) <= t) {
        const change = pending.shift()!;
        const person = org.people.get(change.key)!;
        person.timezone = change.timezone;
        await api.dataSource.query(`UPDATE users SET timezone = $2 WHERE id = $1`, [person.id, change.timezone]);
      }
      for (const r of await dispatch(org.id, now)) {
        expect(r.outcome).toBe('composed');
        sent.get(keyOf.get(r.userId)!)!.push({ isoWeek: r.isoWeek, at: now.toISOString() });
      }
    }
    return sent;
  }

  it('sends each recipient one digest per ISO week at their local Monday 08:00, from UTC+14 to UTC−10', async () => {
    const org = await organization('UTC', [
      { key: 'kiritimati', timezone: 'Pacific/Kiritimati' },
      { key: 'tonga', timezone: 'Pacific/Tongatapu' },
      { key: 'utc', timezone: null },
      { key: 'honolulu', timezone: 'Pacific/Honolulu' },
    ]);
    const sent = await simulate(org, '2026-11-19T00:00:00Z', '2026-12-03T00:00:00Z');
    expect(Object.fromEntries(sent)).toEqual({
      // Monday 08:00 local: Sunday 18:00 UTC at +14, 19:00 UTC at +13, Monday 08:00 UTC, Monday 18:00 UTC at −10.
      kiritimati: [
        { isoWeek: '2026-W48', at: '2026-11-22T18:00:00.000Z' },
        { isoWeek: '2026-W49', at: '2026-11-29T18:00:00.000Z' },
      ],
      tonga: [
        { isoWeek: '2026-W48', at: '2026-11-22T19:00:00.000Z' },
        { isoWeek: '2026-W49', at: '2026-11-29T19:00:00.000Z' },
      ],
      utc: [
        { isoWeek: '2026-W48', at: '2026-11-23T08:00:00.000Z' },
        { isoWeek: '2026-W49', at: '2026-11-30T08:00:00.000Z' },
      ],
      honolulu: [
        { isoWeek: '2026-W48', at: '2026-11-23T18:00:00.000Z' },
        { isoWeek: '2026-W49', at: '2026-11-30T18:00:00.000Z' },
      ],
    });
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM digests WHERE organization_id = $1`, [
      org.id,
    ]);
    expect(n).toBe(8);
  });

  it('follows the local hour across a DST change (Berlin: 07:00 UTC, then 06:00 UTC) and a slot in the DST gap (New York, Sunday 02:00)', async () => {
    const org = await organization('UTC', [
      { key: 'berlin', timezone: 'Europe/Berlin' },
      { key: 'newYork', timezone: 'America/New_York', weekday: 7, hour: 2 },
    ]);
    const sent = await simulate(org, '2026-03-05T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(sent.get('berlin')).toEqual([
      { isoWeek: '2026-W11', at: '2026-03-09T07:00:00.000Z' },
      { isoWeek: '2026-W12', at: '2026-03-16T07:00:00.000Z' },
      { isoWeek: '2026-W13', at: '2026-03-23T07:00:00.000Z' },
      // EU summer time from Sunday 2026-03-29: Monday 08:00 CEST is 06:00 UTC.
      { isoWeek: '2026-W14', at: '2026-03-30T06:00:00.000Z' },
    ]);
    // US summer time from Sunday 2026-03-08 02:00, which does not exist that day: the slot moves to 03:00 EDT (07:00 UTC).
    expect(sent.get('newYork')).toEqual([
      { isoWeek: '2026-W10', at: '2026-03-08T07:00:00.000Z' },
      { isoWeek: '2026-W11', at: '2026-03-15T06:00:00.000Z' },
      { isoWeek: '2026-W12', at: '2026-03-22T06:00:00.000Z' },
      { isoWeek: '2026-W13', at: '2026-03-29T06:00:00.000Z' },
    ]);
  });

  it('never sends twice in a week when a user changes timezone mid-week, in either direction', async () => {
    const org = await organization('UTC', [
      { key: 'eastToWest', timezone: 'Pacific/Kiritimati' },
      { key: 'westToEast', timezone: 'Pacific/Honolulu' },
    ]);
    const sent = await simulate(org, '2026-11-19T00:00:00Z', '2026-12-03T00:00:00Z', [
      // After their W48 digest: the first moves to Honolulu (local time jumps back into Sunday of… W47, long missed),
      { at: '2026-11-23T00:00:00Z', key: 'eastToWest', timezone: 'Pacific/Honolulu' },
      // the second to Kiritimati on Wednesday (local Thursday of W48, which it already has).
      { at: '2026-11-25T12:00:00Z', key: 'westToEast', timezone: 'Pacific/Kiritimati' },
    ]);
    expect(sent.get('eastToWest')).toEqual([
      { isoWeek: '2026-W48', at: '2026-11-22T18:00:00.000Z' },
      // Monday 08:00 in Honolulu of W48 (2026-11-23T18:00Z) finds W48 claimed: nothing until W49.
      { isoWeek: '2026-W49', at: '2026-11-30T18:00:00.000Z' },
    ]);
    expect(sent.get('westToEast')).toEqual([
      { isoWeek: '2026-W48', at: '2026-11-23T18:00:00.000Z' },
      { isoWeek: '2026-W49', at: '2026-11-29T18:00:00.000Z' },
    ]);
  });

  it('catches up within a day after a dispatcher outage, and skips a slot missed by more than a day', async () => {
    const org = await organization('UTC', [
      { key: 'late', timezone: 'Europe/London' },
      { key: 'missed', timezone: 'Europe/London' },
    ]);
    const late = org.people.get('late')!.id!;
    const missed = org.people.get('missed')!.id!;
    // Down from Sunday night until Tuesday 07:45 (23 h 45 min after the 08:00 slot): one catch-up run sends it.
    expect(
      (await dispatch(org.id, new Date('2026-11-24T07:45:00Z'))).map((r) => [r.userId, r.isoWeek, r.outcome]).sort(),
    ).toEqual(
      [
        [late, '2026-W48', 'composed'],
        [missed, '2026-W48', 'composed'],
      ].sort(),
    );
    const other = await organization('UTC', [{ key: 'missed', timezone: 'Europe/London' }]);
    // Down until Tuesday 08:00 (a full day late) and then all week: that week is skipped, not sent on Thursday.
    for (const at of ['2026-11-24T08:00:00Z', '2026-11-26T10:00:00Z', '2026-11-29T23:45:00Z']) {
      expect(await dispatch(other.id, new Date(at))).toEqual([]);
    }
    expect((await dispatch(other.id, new Date('2026-11-30T08:00:00Z'))).map((r) => r.isoWeek)).toEqual(['2026-W49']);
  });

  it('running the dispatcher twice, or the same compose job twice at once, yields one digest', async () => {
    const org = await organization('UTC', [{ key: 'once', timezone: 'UTC' }]);
    const userId = org.people.get('once')!.id!;
    const now = new Date('2026-11-23T08:05:00Z');
    expect(await dispatch(org.id, now)).toHaveLength(1);
    expect(await dispatch(org.id, now)).toEqual([]);
    api.setNow(new Date('2026-11-30T08:05:00Z'));
    const request = {
      organizationId: org.id,
      userId,
      isoWeek: '2026-W49',
      trigger: 'schedule' as const,
      force: false,
      batch: 'twice',
    };
    const outcomes = await Promise.all([
      composer.composeAndQueue(request),
      composer.composeAndQueue(request),
      composer.composeAndQueue(request),
    ]);
    expect(outcomes.sort()).toEqual(['already-done', 'already-done', 'composed']);
    const rows: Array<{ iso_week: string; n: number; outbox: number }> = await api.dataSource.query(
      `SELECT d.iso_week, count(*)::int AS n, count(o.id)::int AS outbox FROM digests d LEFT JOIN outbox o ON o.id = d.outbox_id
        WHERE d.user_id = $1 GROUP BY d.iso_week ORDER BY d.iso_week`,
      [userId],
    );
    expect(rows).toEqual([
      { iso_week: '2026-W48', n: 1, outbox: 1 },
      { iso_week: '2026-W49', n: 1, outbox: 1 },
    ]);
  });

  it('a compose batch (one job for many recipients) writes one digest each, and a re-run or overlapping batch adds none', async () => {
    const org = await organization('UTC', [
      { key: 'a', timezone: 'UTC' },
      { key: 'b', timezone: 'Pacific/Kiritimati' },
      { key: 'c', timezone: null },
      { key: 'gone', timezone: null },
    ]);
    await api.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [org.people.get('gone')!.id]);
    const now = new Date('2026-11-23T08:05:00Z');
    api.setNow(now);
    const due = await repository.due(api.dataSource.manager, org.id, now);
    expect(due).toHaveLength(3);
    const requests = [...due, { userId: org.people.get('gone')!.id!, isoWeek: '2026-W48' }].map((d) => ({
      organizationId: org.id,
      userId: d.userId,
      isoWeek: d.isoWeek,
      trigger: 'schedule' as const,
      force: false,
      batch: 'batch-1',
    }));
    expect(await composer.composeBatch(requests)).toEqual({
      composed: 3,
      skipped: 0,
      'already-done': 0,
      'opted-out': 0,
      gone: 1,
    });
    // The same batch retried, and an overlapping one from a later dispatch: nothing new.
    expect(await composer.composeBatch(requests)).toMatchObject({ composed: 0, 'already-done': 3, gone: 1 });
    expect(await composer.composeBatch(requests.slice(1).map((r) => ({ ...r, batch: 'batch-2' })))).toMatchObject({
      composed: 0,
      'already-done': 2,
    });
    const rows: Array<{ user_id: string; n: number; outbox: number }> = await api.dataSource.query(
      `SELECT d.user_id, count(*)::int AS n, count(o.id)::int AS outbox FROM digests d LEFT JOIN outbox o ON o.id = d.outbox_id
        WHERE d.organization_id = $1 GROUP BY d.user_id`,
      [org.id],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.n === 1 && r.outbox === 1)).toBe(true);
  });

  it('leaves out opted-out and disabled users, and follows the organization’s default slot and opt-out', async () => {
    const org = await organization(
      'Asia/Kolkata',
      [
        { key: 'default', timezone: null },
        { key: 'optedOut', timezone: null },
        { key: 'disabled', timezone: null },
        { key: 'ownSlot', timezone: null, weekday: 1, hour: 8 },
      ],
      { digestWeekday: 3, digestHour: 17 },
    );
    await api.dataSource.query(`UPDATE digest_preferences SET opted_out = true WHERE user_id = $1`, [
      org.people.get('optedOut')!.id,
    ]);
    await api.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [org.people.get('disabled')!.id]);
    const sent = await simulate(org, '2026-11-23T00:00:00Z', '2026-11-26T00:00:00Z');
    // Organization default: Wednesday 17:00 in Kolkata (+05:30) = 11:30 UTC; the user's own Monday 08:00 = 02:30 UTC.
    expect(Object.fromEntries(sent)).toEqual({
      default: [{ isoWeek: '2026-W48', at: '2026-11-25T11:30:00.000Z' }],
      optedOut: [],
      disabled: [],
      ownSlot: [{ isoWeek: '2026-W48', at: '2026-11-23T02:30:00.000Z' }],
    });
    // An organization that turns digests off by default: only users who opted in themselves get one.
    const off = await organization(
      'UTC',
      [
        { key: 'silent', timezone: null },
        { key: 'optedIn', timezone: null },
      ],
      { digestsEnabled: false },
    );
    await api.dataSource.query(`UPDATE digest_preferences SET opted_out = false WHERE user_id = $1`, [
      off.people.get('optedIn')!.id,
    ]);
    expect((await dispatch(off.id, new Date('2026-11-23T08:00:00Z'))).map((r) => r.userId)).toEqual([
      off.people.get('optedIn')!.id,
    ]);
  });

  it('agrees with the pure digestWeekStatus() at every step (before any digest exists)', async () => {
    const zones = [
      'Pacific/Kiritimati',
      'Pacific/Tongatapu',
      'Pacific/Honolulu',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ];
    const org = await organization(
      'UTC',
      zones.map((timezone, i) => ({ key: timezone, timezone, weekday: (i % 7) + 1, hour: (i * 5) % 24 })),
    );
    const people = [...org.people.values()];
    const disagreements: string[] = [];
    for (let t = Date.parse('2026-03-22T00:00:00Z'); t <= Date.parse('2026-04-06T00:00:00Z'); t += 60 * 60_000) {
      const now = new Date(t);
      const sql = new Set(
        (await repository.due(api.dataSource.manager, org.id, now)).map((d) => `${d.userId}|${d.isoWeek}`),
      );
      for (const p of people) {
        const status = digestWeekStatus(now, { weekday: p.weekday!, hour: p.hour!, timezone: p.timezone! });
        const pure = status.due;
        if (pure !== sql.has(`${p.id}|${status.isoWeek}`))
          disagreements.push(`${now.toISOString()} ${p.timezone}: pure ${pure}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
