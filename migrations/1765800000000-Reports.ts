import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * Period reports (QBRs, issue 18): a frozen snapshot of an engagement over a period, and share links that open one
 * report without login. A link's token is stored only as its SHA-256; `revoked_at` and `expires_at` end it.
 */
export class Reports1765800000000 implements MigrationInterface {
  name = 'Reports1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        content jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK (period_end >= period_start),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX reports_engagement_idx ON reports (organization_id, engagement_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE report_share_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        report_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        view_count integer NOT NULL DEFAULT 0,
        last_viewed_at timestamptz,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, report_id) REFERENCES reports (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX report_share_links_report_idx ON report_share_links (organization_id, report_id)`);
    for (const table of ['reports', 'report_share_links']) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT})`);
      await q.query(`CREATE POLICY cross_tenant_system ON ${table} USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_share_links`);
    await q.query(`DROP TABLE reports`);
  }
}
