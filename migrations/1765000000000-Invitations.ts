import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;
const EVENTS_BEFORE = `'alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly','auth.password_reset','auth.signup_verify','auth.signup_existing'`;

/**
 * Invitations (issue 18, item 2): the only way the dashboard creates a user. An admin (or an account manager, for
 * the clients they manage) invites an address with a role and client grants; the emailed single-use link (only its
 * SHA-256 is kept, valid 7 days, renewed by a resend, ended by a revoke) opens a page where the invitee sets a
 * password and is signed in. A tenant table with the two usual policies; following a link finds its organization
 * as the named system task `invitation` (libs/database/src/tenant-scope.ts), like a password reset.
 */
export class Invitations1765000000000 implements MigrationInterface {
  name = 'Invitations1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text,
        role text NOT NULL CHECK (role IN ('admin','account_manager','executive','client_viewer')),
        client_ids uuid[] NOT NULL DEFAULT '{}',
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        sent_count integer NOT NULL DEFAULT 1,
        last_sent_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )`);
    // At most one open invitation per address in an organization (an expired one is revoked by the next invite).
    await q.query(
      `CREATE UNIQUE INDEX invitations_open_email_idx ON invitations (organization_id, lower(email))
       WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
    await q.query(`CREATE INDEX invitations_organization_idx ON invitations (organization_id, created_at DESC)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE invitations ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON invitations USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON invitations USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);

    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE},'invitation.sent'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE event = 'invitation.sent'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
    await q.query(`DROP TABLE invitations`);
  }
}
