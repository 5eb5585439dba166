import { randomBytes } from 'node:crypto';
import { getMetadataArgsStorage, type DataSource } from 'typeorm';
import { ENTITIES } from '../../domain/src/entities';
import { adminQuery, assertTestDatabaseName, withDatabase } from '@test/support';
import { migrations } from '../../../migrations';
import { createDataSource } from './data-source';
import { runMigrations } from './migrate';

/**
 * The real migrations on a brand new database of their own (not the run's shared one): up, all the way
 * down, up again; then TypeORM's own comparison of the entity metadata with the migrated schema.
 */
/** Every table an entity maps: the migrations must create exactly these (plus their own bookkeeping table). */
const TABLES = ENTITIES.map((entity) => getMetadataArgsStorage().tables.find((t) => t.target === entity)!.name!);

/**
 * Differences TypeORM reports only because the entities cannot (or deliberately do not) describe them: the
 * migration owns indexes (including the partial index on open milestones and the expression index on
 * lower(email)), composite foreign keys and UNIQUE (organization_id, id) targets, CHECK constraints and the
 * deferrable exclusion constraint on active ranks. Anything else (tables, columns, types, nullability,
 * defaults, primary keys) must be in sync.
 */
const CONSTRAINT_ONLY = [
  /^DROP INDEX /i,
  /^CREATE (UNIQUE )?INDEX /i,
  /^ALTER TABLE "[^"]+" DROP CONSTRAINT "[^"]+"$/i,
  /^ALTER TABLE "[^"]+" ADD CONSTRAINT "[^"]+" (FOREIGN KEY|UNIQUE|CHECK|EXCLUDE) /i,
];

describe('migrations on a brand new database', () => {
  const serverUrl = process.env.THROUGHLINE_TEST_SERVER_URL!;
  const name = `throughline_test_migrations_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource;

  const tablesPresent = async (): Promise<string[]> => {
    const rows: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  };

  beforeAll(async () => {
    expect(serverUrl).toBeTruthy();
    assertTestDatabaseName(name);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    dataSource = await createDataSource({
      url: withDatabase(serverUrl, name),
      poolSize: 2,
      applicationName: 'throughline-migrations-test',
    }).initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    assertTestDatabaseName(name);
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('keeps synchronize off (schema changes only ever come from migrations)', () => {
    const options = createDataSource({ url: withDatabase(serverUrl, name) }).options;
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun ?? false).toBe(false);
    expect(options.dropSchema ?? false).toBe(false);
    expect(dataSource.options.synchronize).toBe(false);
  });

  it('runs every migration up, all the way down, and up again without error', async () => {
    expect(await tablesPresent()).toEqual([]);

    const applied = await runMigrations(dataSource);
    expect(applied).toEqual(migrations.map((m) => new m().name ?? m.name));
    expect(await tablesPresent()).toEqual([...TABLES, 'typeorm_migrations'].sort());
    // Nothing pending after a run; running again is a no-op.
    expect(await dataSource.showMigrations()).toBe(false);
    expect(await runMigrations(dataSource)).toEqual([]);

    for (let i = 0; i < migrations.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tablesPresent()).toEqual(['typeorm_migrations']);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM typeorm_migrations`)).toEqual([{ n: 0 }]);
    expect(await dataSource.showMigrations()).toBe(true);

    const reapplied = await runMigrations(dataSource);
    expect(reapplied).toEqual(applied);
    expect(await tablesPresent()).toEqual([...TABLES, 'typeorm_migrations'].sort());

    // The re-created schema is usable: the deferrable exclusion constraint on active ranks is back.
    const [constraint] = await dataSource.query(
      `SELECT contype, condeferrable, condeferred FROM pg_constraint WHERE conname = 'priorities_active_rank_unique'`,
    );
    expect(constraint).toEqual({ contype: 'x', condeferrable: true, condeferred: true });
  });

  it('matches the entity metadata: no table, column, type, nullability or primary-key difference', async () => {
    const { constraintOnly, defaults, structural } = await schemaDifferences();
    // Printed so a reader can see what TypeORM would change; the constraint/index part is expected (see CONSTRAINT_ONLY).
    const kinds = {
      foreignKeys: constraintOnly.filter((q) => /_fkey"$/.test(q)).length,
      indexes: constraintOnly.filter((q) => /INDEX/.test(q)).length,
      checks: constraintOnly.filter((q) => /_check"$/.test(q)).length,
      uniques: constraintOnly.filter((q) => /_key"$/.test(q)).length,
      exclusions: constraintOnly.filter((q) => /priorities_active_rank_unique/.test(q)).length,
    };
    process.stdout.write(
      `\n[migrations] TypeORM schema diff: ${JSON.stringify(kinds)}; defaults: ${JSON.stringify(defaults)}; structural: ${JSON.stringify(structural)}\n`,
    );
    expect(structural).toEqual([]);
  });

  it('has no column default that TypeORM reads back differently (migration:generate would emit a spurious migration)', async () => {
    const { defaults } = await schemaDifferences();
    expect(defaults).toEqual([]);
  });

  async function schemaDifferences(): Promise<{ constraintOnly: string[]; defaults: string[]; structural: string[] }> {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => q.query.replace(/\s+/g, ' ').trim());
    const constraintOnly = up.filter((q) => CONSTRAINT_ONLY.some((re) => re.test(q)));
    const defaults = up.filter((q) => /^ALTER TABLE "[^"]+" ALTER COLUMN "[^"]+" (SET|DROP) DEFAULT/i.test(q));
    const structural = up.filter((q) => !constraintOnly.includes(q) && !defaults.includes(q));
    return { constraintOnly, defaults, structural };
  }
});
