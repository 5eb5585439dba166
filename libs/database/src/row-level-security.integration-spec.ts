import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_ROLE, appDatabaseUrl } from './app-role';
import { createDataSource } from './data-source';
import { MissingTenantScope, runAsSystem, runForOrganization } from './tenant-scope';
import { Db } from './transaction';

/**
 * Tenant isolation as PostgreSQL enforces it (issue 6): the schema rules every tenant table must follow, the
 * policies as the application role sees them (talking to PostgreSQL directly, so the code's own filters play no
 * part), and the Db helper that sets the tenant per transaction on pooled connections.
 */
describe('row-level security', () => {
  const ownerUrl = process.env.DATABASE_URL!;
  let owner: DataSource;
  let app: Client;
  const orgA = randomUUID();
  const orgB = randomUUID();

  beforeAll(async () => {
    owner = await createDataSource({ url: ownerUrl, poolSize: 2 }).initialize();
    await owner.query(`INSERT INTO organizations (id, name) VALUES ($1, 'RLS A'), ($2, 'RLS B')`, [orgA, orgB]);
    await owner.query(
      `INSERT INTO clients (organization_id, name, stage) VALUES ($1, 'A client', 'growth'), ($2, 'B client', 'growth')`,
      [orgA, orgB],
    );
    app = new Client({ connectionString: appDatabaseUrl({ ownerUrl }) });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await owner.query(`DELETE FROM organizations WHERE id IN ($1, $2)`, [orgA, orgB]);
    await owner.destroy();
  });

  /** Runs statements in one transaction of the app role with the given settings, then rolls back. */
  async function asApp<T>(
    settings: { organizationId?: string; crossTenant?: boolean },
    work: () => Promise<T>,
  ): Promise<T> {
    await app.query('BEGIN');
    try {
      if (settings.organizationId)
        await app.query(`SELECT set_config('app.organization_id', $1, true)`, [settings.organizationId]);
      if (settings.crossTenant) await app.query(`SELECT set_config('app.cross_tenant', 'on', true)`);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  async function tenantTables(): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await owner.query(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' ORDER BY 1`,
    );
    return rows.map((r) => r.table_name);
  }

  describe('schema', () => {
    it('every table with organization_id (and organizations) has row-level security on and a policy on organization_id', async () => {
      const tables = await tenantTables();
      expect(tables.length).toBeGreaterThanOrEqual(20);
      const rows: Array<{ table: string; rls: boolean; tenant_policies: number }> = await owner.query(
        `SELECT c.relname AS table, c.relrowsecurity AS rls,
                (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname
                   AND p.qual LIKE '%' || (CASE WHEN c.relname = 'organizations' THEN 'id' ELSE 'organization_id' END) || ' = %'
                   AND p.with_check LIKE '%current_setting(''app.organization_id''%') AS tenant_policies
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relname = ANY($1::text[])`,
        [[...tables, 'organizations']],
      );
      const missing = rows.filter((r) => !r.rls || r.tenant_policies < 1).map((r) => r.table);
      expect(missing).toEqual([]);
      expect(rows).toHaveLength(tables.length + 1);
    });

    it('every table with organization_id has an index whose first column is organization_id', async () => {
      const rows: Array<{ table: string }> = await owner.query(
        `SELECT t.relname AS table
           FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = 'public' AND t.relkind = 'r' AND t.relname = ANY($1::text[])
            AND NOT EXISTS (
              SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
               WHERE i.indrelid = t.oid AND a.attname = 'organization_id')`,
        [await tenantTables()],
      );
      expect(rows.map((r) => r.table)).toEqual([]);
    });

    it(`${APP_ROLE} is not a superuser, has no BYPASSRLS, owns no table nor schema and is no member of the owner`, async () => {
      const [role]: Array<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }> =
        await owner.query(
          `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = $1`,
          [APP_ROLE],
        );
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
      // All it may own: the job-id sequences BullMQ creates on a queue's first job, in a queue schema (no tenant data).
      const owned: Array<{ schema: string; relname: string; relkind: string }> = await owner.query(
        `SELECT n.nspname AS schema, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
        [APP_ROLE],
      );
      expect(
        owned.filter(
          (o) => !(o.relkind === 'S' && o.schema.startsWith('bullmq') && o.relname.startsWith('bullmq_jid_')),
        ),
      ).toEqual([]);
      const ownedSchemas: unknown[] = await owner.query(
        `SELECT nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = $1`,
        [APP_ROLE],
      );
      expect(ownedSchemas).toEqual([]);
      const memberships: unknown[] = await owner.query(
        `SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1`,
        [APP_ROLE],
      );
      expect(memberships).toEqual([]);
      expect((await app.query(`SELECT current_user AS u`)).rows[0].u).toBe(APP_ROLE);
    });

    it(`${APP_ROLE} cannot read the migrations table nor change the schema`, async () => {
      await expect(app.query(`SELECT 1 FROM typeorm_migrations`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`ALTER TABLE clients DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`CREATE TABLE rls_probe (id int)`)).rejects.toThrow(/permission denied/);
    });
  });

  describe(`as ${APP_ROLE}, straight to PostgreSQL`, () => {
    it('with no tenant set every tenant table reads empty and inserts are refused', async () => {
      const tables = [...(await tenantTables()), 'organizations'];
      await asApp({}, async () => {
        for (const table of tables) {
          const { rows } = await app.query(`SELECT count(*)::int AS n FROM "${table}"`);
          expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
        }
      });
      // The owner sees the rows: they are there, only hidden.
      const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM clients WHERE organization_id IN ($1, $2)`, [
        orgA,
        orgB,
      ]);
      expect(n).toBe(2);
      await expect(
        asApp({}, () =>
          app.query(`INSERT INTO clients (organization_id, name, stage) VALUES ($1, 'sneaky', 'growth')`, [orgA]),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it("with tenant A set, B's rows are invisible, and writing a row of B is refused", async () => {
      await asApp({ organizationId: orgA }, async () => {
        const { rows } = await app.query(
          `SELECT organization_id, name FROM clients WHERE organization_id IN ($1, $2)`,
          [orgA, orgB],
        );
        expect(rows).toEqual([{ organization_id: orgA, name: 'A client' }]);
        const orgs = await app.query(`SELECT id FROM organizations WHERE id IN ($1, $2)`, [orgA, orgB]);
        expect(orgs.rows).toEqual([{ id: orgA }]);
        // Updating or deleting B's rows touches nothing.
        expect((await app.query(`UPDATE clients SET name = 'taken' WHERE organization_id = $1`, [orgB])).rowCount).toBe(
          0,
        );
        expect((await app.query(`DELETE FROM clients WHERE organization_id = $1`, [orgB])).rowCount).toBe(0);
      });
      await expect(
        asApp({ organizationId: orgA }, () =>
          app.query(`INSERT INTO clients (organization_id, name, stage) VALUES ($1, 'planted', 'growth')`, [orgB]),
        ),
      ).rejects.toThrow(/row-level security/);
      // Moving one of A's rows to B is a write of a row of B: refused too.
      await expect(
        asApp({ organizationId: orgA }, () =>
          app.query(`UPDATE clients SET organization_id = $2 WHERE organization_id = $1`, [orgA, orgB]),
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        asApp({ organizationId: orgA }, () =>
          app.query(`UPDATE organizations SET name = 'x' WHERE id = $1 RETURNING id`, [orgB]).then((r) => r.rowCount),
        ),
      ).resolves.toBe(0);
      const [{ name }] = await owner.query(`SELECT name FROM clients WHERE organization_id = $1`, [orgB]);
      expect(name).toBe('B client');
    });

    it('the cross-tenant setting sees every organization (the named system tasks only)', async () => {
      await asApp({ crossTenant: true }, async () => {
        const { rows } = await app.query(`SELECT count(*)::int AS n FROM clients WHERE organization_id IN ($1, $2)`, [
          orgA,
          orgB,
        ]);
        expect(rows[0].n).toBe(2);
      });
    });

    it('the settings are transaction-local: after COMMIT the same connection has no tenant', async () => {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.organization_id', $1, true)`, [orgA]);
      await app.query('COMMIT');
      const { rows } = await app.query(`SELECT count(*)::int AS n FROM clients WHERE organization_id = $1`, [orgA]);
      expect(rows[0].n).toBe(0);
    });
  });

  describe('what belongs to no organization yet: pending sign-ups and their verification emails', () => {
    const token = `rls-${randomUUID()}`;
    let outboxId: string;

    beforeAll(async () => {
      await owner.query(
        `INSERT INTO pending_signups (email, organization_name, name, password_hash, token_hash, expires_at)
         VALUES ('rls-signup@example.test', 'RLS Co', 'Rae', 'hash', $1, now() + interval '1 hour')`,
        [token],
      );
      [{ id: outboxId }] = await owner.query(
        `INSERT INTO outbox (organization_id, event, channel, recipient_email, payload)
         VALUES (NULL, 'auth.signup_verify', 'email', 'rls-signup@example.test', '{}'::jsonb) RETURNING id`,
      );
    });
    afterAll(async () => {
      await owner.query(`DELETE FROM outbox WHERE id = $1`, [outboxId]);
      await owner.query(`DELETE FROM pending_signups WHERE token_hash = $1`, [token]);
    });

    it('row-level security is on for pending_signups, with no policy but the system one', async () => {
      const [table] = await owner.query(`SELECT relrowsecurity AS rls FROM pg_class WHERE relname = 'pending_signups'`);
      expect(table.rls).toBe(true);
      const policies: Array<{ policyname: string }> = await owner.query(
        `SELECT policyname FROM pg_policies WHERE tablename = 'pending_signups' ORDER BY 1`,
      );
      expect(policies.map((p) => p.policyname)).toEqual(['cross_tenant_system']);
    });

    it('no tenant, or any tenant, sees none of them and cannot write one; only a system task can', async () => {
      const refusedInserts = [
        `INSERT INTO pending_signups (email, organization_name, name, password_hash, token_hash, expires_at)
         VALUES ('x@example.test', 'X', 'X', 'h', 'rls-refused', now())`,
        `INSERT INTO outbox (organization_id, event, channel, recipient_email, payload)
         VALUES (NULL, 'auth.signup_verify', 'email', 'x@example.test', '{}'::jsonb)`,
      ];
      for (const settings of [{}, { organizationId: orgA }]) {
        await asApp(settings, async () => {
          expect((await app.query(`SELECT count(*)::int AS n FROM pending_signups`)).rows[0].n).toBe(0);
          expect(
            (await app.query(`SELECT count(*)::int AS n FROM outbox WHERE organization_id IS NULL`)).rows[0].n,
          ).toBe(0);
          expect((await app.query(`UPDATE pending_signups SET used_at = now()`)).rowCount).toBe(0);
          expect((await app.query(`UPDATE outbox SET attempts = 9 WHERE id = $1`, [outboxId])).rowCount).toBe(0);
        });
        for (const insert of refusedInserts)
          await asApp(settings, () => expect(app.query(insert)).rejects.toThrow(/row-level security/));
      }
      await asApp({ crossTenant: true }, async () => {
        expect(
          (await app.query(`SELECT count(*)::int AS n FROM pending_signups WHERE token_hash = $1`, [token])).rows[0].n,
        ).toBe(1);
        expect((await app.query(`SELECT count(*)::int AS n FROM outbox WHERE id = $1`, [outboxId])).rows[0].n).toBe(1);
      });
    });

    it('only a verification email may lack an organization', async () => {
      await expect(
        owner.query(
          `INSERT INTO outbox (organization_id, event, channel, recipient_email, payload)
           VALUES (NULL, 'auth.password_reset', 'email', 'x@example.test', '{}'::jsonb)`,
        ),
      ).rejects.toThrow(/outbox_organization_check/);
      await expect(
        owner.query(
          `INSERT INTO outbox (organization_id, event, channel, recipient_email, payload)
           VALUES ($1, 'auth.signup_verify', 'email', 'x@example.test', '{}'::jsonb)`,
          [orgA],
        ),
      ).rejects.toThrow(/outbox_organization_check/);
    });
  });

  describe('Db on a pool of one connection', () => {
    let pooled: DataSource;
    let db: Db;
    const setting = async (): Promise<{ organization: string | null; crossTenant: string | null }> => {
      // A plain statement on the one pooled connection, outside Db: what the next user of that connection would inherit.
      const [row]: Array<{ organization: string | null; cross: string | null }> = await pooled.query(
        `SELECT current_setting('app.organization_id', true) AS organization, current_setting('app.cross_tenant', true) AS cross`,
      );
      return { organization: row.organization || null, crossTenant: row.cross === 'on' ? 'on' : null };
    };

    beforeAll(async () => {
      pooled = await createDataSource({ url: appDatabaseUrl({ ownerUrl }), poolSize: 1 }).initialize();
      db = new Db(pooled);
    });
    afterAll(async () => {
      await pooled.destroy();
    });

    it('a transaction for A sees A only, and the next user of the connection inherits no tenant', async () => {
      const seen = await runForOrganization(orgA, () =>
        db.transaction(async (tx) => {
          const [row]: Array<{ org: string }> = await tx.query(
            `SELECT current_setting('app.organization_id', true) AS org`,
          );
          const clients: Array<{ name: string }> = await tx.query(
            `SELECT name FROM clients WHERE organization_id IN ($1, $2)`,
            [orgA, orgB],
          );
          return { org: row.org, clients: clients.map((c) => c.name) };
        }),
      );
      expect(seen).toEqual({ org: orgA, clients: ['A client'] });
      expect(await setting()).toEqual({ organization: null, crossTenant: null });
    });

    it('a failed transaction leaves no tenant behind either', async () => {
      await expect(
        runForOrganization(orgA, () =>
          db.transaction(async (tx) => {
            await tx.query(`SELECT 1`);
            throw new Error('boom');
          }),
        ),
      ).rejects.toThrow('boom');
      expect(await setting()).toEqual({ organization: null, crossTenant: null });
    });

    it('reads outside a transaction carry the tenant of their scope, one after the other on the same connection', async () => {
      const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);
      const sql = `SELECT name FROM clients WHERE organization_id IN ($1, $2) ORDER BY name`;
      expect(names(await runForOrganization(orgA, () => db.reader.query(sql, [orgA, orgB])))).toEqual(['A client']);
      expect(names(await runForOrganization(orgB, () => db.reader.query(sql, [orgA, orgB])))).toEqual(['B client']);
      expect(names(await runAsSystem('health', () => db.reader.query(sql, [orgA, orgB])))).toEqual([
        'A client',
        'B client',
      ]);
      expect(await setting()).toEqual({ organization: null, crossTenant: null });
    });

    it('a statement outside a transaction has committed when it returns, and its next user sees no tenant', async () => {
      await runForOrganization(orgA, () =>
        db.reader.query(`UPDATE clients SET industry = 'Committed' WHERE organization_id = $1`, [orgA]),
      );
      // Another connection (the owner's) sees the write at once: the COMMIT was awaited, not left in flight.
      const [row]: Array<{ industry: string | null }> = await owner.query(
        `SELECT industry FROM clients WHERE organization_id = $1`,
        [orgA],
      );
      expect(row.industry).toBe('Committed');
      expect(await setting()).toEqual({ organization: null, crossTenant: null });
    });

    it('work outside any scope is refused before it reaches PostgreSQL', async () => {
      await expect(db.reader.query(`SELECT 1`)).rejects.toThrow(MissingTenantScope);
      await expect(db.transaction(async (tx) => tx.query(`SELECT 1`))).rejects.toThrow(MissingTenantScope);
    });

    it('a scope only narrows: no other organization and no system work inside an organization', async () => {
      await expect(runForOrganization(orgA, () => db.forOrganization(orgB, async () => undefined))).rejects.toThrow(
        /inside organization/,
      );
      await expect(runForOrganization(orgA, () => db.asSystem('health', async () => undefined))).rejects.toThrow(
        /inside organization/,
      );
      await expect(
        runAsSystem('drift-scan-fan-out', () =>
          db.forOrganization(orgA, () =>
            db.reader.query(`SELECT count(*)::int AS n FROM clients WHERE organization_id = $1`, [orgB]),
          ),
        ),
      ).resolves.toEqual([{ n: 0 }]);
      expect(() => runForOrganization("x' OR true --", () => undefined)).toThrow(/Not an organization id/);
    });
  });
});
