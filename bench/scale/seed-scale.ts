import 'reflect-metadata';
import { Client } from 'pg';
import { validateEnvironment } from '@app/config';
import { createDataSource, runMigrations } from '@app/database';
import { hashPassword } from '@app/domain';
import { resolveDatabase } from '../../apps/launcher/src/database-target';
import { BENCH_PASSWORD, dataSet, emailOf } from './data-set';
import { DataSetExists, seedDataSet } from './seed';

/**
 * `npm run seed:scale [-- --reset]`: the scale data set (bench/scale/data-set.ts; BENCH_SIZE=small for a few thousand
 * rows) into the database named by DATABASE_URL, migrated first; without DATABASE_URL, into the launcher's embedded
 * PostgreSQL (`.data/postgres`, database `throughline`), which `npm run bench` then copies. Refuses when the data set's
 * organizations already exist unless --reset is given; other organizations are never touched.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const target = await resolveDatabase(validateEnvironment({ ...process.env }), log);
  try {
    await seedInto(target.url, log);
  } finally {
    await target.embedded?.stop();
  }
}

async function seedInto(url: string, log: (line: string) => void): Promise<void> {
  const reset = process.argv.includes('--reset');
  await createDatabaseIfMissing(url, log);

  const dataSource = await createDataSource({ url, applicationName: 'throughline-seed-scale' }).initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }

  const client = new Client({ connectionString: url, application_name: 'throughline-seed-scale' });
  await client.connect();
  try {
    const set = dataSet('scale');
    log(`seeding the ${set.key} data set into ${new URL(url).pathname.slice(1)}${reset ? ' (--reset)' : ''}…`);
    const result = await seedDataSet(client, set, { passwordHash: await hashPassword(BENCH_PASSWORD), reset, log });
    log(
      `seeded in ${(result.ms / 1000).toFixed(1)} s (one transaction), VACUUM ANALYZE ${(result.vacuumMs / 1000).toFixed(1)} s`,
    );
    log(`\nrows per table:${set.groups.map((g) => `${g.count} ${g.tag}`.padStart(16)).join('')}`);
    for (const table of Object.keys(result.counts.large)) {
      log(
        `  ${table.padEnd(27)}${set.groups.map((g) => result.counts[g.tag][table].toLocaleString('en-US').padStart(16)).join('')}`,
      );
    }
    const login = (role: 'admin' | 'am' | 'viewer') => emailOf(set, 'large', role);
    log(
      `\nlog in as ${login('am')} (account manager), ${login('viewer')} (client viewer) or ${login('admin')}; password "${BENCH_PASSWORD}"`,
    );
  } finally {
    await client.end();
  }
}

/** A newcomer names a database of its own (`…/throughline_scale`) that does not exist yet. */
async function createDatabaseIfMissing(url: string, log: (line: string) => void): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString(), application_name: 'throughline-seed-scale' });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `seed:scale failed: ${error instanceof DataSetExists ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(error instanceof DataSetExists ? 2 : 1);
  },
);
