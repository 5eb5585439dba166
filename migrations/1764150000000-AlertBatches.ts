import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scan that finds many alerts for one person sends them one `alerts.batch` message (outbox rows without
 * an alert_id). Makes a large scan's writes cheaper: a
 * foreign key that every alert event paid for twice goes, and last_seen_at leaves the status index.
 */
export class AlertBatches1764150000000 implements MigrationInterface {
  name = 'AlertBatches1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN ('alert.raised','alert.escalated','alerts.batch','webhook.disabled'))`,
    );
    // Implied by the event's (organization_id, alert_id) reference to its alert; checking it again costs
    // every one of a large scan's event rows a lookup.
    await q.query(`ALTER TABLE drift_alert_events DROP CONSTRAINT drift_alert_events_organization_id_fkey`);
    // Every scan stamps last_seen_at on every open alert: with it out of the index, those updates stay HOT
    // (no index writes). The alert list orders by severity rank in SQL anyway, so the index never sorted it.
    await q.query(`DROP INDEX drift_alerts_list_idx`);
    await q.query(`CREATE INDEX drift_alerts_status_idx ON drift_alerts (organization_id, status, severity)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX drift_alerts_status_idx`);
    await q.query(
      `CREATE INDEX drift_alerts_list_idx ON drift_alerts (organization_id, status, severity, last_seen_at DESC)`,
    );
    await q.query(
      `ALTER TABLE drift_alert_events ADD CONSTRAINT drift_alert_events_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE`,
    );
    await q.query(`DELETE FROM outbox WHERE event = 'alerts.batch'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN ('alert.raised','alert.escalated','webhook.disabled'))`,
    );
  }
}
