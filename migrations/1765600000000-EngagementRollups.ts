import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000000-RowLevelSecurity';

const TENANT = `organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)`;
const SYSTEM = `(SELECT current_setting('app.cross_tenant', true) = 'on')`;

/** The latest drift score of the engagement whose organization_id and id are `alias`.organization_id / .id. */
const driftScore = (alias: string, id = 'id') =>
  `SELECT s.score FROM drift_snapshots s WHERE s.organization_id = ${alias}.organization_id AND s.engagement_id = ${alias}.${id}
    ORDER BY s.snapshot_date DESC LIMIT 1`;
/** The latest snapshot of each of the latest ten ISO weeks holding one, oldest first. */
const driftTrend = (alias: string, id = 'id') =>
  `SELECT coalesce(json_agg(json_build_object('date', to_char(w.snapshot_date, 'YYYY-MM-DD'), 'score', w.score) ORDER BY w.snapshot_date), '[]')
     FROM (SELECT DISTINCT ON (date_trunc('week', s.snapshot_date)) s.snapshot_date, s.score
             FROM drift_snapshots s WHERE s.organization_id = ${alias}.organization_id AND s.engagement_id = ${alias}.${id}
            ORDER BY date_trunc('week', s.snapshot_date) DESC, s.snapshot_date DESC LIMIT 10) w`;
/** Open (not resolved) alerts counted by rule and severity. */
const openAlerts = (alias: string, id = 'id') =>
  `SELECT coalesce(json_agg(json_build_object('rule', a.rule, 'severity', a.severity, 'n', a.n) ORDER BY a.rule, a.severity), '[]')
     FROM (SELECT a.rule, a.severity, count(*) AS n FROM drift_alerts a
            WHERE a.organization_id = ${alias}.organization_id AND a.engagement_id = ${alias}.${id} AND a.status <> 'resolved'
            GROUP BY a.rule, a.severity) a`;
const LOCK = `PERFORM 1 FROM engagement_rollups r WHERE r.engagement_id = ANY(ids) ORDER BY r.engagement_id FOR UPDATE;`;

/** The sort keys of GET /portfolio, each indexed as (organization_id, key, engagement_id) both ways, NULLS LAST. */
const SORT_KEYS = ['client_sort', 'start_date', 'next_due', 'drift_score'];

/**
 * Maintained read model of the portfolio (issue 16): one `engagement_rollups` row per engagement holding what the
 * portfolio shows and sorts by, so `GET /portfolio` is an index range scan on (organization_id, sort key).
 *
 * The rows hold only date-independent inputs; the read applies today: each priority's progress inputs, its open
 * milestones' due dates (overdue = those before today), latest reported RAG and check-in, next milestone; the
 * engagement's next due date, latest drift score, the latest ten weekly drift points (the read keeps those in its
 * 56-day window) and open alerts counted by rule and severity (the read drops the rules the caller's role may not
 * see). Nothing in a row goes stale with the date, so no job has to refresh them at midnight.
 *
 * `refresh_engagement_rollups(ids)` recomputes the given engagements set-based (one INSERT … SELECT … ON CONFLICT DO
 * UPDATE, after locking the existing rows so that two concurrent writes to one engagement cannot commit a rollup
 * computed without the other's change). Statement-level triggers with transition tables call it once per write
 * statement, whatever the number of rows, in the writer's transaction, for every table a rollup reads: engagements,
 * clients (the name is a sort key), priorities, milestones, check-ins, drift alerts and snapshots. So every write
 * path (API, drift scan, demo and scale seeds, imports, playbook applies, plain SQL) keeps them current without
 * having to remember to. The repository calls the same function (`EngagementRollupsRepository.refresh`). Drift
 * alerts and snapshots, which the scan writes for a whole organization at once, refresh only their own columns
 * (`refresh_engagement_rollup_alerts`, `refresh_engagement_rollup_drift`), not the priorities and milestones.
 *
 * A new column of the rollup (the engagement's renewal date, for instance): add it to the table, to the INSERT list
 * and the SELECT of `refresh_engagement_rollups` (CREATE OR REPLACE in the new migration), and, if it comes from a
 * new table, a trigger on that table like the ones below.
 */
