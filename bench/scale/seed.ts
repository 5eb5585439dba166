import type { Client } from 'pg';
import { organizationIds, organizationId, type DataSet } from './data-set';
import { organizationSteps, SEEDED_TABLES, type SeedClock } from './organization-sql';

/**
 * Seeds a data set (bench/scale/data-set.ts) in one transaction (all or nothing), then VACUUM ANALYZE. Never touches
 * an organization it did not create: `reset` deletes only the data set's own fixed ids.
 */
export interface SeedResult {
  ms: number;
  vacuumMs: number;
  steps: Array<{ label: string; rows: number; ms: number }>;
  /** Rows per table, per group of organizations. */
  counts: Record<string, Record<string, number>>;
}

export interface SeedOptions {
  /** The argon2 hash every seeded user gets (hash BENCH_PASSWORD with the app's hashPassword). */
  passwordHash: string;
  /** Delete the data set's existing organizations first; without it an existing one is an error. */
  reset?: boolean;
  /** Dates are relative to this instant (default: now). */
  now?: Date;
  log?: (line: string) => void;
}

export class DataSetExists extends Error {}

/** Organizations of this data set already in the database (by their fixed ids). */
export async function existingOrganizations(client: Client, set: DataSet): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM organizations WHERE id = ANY($1::uuid[])`, [
    organizationIds(set),
  ]);
  return rows[0].n as number;
}

export async function seedDataSet(client: Client, set: DataSet, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const clock: SeedClock = { today: now.toISOString().slice(0, 10), now };
  const started = performance.now();
  const steps: SeedResult['steps'] = [];
  await client.query(`SET synchronous_commit = off`);
  await client.query('BEGIN');
  try {
    // Serializes two concurrent seeds on the same database.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('throughline-bench-seed'))`);
    const existing = await existingOrganizations(client, set);
    if (existing > 0 && !options.reset) {
      throw new DataSetExists(
        `This database already holds ${existing} organization(s) of the ${set.key} data set; run with --reset to delete and re-create them (other organizations are never touched)`,
      );
    }
    if (existing > 0) {
      const deleted = await client.query(`DELETE FROM organizations WHERE id = ANY($1::uuid[])`, [
        organizationIds(set),
      ]);
      log(
        `  deleted ${deleted.rowCount} organizations of the ${set.key} data set (--reset); their rows went with them`,
      );
    }
    for (const group of set.groups) {
      for (const step of organizationSteps(set, group, clock, options.passwordHash)) {
        const t = performance.now();
        const result = await client.query(step.sql);
        const ms = Math.round(performance.now() - t);
        steps.push({ label: step.label, rows: result.rowCount ?? 0, ms });
        log(`  ${step.label.padEnd(28)} ${String(result.rowCount ?? 0).padStart(9)} rows  ${(ms / 1000).toFixed(2)} s`);
      }
    }
    await client.query('COMMIT'); // the deferred active-rank constraint is checked here
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const ms = performance.now() - started;
  const t = performance.now();
  await client.query(`VACUUM (ANALYZE) ${SEEDED_TABLES.join(', ')}`);
  const vacuumMs = performance.now() - t;
  return { ms, vacuumMs, steps, counts: await countRows(client, set) };
}

/** Rows per table of each group's organizations. */
export async function countRows(client: Client, set: DataSet): Promise<SeedResult['counts']> {
  const counts: SeedResult['counts'] = Object.fromEntries(set.groups.map((g) => [g.tag, {}]));
  for (const table of SEEDED_TABLES) {
    const column = table === 'organizations' ? 'id' : 'organization_id';
    for (const group of set.groups) {
      const ids = Array.from({ length: group.count }, (_, i) => organizationId(set, group.tag, i + 1));
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = ANY($1::uuid[])`, [
        ids,
      ]);
      counts[group.tag][table] = rows[0].n as number;
    }
  }
  return counts;
}
