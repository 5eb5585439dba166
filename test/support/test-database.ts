import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createDataSource,
  runMigrations,
  startEmbeddedPostgres,
  syncAppRolePassword,
  type RunningEmbeddedPostgres,
} from '../../libs/database/src';
import { migrateQueueSchema } from '../../libs/queue/src/queue-backend';

export interface TestDatabase {
  url: string;
  serverUrl: string;
  name: string;
  embedded: RunningEmbeddedPostgres | null;
  embeddedDir: string | null;
}

/** Refuses any database whose name does not say it is a test database: tests must never touch real data. */
export function assertTestDatabaseName(name: string): void {
  if (!/test/i.test(name))
    throw new Error(`Refusing to use database "${name}" for tests: its name must contain "test"`);
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database for this run, migrated with the real migrations. */
export async function createTestDatabase(serverUrl: string | undefined): Promise<TestDatabase> {
  let embedded: RunningEmbeddedPostgres | null = null;
  let embeddedDir: string | null = null;
  if (!serverUrl) {
    embeddedDir = mkdtempSync(join(tmpdir(), 'throughline-test-pg-'));
    chmodSync(embeddedDir, 0o755); // PostgreSQL runs as its own user when we are root
    embedded = await startEmbeddedPostgres({ dataDir: join(embeddedDir, 'data') });
    serverUrl = embedded.url;
  }
  const name = `throughline_test_${Date.now().toString(36)}_${process.pid}`;
  assertTestDatabaseName(name);
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const dataSource = await createDataSource({ url, applicationName: 'throughline-test-setup' }).initialize();
  try {
    await runMigrations(dataSource);
    await syncAppRolePassword(dataSource, { ownerUrl: url });
  } finally {
    await dataSource.destroy();
  }
  await migrateQueueSchema(url);
  return { url, serverUrl, name, embedded, embeddedDir };
}

export async function dropTestDatabase(
  db: Pick<TestDatabase, 'serverUrl' | 'name' | 'embeddedDir'> & { embedded?: RunningEmbeddedPostgres | null },
): Promise<void> {
  assertTestDatabaseName(db.name);
  await adminQuery(db.serverUrl, `DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`).catch(() => undefined);
  if (db.embedded) await db.embedded.stop();
  if (db.embeddedDir) rmSync(db.embeddedDir, { recursive: true, force: true });
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
