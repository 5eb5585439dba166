import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly digests (DESIGN.md §5). Exactly one scheduled digest per (user, ISO week) is the partial unique
 * index `digests_one_per_week`, claimed in the transaction that writes the digest's outbox row; an admin's
 * forced re-send is the only row allowed beside it, and `request_key` (one per compose request) keeps a retried
 * forced request from sending twice. Preferences are sparse: a NULL column follows the
 * organization's default (organizations.settings.digest*), then the product default (Monday 08:00).
 */
export class Digests1764200000000 implements MigrationInterface {
  name = 'Digests1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        weekday smallint CHECK (weekday BETWEEN 1 AND 7),
        hour smallint CHECK (hour BETWEEN 0 AND 23),
        opted_out boolean,
        skip_when_empty boolean,
        kind text CHECK (kind IN ('portfolio','due_and_slipped')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX digest_preferences_organization_idx ON digest_preferences (organization_id)`);

    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN ('alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly'))`,
    );

    await q.query(`
      CREATE TABLE digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        iso_week text NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W[0-9]{2}$'),
        timezone text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('portfolio','your_engagement','due_and_slipped')),
        status text NOT NULL CHECK (status IN ('composed','skipped')),
        trigger text NOT NULL CHECK (trigger IN ('schedule','send_now')),
        forced boolean NOT NULL DEFAULT false,
        subject text,
        engagement_count integer NOT NULL DEFAULT 0,
        outbox_id uuid REFERENCES outbox(id) ON DELETE SET NULL,
        request_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'composed') = (subject IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX digests_one_per_week ON digests (user_id, iso_week) WHERE NOT forced`);
    await q.query(`CREATE INDEX digests_organization_idx ON digests (organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX digests_outbox_idx ON digests (outbox_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS digests`);
    await q.query(`DELETE FROM outbox WHERE event = 'digest.weekly'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN ('alert.raised','alert.escalated','alerts.batch','webhook.disabled'))`,
    );
    await q.query(`DROP TABLE IF EXISTS digest_preferences`);
  }
}
