import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;
const EVENT = 'engagement.executive_changed';

/** The events the outbox accepts now, read from its CHECK constraint (other migrations add theirs the same way). */
async function outboxEvents(q: QueryRunner): Promise<string[]> {
  const [row]: Array<{ def: string }> = await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'outbox_event_check' AND conrelid = 'outbox'::regclass`,
  );
  return [...(row?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

async function setOutboxEvents(q: QueryRunner, events: string[]): Promise<void> {
  await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_check`);
  await q.query(
    `ALTER TABLE outbox ADD CONSTRAINT outbox_event_check CHECK (event IN (${events.map((e) => `'${e}'`).join(',')}))`,
  );
}

/**
 * Change of executive (issue 17, item 3): who replaces whom on an engagement, from which date and why, kept as
 * history like allocation changes. `applied_at` is set when the engagement's executive (and so access) moved: at
 * once for a change effective by today, else by the organization's scan on the effective date. `handover` is the
 * handover pack, frozen when the change is recorded. At most one change per engagement waits to be applied.
 */
export class ExecutiveChanges1766300000000 implements MigrationInterface {
  name = 'ExecutiveChanges1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE executive_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        engagement_id uuid NOT NULL,
        from_executive_id uuid NOT NULL,
        to_executive_id uuid NOT NULL,
        effective_date date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        handover jsonb NOT NULL,
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        applied_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK (from_executive_id <> to_executive_id),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, from_executive_id) REFERENCES executives (organization_id, id),
        FOREIGN KEY (organization_id, to_executive_id) REFERENCES executives (organization_id, id)
      )`);
    await q.query(
      `CREATE INDEX executive_changes_engagement_idx ON executive_changes (organization_id, engagement_id, effective_date)`,
    );
    // The scan's "changes due by today" and the one-pending-change rule.
    await q.query(
      `CREATE UNIQUE INDEX executive_changes_one_pending ON executive_changes (organization_id, engagement_id) WHERE applied_at IS NULL`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON executive_changes TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE executive_changes ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON executive_changes USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON executive_changes USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);
    const events = await outboxEvents(q);
    if (!events.includes(EVENT)) await setOutboxEvents(q, [...events, EVENT]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE event = '${EVENT}'`);
    await setOutboxEvents(
      q,
      (await outboxEvents(q)).filter((e) => e !== EVENT),
    );
    await q.query(`DROP TABLE executive_changes`);
  }
}
