import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * Client pulse (issue 18): a client viewer's answer to "How satisfied are you with progress?" (1–5 and a comment),
 * per engagement; asked monthly and when a priority is achieved.
 */
export class ClientPulse1766210000000 implements MigrationInterface {
  name = 'ClientPulse1766210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_pulses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        reason text NOT NULL CHECK (reason IN ('monthly', 'priority_achieved')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX client_pulses_engagement_idx ON client_pulses (organization_id, engagement_id, created_at DESC)`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON client_pulses TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE client_pulses ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON client_pulses USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON client_pulses USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_pulses`);
  }
}
