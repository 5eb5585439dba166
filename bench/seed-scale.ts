import 'reflect-metadata';
import { Client } from 'pg';
import { validateEnvironment } from '@app/config';
import { createDataSource, runMigrations } from '@app/database';
import { hashPassword } from '@app/domain';
import { resolveDatabase } from '../apps/launcher/src/database-target';
import { SCALE_PASSWORD, ScaleSeedExists, scaleEmails, seedScale } from './scale/scale-seed';

/**
 * `npm run seed:scale [-- --reset]`: the scale data set (bench/scale/scale-seed.ts) into the database named by
 * DATABASE_URL, migrated first; without DATABASE_URL, into the launcher's embedded PostgreSQL (`.data/postgres`,
 * database `throughline`), which `npm run bench` then copies. Refuses when scale organizations already exist unless
 * --reset is given; other organizations are never touched.
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
    log(`seeding the scale data set into ${new URL(url).pathname.slice(1)}${reset ? ' (--reset)' : ''}…`);
    const result = await seedScale(client, { passwordHash: await hashPassword(SCALE_PASSWORD), reset, log });
    log(`seeded in ${(result.ms / 1000).toFixed(1)} s (one transaction), VACUUM ANALYZE ${(result.vacuumMs / 1000).toFixed(1)} s`);
    log('\nrows per table:           large org   100 small orgs');
    for (const table of Object.keys(result.counts.large)) {
      log(`  ${table.padEnd(26)} ${String(result.counts.large[table].toLocaleString('en-US')).padStart(9)}   ${String(result.counts.small[table].toLocaleString('en-US')).padStart(9)}`);
    }
    log(`\nlog in as ${scaleEmails.accountManager(1)} (account manager), ${scaleEmails.clientViewer(1)} (client viewer) or ${scaleEmails.admin}; password "${SCALE_PASSWORD}"`);
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
    process.stderr.write(`seed:scale failed: ${error instanceof ScaleSeedExists ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof ScaleSeedExists ? 2 : 1);
  },
);
