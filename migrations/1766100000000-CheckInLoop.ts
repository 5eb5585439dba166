import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

const RULES_BEFORE = [
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
  'engagement_term_ending',
  'renewal_at_risk',
  'forecast_beyond_target',
];
const ruleCheck = (rules: string[]) => `CHECK (rule IN (${rules.map((r) => `'${r}'`).join(',')}))`;
const EVENTS_BEFORE = `'alert.raised','alert.escalated','alerts.batch','webhook.disabled','digest.weekly','auth.password_reset','auth.signup_verify','auth.signup_existing','invitation.sent'`;

/**
 * The weekly check-in loop (issue 18, item 3). An engagement's cadence (weekly, or off); one due check-in per active
 * priority per ISO week (`check_in_dues`, written by the reminder dispatcher); one single-use link per due and
 * recipient (`check_in_links`, the token stored only as its SHA-256); check-in blockers gain the "needs the client's
 * action" flag; the drift rule `check_in_missed` and the outbox event `check_in.reminder`.
 */
export class CheckInLoop1766100000000 implements MigrationInterface {
  name = 'CheckInLoop1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE engagements ADD COLUMN check_in_cadence text NOT NULL DEFAULT 'weekly' CHECK (check_in_cadence IN ('weekly','off'))`,
    );
    await q.query(`ALTER TABLE check_ins ADD COLUMN blockers_need_client_action boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE check_in_dues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        priority_id uuid NOT NULL,
        engagement_id uuid NOT NULL,
        iso_week text NOT NULL,
        week_start date NOT NULL,
        due_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        UNIQUE (organization_id, priority_id, iso_week),
        CHECK (due_on >= week_start AND due_on < week_start + 7),
        FOREIGN KEY (organization_id, priority_id) REFERENCES priorities (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX check_in_dues_due_idx ON check_in_dues (organization_id, due_on)`);
    await q.query(`
      CREATE TABLE check_in_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        due_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        check_in_id uuid REFERENCES check_ins(id) ON DELETE SET NULL,
        outbox_id uuid REFERENCES outbox(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        UNIQUE (organization_id, due_id, user_id),
        FOREIGN KEY (organization_id, due_id) REFERENCES check_in_dues (organization_id, id) ON DELETE CASCADE
      )`);
    for (const table of ['check_in_dues', 'check_in_links']) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT})`);
      await q.query(`CREATE POLICY cross_tenant_system ON ${table} USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
    }

    const constraint = await this.ruleConstraint(q);
    await q.query(`ALTER TABLE drift_alerts DROP CONSTRAINT "${constraint}"`);
    await q.query(
      `ALTER TABLE drift_alerts ADD CONSTRAINT drift_alerts_rule_check ${ruleCheck([...RULES_BEFORE, 'check_in_missed'])}`,
    );
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE},'check_in.reminder'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE event = 'check_in.reminder'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
    await q.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
    await q.query(`DELETE FROM drift_alerts WHERE rule = 'check_in_missed'`);
    const constraint = await this.ruleConstraint(q);
    await q.query(`ALTER TABLE drift_alerts DROP CONSTRAINT "${constraint}"`);
    await q.query(`ALTER TABLE drift_alerts ADD CONSTRAINT drift_alerts_rule_check ${ruleCheck(RULES_BEFORE)}`);
    await q.query(`DROP TABLE check_in_links`);
    await q.query(`DROP TABLE check_in_dues`);
    await q.query(`ALTER TABLE check_ins DROP COLUMN blockers_need_client_action`);
    await q.query(`ALTER TABLE engagements DROP COLUMN check_in_cadence`);
  }

  /** The check on drift_alerts.rule, whatever its generated name. */
  private async ruleConstraint(q: QueryRunner): Promise<string> {
    const rows: Array<{ conname: string }> = await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'drift_alerts'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%rule%' AND pg_get_constraintdef(oid) LIKE '%milestone_overdue%'`,
    );
    if (rows.length !== 1) throw new Error(`expected one check on drift_alerts.rule, found ${rows.length}`);
    return rows[0]!.conname;
  }
}
