import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES = [
  'milestone_overdue',
  'milestone_forecast_slip',
  'milestone_replanned',
  'priority_behind_plan',
  'priority_stalled',
  'confidence_falling',
  'focus_overload',
  'owner_overload',
  'owner_missing',
  'allocation_mismatch',
];
const NEW_RULES = ['engagement_term_ending', 'renewal_at_risk'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * Engagement term and renewal (issue 17): the end of the current term, the renewal date, the notice period in days
 * and the auto-renew flag; two more statuses (`renewing`, `ended`; `completed` and `cancelled` stay, as the two
 * older kinds of ended); and the two drift rules that watch them. Existing engagements get no term (nulls, notice
 * 0, no auto-renew): nothing is invented about contracts nobody recorded.
 */
export class EngagementTerm1765200000000 implements MigrationInterface {
  name = 'EngagementTerm1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE engagements
        ADD COLUMN term_end_date date,
        ADD COLUMN renewal_date date,
        ADD COLUMN notice_period_days integer NOT NULL DEFAULT 0 CHECK (notice_period_days BETWEEN 0 AND 365),
        ADD COLUMN auto_renew boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE engagements DROP CONSTRAINT engagements_status_check`);
    await q.query(
      `ALTER TABLE engagements ADD CONSTRAINT engagements_status_check CHECK (status IN ('proposed','active','paused','renewing','ended','completed','cancelled'))`,
    );
    await q.query(
      `CREATE INDEX engagements_renewal_idx ON engagements (organization_id, renewal_date) WHERE renewal_date IS NOT NULL`,
    );
    await q.query(`ALTER TABLE drift_alerts DROP CONSTRAINT drift_alerts_rule_check`);
    await q.query(
      `ALTER TABLE drift_alerts ADD CONSTRAINT drift_alerts_rule_check CHECK (rule IN (${list([...RULES, ...NEW_RULES])}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM drift_alerts WHERE rule IN (${list(NEW_RULES)})`);
    await q.query(`ALTER TABLE drift_alerts DROP CONSTRAINT drift_alerts_rule_check`);
    await q.query(`ALTER TABLE drift_alerts ADD CONSTRAINT drift_alerts_rule_check CHECK (rule IN (${list(RULES)}))`);
    await q.query(`DROP INDEX engagements_renewal_idx`);
    await q.query(`UPDATE engagements SET status = 'completed' WHERE status = 'ended'`);
    await q.query(`UPDATE engagements SET status = 'active' WHERE status = 'renewing'`);
    await q.query(`ALTER TABLE engagements DROP CONSTRAINT engagements_status_check`);
    await q.query(
      `ALTER TABLE engagements ADD CONSTRAINT engagements_status_check CHECK (status IN ('proposed','active','paused','completed','cancelled'))`,
    );
    await q.query(
      `ALTER TABLE engagements DROP COLUMN term_end_date, DROP COLUMN renewal_date, DROP COLUMN notice_period_days, DROP COLUMN auto_renew`,
    );
  }
}
