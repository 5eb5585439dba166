import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drift alerts and their notifications. One open alert per (rule, subject) is guaranteed by a partial
 * unique index; the outbox row id is the idempotency key of a delivery.
 */
export class DriftAlerts1764100000000 implements MigrationInterface {
  name = 'DriftAlerts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations ADD COLUMN last_drift_scan_at timestamptz`);
    await q.query(`
      CREATE TABLE drift_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        rule text NOT NULL CHECK (rule IN ('milestone_overdue','milestone_forecast_slip','milestone_replanned','priority_behind_plan',
          'priority_stalled','confidence_falling','focus_overload','owner_overload','owner_missing','allocation_mismatch')),
        subject_type text NOT NULL CHECK (subject_type IN ('milestone','priority','engagement','owner')),
        subject_id uuid NOT NULL,
        engagement_id uuid,
        severity text NOT NULL CHECK (severity IN ('info','warning','critical')),
        status text NOT NULL CHECK (status IN ('open','acknowledged','resolved')),
        message text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolution_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX drift_alerts_one_open ON drift_alerts (organization_id, rule, subject_type, subject_id) WHERE status <> 'resolved'`,
    );
    await q.query(
      `CREATE INDEX drift_alerts_list_idx ON drift_alerts (organization_id, status, severity, last_seen_at DESC)`,
    );
    await q.query(`CREATE INDEX drift_alerts_engagement_idx ON drift_alerts (organization_id, engagement_id)`);

    await q.query(`
      CREATE TABLE drift_alert_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        alert_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('raised','escalated','acknowledged','resolved','auto_resolved','reopened')),
        severity text NOT NULL CHECK (severity IN ('info','warning','critical')),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, alert_id) REFERENCES drift_alerts (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX drift_alert_events_alert_idx ON drift_alert_events (organization_id, alert_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        url text NOT NULL,
        secret text NOT NULL,
        format text NOT NULL CHECK (format IN ('json','slack')),
        min_severity text NOT NULL DEFAULT 'info' CHECK (min_severity IN ('info','warning','critical')),
        enabled boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE INDEX webhooks_organization_idx ON webhooks (organization_id, enabled)`);

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email_enabled boolean NOT NULL DEFAULT true,
        min_severity text NOT NULL DEFAULT 'info' CHECK (min_severity IN ('info','warning','critical')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX notification_preferences_organization_idx ON notification_preferences (organization_id)`,
    );

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        alert_id uuid,
        event text NOT NULL CHECK (event IN ('alert.raised','alert.escalated','webhook.disabled')),
        channel text NOT NULL CHECK (channel IN ('email','webhook')),
        recipient_email text,
        recipient_name text,
        recipient_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        webhook_id uuid,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        failed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((channel = 'email') = (recipient_email IS NOT NULL)),
        CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL)),
        FOREIGN KEY (organization_id, alert_id) REFERENCES drift_alerts (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, webhook_id) REFERENCES webhooks (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX outbox_status_idx ON outbox (organization_id, status, created_at)`);
    await q.query(`CREATE INDEX outbox_alert_idx ON outbox (organization_id, alert_id)`);

    await q.query(`
      CREATE TABLE drift_snapshots (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        snapshot_date date NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        open_alerts integer NOT NULL DEFAULT 0,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, engagement_id, snapshot_date),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'drift_snapshots',
      'outbox',
      'notification_preferences',
      'webhooks',
      'drift_alert_events',
      'drift_alerts',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE organizations DROP COLUMN IF EXISTS last_drift_scan_at`);
  }
}
