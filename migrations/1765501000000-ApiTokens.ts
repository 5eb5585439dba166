import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * Personal API tokens (issue 19, item 4): a user's own bearer credential for integrations, `read` or `write`,
 * stored as its SHA-256 only, with an expiry, a last-used time and a revocation time. A tenant table like every
 * other: row-level security with the same two policies; the hash is unique across organizations (a presented token
 * names no organization, so its owner is found by the hash alone, as the system).
 */
export class ApiTokens1765501000000 implements MigrationInterface {
  name = 'ApiTokens1765501000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        scope text NOT NULL CHECK (scope IN ('read','write')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (organization_id, user_id, created_at)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON api_tokens USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON api_tokens USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_tokens`);
  }
}
