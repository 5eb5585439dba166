import { createPostgresBackend, runMigrations, setDefaultBackendFactory } from 'bullmq';
import { Client } from 'pg';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueConnectionConfig {
  kind: QueueBackendKind;
  /** Passed to BullMQ as `connection`. */
  connection: Record<string, unknown>;
  /** Key prefix (Redis only; PostgreSQL namespaces by schema, i.e. by database). */
  prefix: string;
}

export const QUEUE_SCHEMA = 'bullmq';

/**
 * Chooses BullMQ's backend for the whole process: Redis when REDIS_URL is set, otherwise BullMQ's
 * PostgreSQL backend in the application database. It must run before any Queue or Worker exists (so
 * before Nest builds its modules): set later, producers and workers would silently use different backends.
 */
export function selectQueueBackend(options: {
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
  poolSize?: number;
  schema?: string;
  /**
   * Redis only, for a process that only enqueues (the API): a command fails at once while Redis is down instead
   * of waiting in ioredis's offline queue, so a request whose write is committed is not held up by the queue
   * (the worker's catch-up enqueues what was missed). Workers need the default: blocking commands retried forever.
   */
  failFast?: boolean;
}): QueueConnectionConfig {
  if (options.redisUrl) {
    setDefaultBackendFactory();
    const connection = options.failFast
      ? { url: options.redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false }
      : { url: options.redisUrl, maxRetriesPerRequest: null };
    return { kind: 'redis', connection, prefix: options.prefix };
  }
  setDefaultBackendFactory(createPostgresBackend);
  // Each Queue and Worker opens its own pool plus a LISTEN connection: keep pools small (DESIGN.md §8).
  return {
    kind: 'postgres',
    connection: {
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 3,
      schema: options.schema ?? QUEUE_SCHEMA,
    },
    prefix: options.prefix,
  };
}

/** The role the API and the worker connect as (migrations/1764400000000-RowLevelSecurity.ts creates it). */
const APP_ROLE = 'throughline_app';

/**
 * BullMQ's PostgreSQL schema, migrated once at start-up by the process that runs migrations (the owner), then
 * opened to the application role: its tables and sequences, and CREATE in this schema only, because BullMQ
 * creates a job-id sequence per queue on the queue's first job. No tenant data lives here.
 */
export async function migrateQueueSchema(databaseUrl: string, schema: string = QUEUE_SCHEMA): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = await runMigrations(client, schema);
    const role = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    if (role.rowCount) {
      const quoted = client.escapeIdentifier(schema);
      await client.query(`GRANT USAGE, CREATE ON SCHEMA ${quoted} TO ${APP_ROLE}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quoted} TO ${APP_ROLE}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${quoted} TO ${APP_ROLE}`);
    }
    return version;
  } finally {
    await client.end();
  }
}
