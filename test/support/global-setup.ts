import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './test-database';

declare global {
  // Shared between Jest's global setup and teardown (same process).
  var __THROUGHLINE_TEST_DB__: TestDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase(process.env.TEST_DATABASE_URL || undefined);
  globalThis.__THROUGHLINE_TEST_DB__ = db;
  process.env.DATABASE_URL = db.url;
  process.env.THROUGHLINE_TEST_SERVER_URL = db.serverUrl;
  writeFileSync(join(tmpdir(), `throughline-test-db-${process.pid}.url`), db.url);
  process.stdout.write(
    `\n[test] database ${db.name} on ${db.embedded ? 'embedded PostgreSQL' : 'TEST_DATABASE_URL'} (migrated)\n`,
  );
}
