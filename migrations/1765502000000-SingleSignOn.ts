import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * OpenID Connect single sign-on per organization (issue 19, item 5). `organization_sso`: the IdP (issuer, client id,
 * the client secret encrypted with the SSO key), the allowed email domains and the role a new person gets.
 * `sso_domains`: which organization signs in each email domain (unique across organizations).
 * `sso_logins`: one row per started sign-in, found by the hash of its `state`, bound to the browser that started it
 * (the hash of a cookie), holding the nonce and the PKCE verifier until the callback uses it up (10 minutes).
 * Tenant tables like every other: row-level security with the same two policies.
 */
export class SingleSignOn1765502000000 implements MigrationInterface {
  name = 'SingleSignOn1765502000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_sso (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_encrypted text NOT NULL,
        allowed_domains text[] NOT NULL,
        default_role text NOT NULL CHECK (default_role IN ('admin','account_manager','executive','client_viewer')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One organization per email domain: the login page finds the IdP by the domain. The primary key holds across
    // organizations (row-level security hides the others' rows, not their keys), so a domain taken answers 409.
    await q.query(`
      CREATE TABLE sso_domains (
        domain text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX sso_domains_organization_idx ON sso_domains (organization_id)`);
    await q.query(`
      CREATE TABLE sso_logins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        state_hash text NOT NULL UNIQUE,
        browser_hash text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX sso_logins_expiry_idx ON sso_logins (organization_id, expires_at)`);
    for (const table of ['organization_sso', 'sso_domains', 'sso_logins']) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT})`);
      await q.query(`CREATE POLICY cross_tenant_system ON ${table} USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_logins`);
    await q.query(`DROP TABLE sso_domains`);
    await q.query(`DROP TABLE organization_sso`);
  }
}
