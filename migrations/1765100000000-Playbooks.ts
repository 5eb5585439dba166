import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * Playbooks (issue 17, item 1): a proven plan the firm applies to engagements.
 *
 * - `playbooks`: the name that lasts across edits, the current version, archived or not.
 * - `playbook_versions`: one immutable row per edit; `plan` is the ordered priorities with their milestones (day
 *   offsets from the start), validated by the DTOs before it is written and never changed after.
 * - `playbook_applications`: which version was applied to which engagement, from which start date, by whom.
 * - `priorities.playbook_application_id`: the priorities an application created (effectiveness is measured on them).
 * Tenant tables like every other: the same two row-level security policies, composite foreign keys on the organization.
 */
export class Playbooks1765100000000 implements MigrationInterface {
  name = 'Playbooks1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE playbooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        current_version integer NOT NULL CHECK (current_version >= 1),
        archived_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`
      CREATE TABLE playbook_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        playbook_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        function text NOT NULL CHECK (function IN ('CRO','CMO','CPO','any')),
        description text,
        plan jsonb NOT NULL CHECK (jsonb_typeof(plan) = 'array'),
        source_engagement_id uuid,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        UNIQUE (organization_id, playbook_id, version),
        FOREIGN KEY (organization_id, playbook_id) REFERENCES playbooks (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, source_engagement_id) REFERENCES engagements (organization_id, id) ON DELETE SET NULL (source_engagement_id)
      )`);
    await q.query(`
      CREATE TABLE playbook_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        playbook_version_id uuid NOT NULL,
        start_date date NOT NULL,
        applied_by uuid REFERENCES users(id) ON DELETE SET NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, playbook_version_id) REFERENCES playbook_versions (organization_id, id)
      )`);
    await q.query(
      `CREATE INDEX playbook_applications_version_idx ON playbook_applications (organization_id, playbook_version_id)`,
    );
    await q.query(
      `CREATE INDEX playbook_applications_engagement_idx ON playbook_applications (organization_id, engagement_id)`,
    );
    await q.query(`ALTER TABLE priorities ADD COLUMN playbook_application_id uuid`);
    await q.query(
      `ALTER TABLE priorities ADD CONSTRAINT priorities_playbook_application_fk FOREIGN KEY (organization_id, playbook_application_id)
         REFERENCES playbook_applications (organization_id, id) ON DELETE SET NULL (playbook_application_id)`,
    );
    await q.query(
      `CREATE INDEX priorities_playbook_application_idx ON priorities (organization_id, playbook_application_id) WHERE playbook_application_id IS NOT NULL`,
    );
    for (const table of ['playbooks', 'playbook_versions', 'playbook_applications']) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT})`);
      await q.query(`CREATE POLICY cross_tenant_system ON ${table} USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX priorities_playbook_application_idx`);
    await q.query(`ALTER TABLE priorities DROP CONSTRAINT priorities_playbook_application_fk`);
    await q.query(`ALTER TABLE priorities DROP COLUMN playbook_application_id`);
    await q.query(`DROP TABLE playbook_applications`);
    await q.query(`DROP TABLE playbook_versions`);
    await q.query(`DROP TABLE playbooks`);
  }
}
