import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { DestinationStream } from 'pino';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createLogger } from '@app/platform';
import { Clock } from '@app/domain';
import { pinnableClock } from './pin-clock';
import { migrateQueueSchema } from '@app/queue';
import { createDataSource } from '@app/database';
import type { ParsedMail } from 'mailparser';
import { HttpClient, type Inbox } from './http-client';
import { messagesOfEverySink } from './sinks/smtp-sink';
import { testEnvironment } from './test-env';

export interface TestApi {
  app: NestFastifyApplication;
  baseUrl: string;
  /** Unauthenticated client; `.as(token)` for a caller. */
  http: HttpClient;
  /** The owner's connection (row-level security does not apply): fixtures and probes that count rows. */
  dataSource: DataSource;
  /** The API's own connection, as throughline_app: only usable inside a tenant scope (runForOrganization). */
  appDataSource: DataSource;
  /** Pin "now" for everything that reads the Clock. */
  setNow(instant: Date | null): void;
  close(): Promise<void>;
}

/**
 * The real API (same factory as main.ts) listening on a free loopback port; silent unless `logTo` captures its JSON
 * log lines (LOG_LEVEL log).
 */
export async function startTestApi(
  envOverrides: Record<string, string> = {},
  /** `port`: listen there instead of a free port (a test whose PUBLIC_URL must be the API's own origin). */
  options: { logTo?: DestinationStream; port?: number } = {},
): Promise<TestApi> {
  // Each test file's queues are its own (a Redis key prefix, or a PostgreSQL schema), so no file sees another's jobs.
  const isolation = queueIsolation();
  envOverrides = { QUEUE_PREFIX: isolation.prefix, QUEUE_SCHEMA: isolation.schema, ...envOverrides };
  if (!envOverrides.REDIS_URL) await migrateQueueSchema(process.env.DATABASE_URL!, envOverrides.QUEUE_SCHEMA);
  const env = testEnvironment(options.logTo ? { LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...envOverrides } : envOverrides);
  const app = await createApiApp(env, { logger: options.logTo ? createLogger(env, 'API', options.logTo) : false });
  await app.listen(options.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const setNow = pinnableClock(app.get(Clock));
  const ownerDataSource = await createDataSource({
    url: env.DATABASE_URL!,
    poolSize: 3,
    applicationName: 'throughline-test-owner',
  }).initialize();
  return {
    app,
    baseUrl,
    http: new HttpClient(`${baseUrl}/api/v1`, undefined, outboxInbox(ownerDataSource)),
    dataSource: ownerDataSource,
    appDataSource: app.get(DataSource),
    setNow,
    close: async () => {
      await app.close();
      await ownerDataSource.destroy();
    },
  };
}

/**
 * Emails to an address, from the outbox (through the owner's connection) while no worker has sent them, else from
 * the SMTP sinks of this test file: a sent row keeps no copy of a link, and a row is marked sent only once a sink
 * has the message.
 */
function outboxInbox(owner: DataSource): Inbox {
  return async (recipientEmail, pattern) => {
    const queued: Array<{ text: string | null }> = await owner.query(
      `SELECT payload->>'text' AS text FROM outbox WHERE lower(recipient_email) = lower($1) ORDER BY created_at DESC`,
      [recipientEmail],
    );
    const sent = messagesOfEverySink()
      .filter((m) => addressesOf(m).includes(recipientEmail.toLowerCase()))
      .map((m) => m.text ?? '')
      .reverse();
    return [...queued.map((q) => q.text ?? ''), ...sent].find((text) => pattern.test(text));
  };
}

function addressesOf(message: ParsedMail): string[] {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : [];
  return to.flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));
}

/** A queue namespace for one test file: the same values must reach the API and the worker of that file. */
export function queueIsolation(): { prefix: string; schema: string } {
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return { prefix: `test-${tag}`, schema: `bullmq_test_${tag}` };
}