export class EngagementRollups1765600000000 implements MigrationInterface {
  name = 'EngagementRollups1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE engagement_rollups (
        organization_id uuid NOT NULL,
        engagement_id uuid NOT NULL,
        client_id uuid NOT NULL,
        executive_id uuid NOT NULL,
        function text NOT NULL,
        status text NOT NULL,
        start_date date NOT NULL,
        client_sort text NOT NULL,
        next_due date,
        drift_score smallint,
        drift_trend json NOT NULL,
        open_alerts json NOT NULL,
        priorities json NOT NULL,
        refreshed_at timestamptz NOT NULL,
        PRIMARY KEY (engagement_id),
        FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id) ON DELETE CASCADE
      ) WITH (fillfactor = 80)`);
    for (const key of SORT_KEYS) {
      await q.query(
        `CREATE INDEX engagement_rollups_${key}_asc ON engagement_rollups (organization_id, ${key} ASC NULLS LAST, engagement_id)`,
      );
      await q.query(
        `CREATE INDEX engagement_rollups_${key}_desc ON engagement_rollups (organization_id, ${key} DESC NULLS LAST, engagement_id)`,
      );
    }
    await q.query(`CREATE INDEX engagement_rollups_client_idx ON engagement_rollups (organization_id, client_id)`);
    await q.query(
      `CREATE INDEX engagement_rollups_executive_idx ON engagement_rollups (organization_id, executive_id)`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON engagement_rollups TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE engagement_rollups ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON engagement_rollups USING (${TENANT}) WITH CHECK (${TENANT})`);
    await q.query(`CREATE POLICY cross_tenant_system ON engagement_rollups USING (${SYSTEM}) WITH CHECK (${SYSTEM})`);

    await q.query(`
      CREATE FUNCTION refresh_engagement_rollups(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        -- Wait for a concurrent writer of the same engagements; the INSERT below then reads with a fresh snapshot.
        ${LOCK}
        INSERT INTO engagement_rollups AS r (organization_id, engagement_id, client_id, executive_id, function, status, start_date,
                                             client_sort, next_due, drift_score, drift_trend, open_alerts, priorities, refreshed_at)
        SELECT e.organization_id, e.id, e.client_id, e.executive_id, e.function, e.status, e.start_date, lower(c.name),
               pa.next_due, (${driftScore('e')}), (${driftTrend('e')}), (${openAlerts('e')}), coalesce(pa.priorities, '[]'), now()
          FROM engagements e
          JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
          LEFT JOIN LATERAL (
            SELECT min(p.next_due) AS next_due,
                   json_agg(json_build_object(
                     'id', p.id, 'title', p.title, 'status', p.status, 'start_date', to_char(p.start_date, 'YYYY-MM-DD'), 'target_date', to_char(p.target_date, 'YYYY-MM-DD'),
                     'total_weight', p.total_weight, 'done_weight', p.done_weight, 'open_due', p.open_due,
                     'latest_rag', p.latest_rag, 'latest_check_in_at', p.latest_check_in_at,
                     'next_id', p.next_id, 'next_title', p.next_title, 'next_due', to_char(p.next_due, 'YYYY-MM-DD')) ORDER BY p.id) AS priorities
              FROM (
                SELECT pr.id, pr.title, pr.status, pr.start_date, pr.target_date,
                       coalesce(agg.total_weight, 0) AS total_weight, coalesce(agg.done_weight, 0) AS done_weight, coalesce(agg.open_due, '{}') AS open_due,
                       ci.rag AS latest_rag, ci.created_at AS latest_check_in_at, nm.id AS next_id, nm.title AS next_title, nm.due_date AS next_due
                  FROM priorities pr
                  LEFT JOIN LATERAL (
                    SELECT sum(m.weight) FILTER (WHERE m.status <> 'cancelled') AS total_weight,
                           sum(m.weight) FILTER (WHERE m.status = 'done') AS done_weight,
                           array_agg(to_char(m.due_date, 'YYYY-MM-DD') ORDER BY m.due_date) FILTER (WHERE m.status IN ('planned','in_progress')) AS open_due
                      FROM milestones m WHERE m.organization_id = pr.organization_id AND m.priority_id = pr.id) agg ON true
                  LEFT JOIN LATERAL (
                    SELECT x.rag, x.created_at FROM check_ins x WHERE x.organization_id = pr.organization_id AND x.priority_id = pr.id
                     ORDER BY x.created_at DESC LIMIT 1) ci ON true
                  LEFT JOIN LATERAL (
                    SELECT m.id, m.title, m.due_date FROM milestones m
                     WHERE m.organization_id = pr.organization_id AND m.priority_id = pr.id AND m.status IN ('planned','in_progress')
                     ORDER BY m.due_date, m.id LIMIT 1) nm ON true
                 WHERE pr.organization_id = e.organization_id AND pr.engagement_id = e.id) p) pa ON true
         WHERE e.id = ANY(ids)
        ON CONFLICT (engagement_id) DO UPDATE SET
          client_id = EXCLUDED.client_id, executive_id = EXCLUDED.executive_id, function = EXCLUDED.function, status = EXCLUDED.status,
          start_date = EXCLUDED.start_date, client_sort = EXCLUDED.client_sort, next_due = EXCLUDED.next_due,
          drift_score = EXCLUDED.drift_score, drift_trend = EXCLUDED.drift_trend, open_alerts = EXCLUDED.open_alerts,
          priorities = EXCLUDED.priorities, refreshed_at = EXCLUDED.refreshed_at;
      END $fn$`);

    // What the drift scan writes (snapshots of every engagement, alerts) refreshes only its own columns: the
    // engagement's priorities and milestones are not read again.
    await q.query(`
      CREATE FUNCTION refresh_engagement_rollup_drift(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        ${LOCK}
        UPDATE engagement_rollups r SET drift_score = (${driftScore('r', 'engagement_id')}), drift_trend = (${driftTrend('r', 'engagement_id')}), refreshed_at = now()
         WHERE r.engagement_id = ANY(ids);
      END $fn$`);
    await q.query(`
      CREATE FUNCTION refresh_engagement_rollup_alerts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        ${LOCK}
        UPDATE engagement_rollups r SET open_alerts = (${openAlerts('r', 'engagement_id')}), refreshed_at = now()
         WHERE r.engagement_id = ANY(ids);
      END $fn$`);

    // One trigger function per way a table's rows lead to engagements. Each runs once per statement.
    const triggers: Array<{
      table: string;
      refresh?: string;
      ids: Record<'INSERT' | 'UPDATE' | 'DELETE', string | null>;
    }> = [
      {
        table: 'engagements',
        ids: { INSERT: `SELECT id FROM new_rows`, UPDATE: `SELECT id FROM new_rows`, DELETE: null },
      },
      {
        table: 'clients',
        ids: {
          INSERT: null,
          UPDATE: `SELECT e.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                     JOIN engagements e ON e.organization_id = n.organization_id AND e.client_id = n.id
                    WHERE n.name IS DISTINCT FROM o.name`,
          DELETE: null,
        },
      },
      {
        table: 'priorities',
        ids: {
          INSERT: `SELECT engagement_id FROM new_rows`,
          UPDATE: `SELECT engagement_id FROM new_rows UNION SELECT engagement_id FROM old_rows`,
          DELETE: `SELECT engagement_id FROM old_rows`,
        },
      },
      ...['milestones', 'check_ins'].map((table) => ({
        table,
        ids: {
          INSERT: `SELECT pr.engagement_id FROM priorities pr WHERE pr.id IN (SELECT priority_id FROM new_rows)`,
          UPDATE: `SELECT pr.engagement_id FROM priorities pr WHERE pr.id IN (SELECT priority_id FROM new_rows UNION SELECT priority_id FROM old_rows)`,
          DELETE: `SELECT pr.engagement_id FROM priorities pr WHERE pr.id IN (SELECT priority_id FROM old_rows)`,
        },
      })),
      {
        table: 'drift_alerts',
        refresh: 'refresh_engagement_rollup_alerts',
        ids: {
          INSERT: `SELECT engagement_id FROM new_rows WHERE status <> 'resolved'`,
          // The scan's refresh of last_seen_at and message changes nothing a rollup holds.
          UPDATE: `SELECT x.engagement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                     CROSS JOIN LATERAL (VALUES (n.engagement_id), (o.engagement_id)) x(engagement_id)
                    WHERE (n.status, n.severity, n.rule, n.engagement_id) IS DISTINCT FROM (o.status, o.severity, o.rule, o.engagement_id)`,
          DELETE: `SELECT engagement_id FROM old_rows WHERE status <> 'resolved'`,
        },
      },
      {
        table: 'drift_snapshots',
        refresh: 'refresh_engagement_rollup_drift',
        ids: {
          INSERT: `SELECT engagement_id FROM new_rows`,
          UPDATE: `SELECT n.engagement_id FROM new_rows n JOIN old_rows o
                       ON o.organization_id = n.organization_id AND o.engagement_id = n.engagement_id AND o.snapshot_date = n.snapshot_date
                    WHERE n.score IS DISTINCT FROM o.score
                   UNION SELECT engagement_id FROM new_rows n WHERE NOT EXISTS (
                     SELECT 1 FROM old_rows o WHERE o.organization_id = n.organization_id AND o.engagement_id = n.engagement_id AND o.snapshot_date = n.snapshot_date)
                   UNION SELECT engagement_id FROM old_rows o WHERE NOT EXISTS (
                     SELECT 1 FROM new_rows n WHERE o.organization_id = n.organization_id AND o.engagement_id = n.engagement_id AND o.snapshot_date = n.snapshot_date)`,
          DELETE: `SELECT engagement_id FROM old_rows`,
        },
      },
    ];
    // EXECUTE, not PERFORM: PL/pgSQL keeps one plan per statement without parameters, made for the transition tables
    // of the first statement of the session (often one row, so a nested loop); a scan's 12,000-row UPDATE then joined
    // old and new rows with that plan for tens of seconds. EXECUTE plans each statement with its own row counts.
    for (const { table, ids, refresh = 'refresh_engagement_rollups' } of triggers) {
      const branches = (['INSERT', 'UPDATE', 'DELETE'] as const)
        .filter((op) => ids[op])
        .map(
          (op) => `IF TG_OP = '${op}' THEN
            EXECUTE $q$SELECT ${refresh}(ARRAY(SELECT DISTINCT x.id FROM (${ids[op]}) AS x(id) WHERE x.id IS NOT NULL))$q$;
          END IF;`,
        )
        .join('\n');
      await q.query(`
        CREATE FUNCTION engagement_rollups_on_${table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          ${branches}
          RETURN NULL;
        END $fn$`);
      if (ids.INSERT)
        await q.query(`CREATE TRIGGER engagement_rollups_insert AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_rollups_on_${table}()`);
      if (ids.UPDATE)
        await q.query(`CREATE TRIGGER engagement_rollups_update AFTER UPDATE ON ${table}
          REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_rollups_on_${table}()`);
      if (ids.DELETE)
        await q.query(`CREATE TRIGGER engagement_rollups_delete AFTER DELETE ON ${table}
          REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_rollups_on_${table}()`);
    }

    // Backfill, as the owner (row-level security does not restrict it).
    await q.query(`SELECT refresh_engagement_rollups(ARRAY(SELECT id FROM engagements))`);
    await q.query(`ANALYZE engagement_rollups`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'engagements',
      'clients',
      'priorities',
      'milestones',
      'check_ins',
      'drift_alerts',
      'drift_snapshots',
    ]) {
      for (const op of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER IF EXISTS engagement_rollups_${op} ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS engagement_rollups_on_${table}()`);
    }
    for (const fn of [
      'refresh_engagement_rollups',
      'refresh_engagement_rollup_drift',
      'refresh_engagement_rollup_alerts',
    ])
      await q.query(`DROP FUNCTION IF EXISTS ${fn}(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS engagement_rollups`);
  }
}
