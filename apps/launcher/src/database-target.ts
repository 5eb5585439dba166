import { resolve } from 'node:path';
import { Client } from 'pg';
import { projectRoot, type Environment } from '@app/config';
import { startEmbeddedPostgresProcess, type RunningEmbeddedPostgres } from '@app/database';

export interface DatabaseTarget {
  url: string;
  embedded: RunningEmbeddedPostgres | null;
}

const EMBEDDED_DATABASE = 'throughline';

/** DATABASE_URL when set; otherwise an embedded PostgreSQL server in EMBEDDED_POSTGRES_DIR with a `throughline` database. */
export async function resolveDatabase(env: Environment, log: (line: string) => void): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  const dataDir = resolve(projectRoot(), env.EMBEDDED_POSTGRES_DIR);
  log(`DATABASE_URL not set: starting embedded PostgreSQL in ${dataDir}`);
  // Out of the terminal's process group: Ctrl+C stops the API and the worker first, then the launcher stops it.
  const embedded = await startEmbeddedPostgresProcess({ dataDir, port: env.EMBEDDED_POSTGRES_PORT }, (line) => {
    if (/FATAL|PANIC|ERROR/.test(line)) log(`[postgres] ${line}`);
  });
  const admin = new Client({ connectionString: embedded.url });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [EMBEDDED_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = embedded.url.replace(/\/postgres$/, `/${EMBEDDED_DATABASE}`);
  log(`embedded PostgreSQL ready on 127.0.0.1:${embedded.port}`);
  return { url, embedded };
}
