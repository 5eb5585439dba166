import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { engagementScope } from '../access/access-scope';
import { visibleAlertRuleSql } from './alert-visibility';
import type { Actor } from '../shared/actor';
import { SqlParams } from '../shared/sql';
import type { ListAlertsQueryDto } from './alert.dto';

/** One engagement's drift score of the day, as the snapshot statement takes it. */
export interface SnapshotRecord {
  engagement_id: string;
  score: number;
  details: { priorityScores: number[] };
}

export interface AlertEventRow {
  kind: string;
  severity: string;
  actor_id: string | null;
  note: string | null;
  created_at: Date;
}

const SELECT_ALERT_VIEW = `SELECT a.id, a.rule, a.subject_type, a.subject_id, a.engagement_id, e.client_id, c.name AS client_name, e.function AS engagement_function, a.severity, a.status,
  a.message, a.details, a.first_seen_at, a.last_seen_at, a.acknowledged_at, a.resolved_at, a.resolution_note`;
const FROM_ALERT_VIEW = `FROM drift_alerts a
  LEFT JOIN engagements e ON e.organization_id = a.organization_id AND e.id = a.engagement_id
  LEFT JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id`;

/**
 * The drift scan's bookkeeping (its lock, today's snapshots, the organizations to scan) and the alerts as people
 * see and change them. Each method is one statement. The scan's facts and alert writes are in DriftFactsRepository
 * and DriftAlertWriter.
 */
