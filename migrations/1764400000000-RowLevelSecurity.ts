import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant isolation enforced by PostgreSQL as well as by the code (issue 6).
 *
 * - `throughline_app`: the role the API and the worker connect as. Not a superuser, owns nothing, no BYPASSRLS,
 *   so row-level security applies to it. Roles are cluster-wide: created only if missing (every test run creates
 *   its own database in the same cluster), and an existing role with superuser or BYPASSRLS is refused.
 * - Every table with `organization_id`, and `organizations` itself (by `id`), gets row-level security with two
 *   permissive policies: the row's organization is the transaction's `app.organization_id`, or the transaction is
 *   one of the named cross-tenant system tasks (`app.cross_tenant = 'on'`). Neither set: no rows, no writes.
 *   The settings are read once per statement (a sub-select), not once per row.
 * - Migrations keep running as the owner, which row-level security does not restrict (no FORCE).
 */
export const APP_ROLE = 'throughline_app';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const ORGANIZATION = `id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

export class RowLevelSecurity1764400000000 implements MigrationInterface {
  name = 'RowLevelSecurity1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by a migration of another database in the same cluster
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}' AND (rolsuper OR rolbypassrls)) THEN
          RAISE EXCEPTION 'role ${APP_ROLE} exists with SUPERUSER or BYPASSRLS: row-level security would not apply to it';
        END IF;
        EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${APP_ROLE}', current_database());
      END $$`);

    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON typeorm_migrations FROM ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // Later tables and sequences, the queue's included (migrateQueueSchema runs as this same owner and grants
    // the queue schema itself, see libs/queue/src/queue-backend.ts).
    await q.query(`ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE}`);
    // A queue schema migrated before this migration existed.
    await q.query(`
      DO $$
      DECLARE s text;
      BEGIN
        FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bullmq%' AND nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
          EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO ${APP_ROLE}', s);
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${APP_ROLE}', s);
          EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO ${APP_ROLE}', s);
        END LOOP;
      END $$`);

    for (const table of await tenantTables(q)) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT})`);
      await q.query(`CREATE POLICY cross_tenant_system ON ${table} USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
    }
    await q.query(`ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON organizations USING (${ORGANIZATION}) WITH CHECK (${ORGANIZATION})`,
    );
    await q.query(`CREATE POLICY cross_tenant_system ON organizations USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...(await tenantTables(q)), 'organizations']) {
      await q.query(`DROP POLICY IF EXISTS cross_tenant_system ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself stays: it is cluster-wide and other databases may use it.
  }
}

async function tenantTables(q: QueryRunner): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await q.query(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.column_name = 'organization_id'
      ORDER BY c.table_name`,
  );
  return rows.map((r) => `"${r.table_name}"`);
}
