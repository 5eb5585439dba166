import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { appDatabaseUrl, createDataSource, Db, runForOrganization, type Tx } from '@app/database';
import { OutboxRepository } from './outbox.repository';

/**
 * The lease that makes delivery at least once, on real PostgreSQL as the application role (row-level security on):
 * which states a claim takes a row from, and which it refuses.
 */
describe('OutboxRepository: the delivery lease', () => {
  const ownerUrl = process.env.DATABASE_URL!;
  const LEASE_SECONDS = 60;
  let owner: DataSource;
  let app: DataSource;
  let db: Db;
  const outbox = new OutboxRepository();
  const orgA = randomUUID();
  const orgB = randomUUID();

  beforeAll(async () => {
    owner = await createDataSource({ url: ownerUrl, poolSize: 2 }).initialize();
    await owner.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Lease A'), ($2, 'Lease B')`, [orgA, orgB]);
    app = await createDataSource({ url: appDatabaseUrl({ ownerUrl }), poolSize: 2 }).initialize();
    db = new Db(app);
  });
  afterAll(async () => {
    await app?.destroy();
    await owner.query(`DELETE FROM organizations WHERE id IN ($1, $2)`, [orgA, orgB]);
    await owner.destroy();
  });

  async function pendingRow(organizationId = orgA, event = 'alert.raised'): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await owner.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, payload) VALUES ($1, $2, 'email', 'dana@example.test', '{"secret":"s"}') RETURNING id`,
      [organizationId, event],
    );
    return id;
  }
  const row = async (id: string) =>
    (
      await owner.query(
        `SELECT status, attempts, last_error, sent_at, payload, claimed_until FROM outbox WHERE id = $1`,
        [id],
      )
    )[0] as {
      status: string;
      attempts: number;
      last_error: string | null;
      sent_at: Date | null;
      payload: unknown;
      claimed_until: Date | null;
    };
  const inA = <T>(work: (tx: Tx) => Promise<T>) => runForOrganization(orgA, () => db.transaction(work));
  const claim = (id: string, leaseSeconds = LEASE_SECONDS) => inA((tx) => outbox.claim(tx, orgA, id, leaseSeconds));
  const why = (id: string) => inA((tx) => outbox.whyUnclaimable(tx, orgA, id));

  it('claims a pending, unclaimed row: a lease of the given length, one attempt counted', async () => {
    const id = await pendingRow();
    const claimed = await claim(id);
    expect(claimed).toMatchObject({
      id,
      organization_id: orgA,
      channel: 'email',
      recipient_email: 'dana@example.test',
      attempts: 1,
    });
    const [{ seconds }]: Array<{ seconds: number }> = await owner.query(
      `SELECT extract(epoch FROM claimed_until - now())::float AS seconds FROM outbox WHERE id = $1`,
      [id],
    );
    expect(seconds).toBeGreaterThan(LEASE_SECONDS - 5);
    expect(seconds).toBeLessThanOrEqual(LEASE_SECONDS);
  });

  it('refuses a row whose lease is live, and says for how long it stays taken', async () => {
    const id = await pendingRow();
    expect(await claim(id)).not.toBeNull();
    expect(await claim(id)).toBeNull();
    const state = await why(id);
    expect(state).toMatchObject({ status: 'pending' });
    const left = (state as { leaseLeftMs: number }).leaseLeftMs;
    expect(left).toBeGreaterThan((LEASE_SECONDS - 5) * 1000);
    expect(left).toBeLessThanOrEqual(LEASE_SECONDS * 1000);
    expect((await row(id)).attempts).toBe(1);
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const id = await pendingRow();
    const results = await Promise.all([claim(id), claim(id)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('takes a row again once its lease has run out (a sender that died), counting a second attempt', async () => {
    const id = await pendingRow();
    expect(await claim(id, 1)).not.toBeNull();
    await owner.query(`UPDATE outbox SET claimed_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await claim(id)).toMatchObject({ id, attempts: 2 });
  });

  it('markSent ends the lease and the row is never claimed again; a password reset keeps no copy of its link', async () => {
    const id = await pendingRow(orgA, 'auth.password_reset');
    await claim(id);
    const sentAt = new Date('2026-03-21T09:15:30.000Z');
    await inA((tx) => outbox.markSent(tx, orgA, id, sentAt));
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sent_at: sentAt,
      claimed_until: null,
      payload: {},
    });
    expect(await claim(id)).toBeNull();
    expect(await why(id)).toEqual({ status: 'sent' });
  });

  it('recordFailure keeps the error and ends the lease, so the retry claims at once; markFailed is final', async () => {
    const id = await pendingRow();
    await claim(id);
    await inA((tx) => outbox.recordFailure(tx, orgA, id, '451 Try again later'));
    expect(await row(id)).toMatchObject({ status: 'pending', last_error: '451 Try again later', claimed_until: null });
    expect(await claim(id)).toMatchObject({ attempts: 2 });
    await inA((tx) => outbox.markFailed(tx, orgA, id, new Date(), '550 No such user'));
    expect(await row(id)).toMatchObject({
      status: 'failed',
      last_error: '550 No such user',
      claimed_until: null,
      payload: { secret: 's' },
    });
    expect(await claim(id)).toBeNull();
    expect(await why(id)).toEqual({ status: 'failed' });
  });

  it('a failure recorded late does not undo a row another sender already got out', async () => {
    const id = await pendingRow();
    await claim(id);
    await inA((tx) => outbox.markSent(tx, orgA, id, new Date()));
    await inA((tx) => outbox.markFailed(tx, orgA, id, new Date(), 'timeout'));
    await inA((tx) => outbox.recordFailure(tx, orgA, id, 'timeout'));
    expect(await row(id)).toMatchObject({ status: 'sent', last_error: null });
  });

  it("another organization's row is neither claimed nor seen", async () => {
    const id = await pendingRow(orgB);
    expect(await claim(id)).toBeNull();
    expect(await why(id)).toEqual({ status: 'gone' });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, claimed_until: null });
  });
});
