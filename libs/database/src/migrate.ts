import { DataSource } from 'typeorm';

/**
 * Runs pending migrations under an advisory lock, so several processes starting together migrate once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('throughline.migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('throughline.migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
