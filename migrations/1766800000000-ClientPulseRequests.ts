import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * The monthly client pulse email (issue 18): one row per client viewer, engagement and month (the recipient's
 * calendar month) the question was sent, with its outbox row. The unique key is the guarantee that the monthly
 * question never goes out twice in one month, whatever the number of dispatches.
 */
export class ClientPulseRequests1766800000000 implements MigrationInterface {
  name = 'ClientPulseRequests1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_pulse_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        outbox_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, engagement_id, user_id, month),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON client_pulse_requests TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE client_pulse_requests ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON client_pulse_requests USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(
      `CREATE POLICY cross_tenant_system ON client_pulse_requests USING (${SYSTEM}) WITH CHECK (${SYSTEM})`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_pulse_requests`);
  }
}
