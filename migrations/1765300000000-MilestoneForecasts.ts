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
  // added by 1765200000000-EngagementTerm, which runs before this one
  'engagement_term_ending',
  'renewal_at_risk',
];
const ruleCheck = (rules: string[]) => `CHECK (rule IN (${rules.map((r) => `'${r}'`).join(',')}))`;

/**
 * Landing-date forecasts (issue 20): one row per open milestone, rewritten by every drift scan of its organization
 * (P50, P80, the basis sentence, how many comparable milestones it came from). A tenant table like every other:
 * row-level security with the same two policies, the primary key starts with organization_id. The drift rule
 * `forecast_beyond_target` joins the alert rules' check.
 */
export class MilestoneForecasts1765300000000 implements MigrationInterface {
  name = 'MilestoneForecasts1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE milestone_forecasts (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        milestone_id uuid NOT NULL,
        p50_date date NOT NULL,
        p80_date date NOT NULL,
        sample_size integer NOT NULL CHECK (sample_size >= 0),
        basis text NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, milestone_id),
        CHECK (p80_date >= p50_date),
        FOREIGN KEY (organization_id, milestone_id) REFERENCES milestones (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON milestone_forecasts TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE milestone_forecasts ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON milestone_forecasts USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON milestone_forecasts USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);

    const constraint = await this.ruleConstraint(q);
    await q.query(`ALTER TABLE drift_alerts DROP CONSTRAINT "${constraint}"`);
    await q.query(
      `ALTER TABLE drift_alerts ADD CONSTRAINT drift_alerts_rule_check ${ruleCheck([...RULES_BEFORE, 'forecast_beyond_target'])}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM drift_alerts WHERE rule = 'forecast_beyond_target'`);
    const constraint = await this.ruleConstraint(q);
    await q.query(`ALTER TABLE drift_alerts DROP CONSTRAINT "${constraint}"`);
    await q.query(`ALTER TABLE drift_alerts ADD CONSTRAINT drift_alerts_rule_check ${ruleCheck(RULES_BEFORE)}`);
    await q.query(`DROP TABLE milestone_forecasts`);
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
