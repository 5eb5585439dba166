import { Client } from 'pg';
import { createDataSource, runMigrations } from '@app/database';
import { hashPassword } from '@app/domain';
import { migrateQueueSchema } from '@app/queue';
import {
  adminQuery,
  assertTestDatabaseName,
  createTestDatabase,
  dropTestDatabase,
  withDatabase,
  type TestDatabase,
} from '../../test/support/test-database';
import { BENCH_PASSWORD, dataSet, organizationId, type DataSet, type PresetName } from './data-set';
import { seedDataSet, type SeedResult } from './seed';

/**
 * A throw-away database holding one data set, for a benchmark to run on (and write into).
 *
 * The scale data set is copied, when a database seeded by `npm run seed:scale` is reachable (BENCH_SCALE_DATABASE_URL,
 * else DATABASE_URL, else the server URL's own database), with `CREATE DATABASE … TEMPLATE` (a file copy: seconds, and
 * every run starts from the same rows); the copy is migrated, so a seed taken before a new migration still works.
 * Otherwise, and for the other data sets (whose dates are relative to the run), a fresh `throughline_test_*` database
 * is created (createTestDatabase: on BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL, else embedded PostgreSQL)
 * and seeded. Either way closeBenchDatabase drops it. The seeded source is never written.
 */
export interface BenchDatabase extends TestDatabase {
  set: DataSet;
  source: { kind: 'copy'; of: string; ms: number } | { kind: 'seeded'; seed: SeedResult };
}

export function benchServerUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function openBenchDatabase(
  preset: PresetName,
  log: (line: string) => void,
  options: { now?: Date } = {},
): Promise<BenchDatabase> {
  const set = dataSet(preset);
  const template = preset === 'scale' ? await findSeededDatabase(set) : null;
  if (template) {
    const copy = await copyDatabase(template, log);
    if (copy) return { ...copy, set };
  }
  const db = await createTestDatabase(benchServerUrl());
  const client = new Client({ connectionString: db.url, application_name: 'throughline-bench-setup' });
  await client.connect();
  try {
    const hint = preset === 'scale' ? ' (run `npm run seed:scale` once to skip this)' : '';
    log(`${set.key} data: seeding ${db.name}${db.embedded ? ' on embedded PostgreSQL' : ''}${hint}…`);
    const seed = await seedDataSet(client, set, { passwordHash: await hashPassword(BENCH_PASSWORD), now: options.now });
    log(
      `${set.key} data: seeded in ${(seed.ms / 1000).toFixed(1)} s + VACUUM ANALYZE ${(seed.vacuumMs / 1000).toFixed(1)} s: ${JSON.stringify(seed.counts)}`,
    );
    return { ...db, set, source: { kind: 'seeded', seed } };
  } catch (error) {
    await client.end().catch(() => undefined);
    await dropTestDatabase(db).catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function closeBenchDatabase(db: BenchDatabase): Promise<void> {
  return dropTestDatabase(db);
}

async function copyDatabase(template: string, log: (line: string) => void): Promise<Omit<BenchDatabase, 'set'> | null> {
  const started = performance.now();
  const name = `throughline_test_${Date.now().toString(36)}_${process.pid}`;
  assertTestDatabaseName(name);
  const source = new URL(template).pathname.slice(1);
  try {
    await adminQuery(template, `CREATE DATABASE ${name} TEMPLATE ${quoteIdent(source)}`);
    const url = withDatabase(template, name);
    const dataSource = await createDataSource({ url, applicationName: 'throughline-bench-setup' }).initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    await migrateQueueSchema(url);
    const ms = performance.now() - started;
    log(`scale data: copied the seeded database ${source} into ${name} in ${(ms / 1000).toFixed(1)} s`);
    return {
      url,
      serverUrl: template,
      name,
      embedded: null,
      embeddedDir: null,
      source: { kind: 'copy', of: source, ms },
    };
  } catch (error) {
    // Typically "source database is being accessed by other users" (a running API on it): seed a fresh one instead.
    await adminQuery(template, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    log(
      `scale data: could not copy ${source} (${error instanceof Error ? error.message : String(error)}); seeding a fresh database instead`,
    );
    return null;
  }
}

/** The first candidate database that holds the data set's first organization; null when none does. */
async function findSeededDatabase(set: DataSet): Promise<string | null> {
  const candidates = [process.env.BENCH_SCALE_DATABASE_URL, process.env.DATABASE_URL, benchServerUrl()].filter(
    (u): u is string => !!u,
  );
  for (const url of [...new Set(candidates)]) {
    const client = new Client({ connectionString: url, application_name: 'throughline-bench-probe' });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('public.organizations') IS NOT NULL AS migrated`);
      if (!rows[0].migrated) continue;
      const found = await client.query(`SELECT 1 FROM organizations WHERE id = $1`, [
        organizationId(set, set.groups[0].tag),
      ]);
      if (found.rowCount) return url;
    } catch {
      // not reachable or not ours: try the next one
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return null;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