@Injectable()
export class DriftRepository {
  /** Scans of one organization take turns: this transaction-level lock is held until commit or rollback. */
  async lockScan(tx: Queryable, organizationId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('drift-scan:' || $1))`, [organizationId]);
  }

  /**
   * The scan's aggregates and its per-recipient grouping sort a few hundred thousand rows on a large
   * organization: room to do that in memory for this transaction only, instead of spilling to disk.
   */
  async widenWorkMemForTransaction(tx: Queryable): Promise<void> {
    await tx.query(`SET LOCAL work_mem = '64MB'`);
  }

  /** Today's score per engagement with its open alerts counted (re-written by every scan of the day: the last one stands). */
  async writeSnapshots(
    tx: Queryable,
    organizationId: string,
    today: string,
    records: readonly SnapshotRecord[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score, open_alerts, details)
       SELECT $1, x.engagement_id, $2::date, x.score,
              (SELECT count(*) FROM drift_alerts a WHERE a.organization_id = $1 AND a.engagement_id = x.engagement_id AND a.status <> 'resolved'),
              x.details
         FROM jsonb_to_recordset($3::jsonb) AS x(engagement_id uuid, score int, details jsonb)
       ON CONFLICT (organization_id, engagement_id, snapshot_date)
       DO UPDATE SET score = EXCLUDED.score, open_alerts = EXCLUDED.open_alerts, details = EXCLUDED.details, created_at = now()`,
      [organizationId, today, JSON.stringify(records)],
    );
  }

  async markScanned(tx: Queryable, organizationId: string, now: Date): Promise<void> {
    await tx.query(`UPDATE organizations SET last_drift_scan_at = $2 WHERE id = $1`, [organizationId, now]);
  }

  /** Every organization (run as the system: the scheduled scan fans out one job per tenant). */
  async organizationIds(tx: Queryable): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(`SELECT id FROM organizations ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /** Outbox rows of every organization still pending some time after they were written (run as the system). */
  async stalledOutboxIds(tx: Queryable, now: Date, olderThanSeconds: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM outbox WHERE status = 'pending' AND created_at < $1::timestamptz - make_interval(secs => $2) ORDER BY created_at LIMIT 5000`,
      [now.toISOString(), olderThanSeconds],
    );
    return rows.map((r) => r.id);
  }

  /** One page of the alerts in the caller's reach, most severe first, each row with the page's total. */
  async listAlerts(tx: Queryable, actor: Actor, query: ListAlertsQueryDto): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    const filter = alertFilter(actor, query, p);
    return tx.query(
      `${SELECT_ALERT_VIEW}, count(*) OVER () AS total ${filter}
        ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.last_seen_at ${query.order === 'asc' ? 'ASC' : 'DESC'}, a.id
        LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p.values,
    );
  }

  /** How many alerts the list's filter matches (needed only for a page past the end). */
  async countAlerts(tx: Queryable, actor: Actor, query: ListAlertsQueryDto): Promise<number> {
    const p = new SqlParams();
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${alertFilter(actor, query, p)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }

  async findAlert(tx: Queryable, actor: Actor, id: string): Promise<Record<string, unknown> | undefined> {
    const p = new SqlParams();
    const rows: Array<Record<string, unknown>> = await tx.query(
      `${SELECT_ALERT_VIEW} ${FROM_ALERT_VIEW} WHERE a.id = ${p.add(id)} AND ${alertScope(actor, p)}`,
      p.values,
    );
    return rows[0];
  }

  /** The alerts among `ids` in the caller's reach (the others: missing or out of reach, alike). */
  async findAlerts(tx: Queryable, actor: Actor, ids: readonly string[]): Promise<Array<Record<string, unknown>>> {
    const p = new SqlParams();
    return tx.query(
      `${SELECT_ALERT_VIEW} ${FROM_ALERT_VIEW} WHERE a.id = ANY(${p.add(ids)}::uuid[]) AND ${alertScope(actor, p)}
        ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.last_seen_at DESC, a.id`,
      p.values,
    );
  }

  /** Locks the alerts (in id order, so two bulk actions never deadlock) and answers their state. */
  async lockAlertStates(
    tx: Queryable,
    organizationId: string,
    ids: readonly string[],
  ): Promise<Array<{ id: string; status: string; severity: string }>> {
    return tx.query(
      `SELECT id, status, severity FROM drift_alerts WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [organizationId, ids],
    );
  }

  /** One statement for many alerts: acknowledged or resolved, with one history event each. */
  async transitionAlerts(
    tx: Queryable,
    organizationId: string,
    alerts: ReadonlyArray<{ id: string; severity: string }>,
    change: { to: 'acknowledged' | 'resolved'; now: Date; userId: string; note: string | null },
  ): Promise<void> {
    const ids = alerts.map((a) => a.id);
    await tx.query(
      change.to === 'acknowledged'
        ? `UPDATE drift_alerts SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $4 WHERE organization_id = $1 AND id = ANY($2::uuid[])`
        : `UPDATE drift_alerts SET status = 'resolved', resolved_at = $3, resolved_by = $4, resolution_note = $5 WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      change.to === 'acknowledged'
        ? [organizationId, ids, change.now, change.userId]
        : [organizationId, ids, change.now, change.userId, change.note],
    );
    await tx.query(
      `INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity, actor_id, note)
       SELECT $1, x.id, $3, x.severity, $4, $5 FROM unnest($2::uuid[], $6::text[]) AS x(id, severity)`,
      [organizationId, ids, change.to, change.userId, change.note, alerts.map((a) => a.severity)],
    );
  }

  async alertEvents(tx: Queryable, organizationId: string, alertId: string): Promise<AlertEventRow[]> {
    return tx.query(
      `SELECT kind, severity, actor_id, note, created_at FROM drift_alert_events WHERE organization_id = $1 AND alert_id = $2 ORDER BY created_at, id`,
      [organizationId, alertId],
    );
  }

  async lockAlertState(
    tx: Queryable,
    organizationId: string,
    id: string,
  ): Promise<{ status: string; severity: string } | undefined> {
    const [alert]: Array<{ status: string; severity: string }> = await tx.query(
      `SELECT status, severity FROM drift_alerts WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, id],
    );
    return alert;
  }

  async acknowledgeAlert(tx: Queryable, organizationId: string, id: string, now: Date, userId: string): Promise<void> {
    await tx.query(
      `UPDATE drift_alerts SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $4 WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, now, userId],
    );
  }

  async resolveAlert(
    tx: Queryable,
    organizationId: string,
    id: string,
    now: Date,
    userId: string,
    note: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE drift_alerts SET status = 'resolved', resolved_at = $3, resolved_by = $4, resolution_note = $5 WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, now, userId, note],
    );
  }

  async recordAlertEvent(
    tx: Queryable,
    organizationId: string,
    alertId: string,
    event: { kind: string; severity: string; actorId: string; note: string | null },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity, actor_id, note) VALUES ($1, $2, $3, $4, $5, $6)`,
      [organizationId, alertId, event.kind, event.severity, event.actorId, event.note],
    );
  }
}

function alertFilter(actor: Actor, query: ListAlertsQueryDto, p: SqlParams): string {
  const where = [alertScope(actor, p)];
  if (query.status) where.push(`a.status = ${p.add(query.status)}`);
  if (query.severity) where.push(`a.severity = ${p.add(query.severity)}`);
  if (query.rule) where.push(`a.rule = ${p.add(query.rule)}`);
  if (query.engagementId) where.push(`a.engagement_id = ${p.add(query.engagementId)}`);
  if (query.clientId) where.push(`e.client_id = ${p.add(query.clientId)}`);
  return `${FROM_ALERT_VIEW} WHERE ${where.join(' AND ')}`;
}

/**
 * Reach follows the engagement (a client viewer sees alerts of their granted clients' engagements only); alerts
 * that span engagements (owner overload) are for admins and account managers; rules hidden from a role
 * (alert-visibility.ts) are left out.
 */
function alertScope(actor: Actor, p: SqlParams): string {
  const org = `a.organization_id = ${p.add(actor.organizationId)}`;
  if (actor.role === 'admin' || actor.role === 'account_manager') return org;
  return `${org} AND e.id IS NOT NULL AND ${engagementScope(actor, 'e', p)} AND ${visibleAlertRuleSql(actor.role, 'a', p)}`;
}
