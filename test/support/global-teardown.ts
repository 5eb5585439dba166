import { dropTestDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__THROUGHLINE_TEST_DB__;
  if (db) await dropTestDatabase(db);
}
