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
  redisUrl?: string; databaseUrl: string; prefix: string; poolSize?: number; schema?: string;
  /**
   * Redis only, for a process that only enqueues (the API): a command fails at once while Redis is down instead
   * of waiting in ioredis's offline queue, so a request whose write is committed is not held up by the queue
   * (the worker's catch-up enqueues what was missed). Workers need the default: blocking commands retried forever.
   */
  failFast?: boolean;
}): QueueConnectionConfig {
  if (options.redisUrl) {
    setDefaultBackendFactory();
    const connection = options.failFast ? { url: options.redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false } : { url: options.redisUrl, maxRetriesPerRequest: null };
    return { kind: 'redis', connection, prefix: options.prefix };
  }
  setDefaultBackendFactory(createPostgresBackend);
  // Each Queue and Worker opens its own pool plus a LISTEN connection: keep pools small (DESIGN.md §8).
  return { kind: 'postgres', connection: { connectionString: options.databaseUrl, max: options.poolSize ?? 3, schema: options.schema ?? QUEUE_SCHEMA }, prefix: options.prefix };
}

/** BullMQ's PostgreSQL schema, migrated once at start-up by the process that runs migrations. */
export async function migrateQueueSchema(databaseUrl: string, schema: string = QUEUE_SCHEMA): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await runMigrations(client, schema);
  } finally {
    await client.end();
  }
}
