import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * One-click opt-out from alert emails (issue 14) for addresses without an account in the organization (a
 * client-side owner, an executive not yet invited). A user's opt-out is their notification preference instead,
 * which they can switch back on in their settings. Emails are stored lower case.
 */
export class AlertEmailOptOuts1766400000000 implements MigrationInterface {
  name = 'AlertEmailOptOuts1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_email_opt_outs (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, email)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON alert_email_opt_outs TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE alert_email_opt_outs ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON alert_email_opt_outs USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON alert_email_opt_outs USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_email_opt_outs`);
  }
}
