import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_BEFORE = `'alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly','auth.password_reset'`;
const SIGNUP_EVENTS = `'auth.signup_verify','auth.signup_existing'`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/**
 * Sign-up verifies the address before anything exists (issue 15, finding 4): the request stores a pending sign-up
 * and emails a single-use link; following it creates the organization and its first admin. A taken address gets an
 * email saying so instead, and the HTTP answer is the same either way.
 *
 * - `pending_signups` belongs to no organization yet, so row-level security lets only the named system task
 *   `signup` reach it (libs/database/src/tenant-scope.ts). Only the token's SHA-256 and the password's hash are kept.
 * - The verification email is an outbox row of no organization (`organization_id` NULL, only for
 *   `auth.signup_verify`): tenant policies never match it, the system policy does, so only the sign-up and its
 *   delivery (system task `signup-email-delivery`) see it. The "you already have an account" email belongs to
 *   the existing account's organization, like a password reset.
 */
export class SignupVerification1764800000000 implements MigrationInterface {
  name = 'SignupVerification1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        organization_name text NOT NULL,
        name text NOT NULL,
        timezone text,
        password_hash text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pending_signups_email_idx ON pending_signups (lower(email))`);
    await q.query(`ALTER TABLE pending_signups ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY cross_tenant_system ON pending_signups USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);

    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE},${SIGNUP_EVENTS}))`,
    );
    await q.query(`ALTER TABLE outbox ALTER COLUMN organization_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_organization_check CHECK ((organization_id IS NULL) = (event = 'auth.signup_verify'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE event IN (${SIGNUP_EVENTS})`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_organization_check`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN organization_id SET NOT NULL`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
    await q.query(`DROP TABLE pending_signups`);
  }
}
