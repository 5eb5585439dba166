import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertPlan, OpenAlert } from './alert-reconcile';
import type { Detection } from './drift-types';

/**
 * The alert statements of one scan, inside its transaction. Every statement takes its rows as one JSON
 * parameter of at most WRITE_CHUNK rows (a parameter stays far below PostgreSQL's 256 MB jsonb limit and the
 * process never builds one huge string), writes the alert's history event in the same statement, and records
 * what people must be told in the transaction's `scan_notifications` table, from which the outbox is written.
 */
export const WRITE_CHUNK = 5000;

/** The priority a detection's subject belongs to: itself for a priority, its priority for a milestone, else null. */
export type PriorityOf = (detection: Detection) => string | null;

@Injectable()
export class DriftAlertWriter {
  /** The per-transaction table of raised and escalated alerts; dropped at commit or rollback. */
  async begin(tx: EntityManager): Promise<void> {
    await tx.query(
      `CREATE TEMP TABLE scan_notifications (alert_id uuid PRIMARY KEY, event text NOT NULL, severity text NOT NULL, priority_id uuid) ON COMMIT DROP`,
    );
  }

  async openAlerts(tx: EntityManager, organizationId: string): Promise<OpenAlert[]> {
    const rows: Array<Record<string, string>> = await tx.query(
      `SELECT id, rule, subject_type, subject_id, severity, status FROM drift_alerts WHERE organization_id = $1 AND status <> 'resolved' FOR UPDATE`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      rule: r.rule as OpenAlert['rule'],
      subjectType: r.subject_type as OpenAlert['subjectType'],
      subjectId: r.subject_id,
      severity: r.severity as OpenAlert['severity'],
      status: r.status as OpenAlert['status'],
    }));
  }

  /**
   * New alerts; a concurrent scan's alert for the same subject wins (the unique index), and this one is skipped.
   * `priorityOf` names the priority a detection's subject belongs to (null for engagements and owners), so the
   * outbox finds each priority's owner without looking every milestone up again.
   */
  async raise(
    tx: EntityManager,
    organizationId: string,
    detections: readonly Detection[],
    now: Date,
    priorityOf: PriorityOf,
  ): Promise<number> {
    let raised = 0;
    for (const chunk of chunks(detections)) {
      const [row]: Array<{ n: number }> = await tx.query(
        `WITH x AS MATERIALIZED (
           SELECT * FROM jsonb_to_recordset($3::jsonb)
             AS x(rule text, subject_type text, subject_id uuid, engagement_id uuid, priority_id uuid, severity text, message text, details jsonb)),
         ins AS (
           INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, details, first_seen_at, last_seen_at)
           SELECT $1, x.rule, x.subject_type, x.subject_id, x.engagement_id, x.severity, 'open', x.message, x.details, $2, $2 FROM x
           ON CONFLICT (organization_id, rule, subject_type, subject_id) WHERE status <> 'resolved' DO NOTHING
           RETURNING id, rule, subject_type, subject_id, severity),
         events AS (INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity) SELECT $1, id, 'raised', severity FROM ins),
         notify AS (
           INSERT INTO scan_notifications (alert_id, event, severity, priority_id)
           SELECT ins.id, 'alert.raised', ins.severity, x.priority_id
             FROM ins JOIN x ON x.rule = ins.rule AND x.subject_type = ins.subject_type AND x.subject_id = ins.subject_id)
         SELECT count(*)::int AS n FROM ins`,
        [organizationId, now, JSON.stringify(chunk.map((d) => ({ ...toRecord(d), priority_id: priorityOf(d) })))],
      );
      raised += row.n;
    }
    return raised;
  }

  /** Higher severity than before: escalate and re-open an acknowledged alert (acknowledging silences only until then). */
  async escalate(
    tx: EntityManager,
    organizationId: string,
    escalations: AlertPlan['escalate'],
    now: Date,
    priorityOf: PriorityOf,
  ): Promise<number> {
    let escalated = 0;
    for (const chunk of chunks(escalations)) {
      const [row]: Array<{ n: number }> = await tx.query(
        `WITH upd AS (
           UPDATE drift_alerts a SET severity = x.severity, status = 'open', message = x.message, details = x.details, last_seen_at = $2
             FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, severity text, message text, details jsonb, priority_id uuid)
            WHERE a.organization_id = $1 AND a.id = x.id AND a.status <> 'resolved'
           RETURNING a.id, a.severity, x.priority_id),
         events AS (INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity) SELECT $1, id, 'escalated', severity FROM upd),
         notify AS (INSERT INTO scan_notifications (alert_id, event, severity, priority_id) SELECT id, 'alert.escalated', severity, priority_id FROM upd)
         SELECT count(*)::int AS n FROM upd`,
        [
          organizationId,
          now,
          JSON.stringify(
            chunk.map(({ alert, detection }) => ({
              ...toRecord(detection),
              id: alert.id,
              priority_id: priorityOf(detection),
            })),
          ),
        ],
      );
      escalated += row.n;
    }
    return escalated;
  }

  /** Seen again at the same or a lower level: only rows whose message or details changed are rewritten. */
  async refresh(tx: EntityManager, organizationId: string, refreshes: AlertPlan['refresh'], now: Date): Promise<void> {
    for (const chunk of chunks(refreshes)) {
      await tx.query(
        `UPDATE drift_alerts a SET last_seen_at = $2, message = x.message, details = x.details
           FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, message text, details jsonb)
          WHERE a.organization_id = $1 AND a.id = x.id AND (a.message IS DISTINCT FROM x.message OR a.details IS DISTINCT FROM x.details)`,
        [
          organizationId,
          now,
          JSON.stringify(
            chunk.map(({ alert, detection }) => ({
              id: alert.id,
              message: detection.message,
              details: detection.details,
            })),
          ),
        ],
      );
    }
  }

  async resolve(tx: EntityManager, organizationId: string, alerts: readonly OpenAlert[], now: Date): Promise<number> {
    let resolved = 0;
    for (const chunk of chunks(alerts)) {
      const [row]: Array<{ n: number }> = await tx.query(
        `WITH upd AS (
           UPDATE drift_alerts SET status = 'resolved', resolved_at = $2, resolution_note = 'The condition cleared'
            WHERE organization_id = $1 AND id = ANY($3::uuid[]) AND status <> 'resolved' RETURNING id, severity),
         events AS (INSERT INTO drift_alert_events (organization_id, alert_id, kind, severity) SELECT $1, id, 'auto_resolved', severity FROM upd)
         SELECT count(*)::int AS n FROM upd`,
        [organizationId, now, chunk.map((a) => a.id)],
      );
      resolved += row.n;
    }
    return resolved;
  }

  /**
   * After resolving, every alert still open was detected by this scan: one statement marks them all seen now.
   * Rows already stamped by a raise, an escalation or a changed message are skipped.
   */
  async markSeen(tx: EntityManager, organizationId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE drift_alerts SET last_seen_at = $2 WHERE organization_id = $1 AND status <> 'resolved' AND last_seen_at < $2`,
      [organizationId, now],
    );
  }
}

function toRecord(d: Detection) {
  return {
    rule: d.rule,
    subject_type: d.subjectType,
    subject_id: d.subjectId,
    engagement_id: d.engagementId,
    severity: d.severity,
    message: d.message,
    details: d.details,
  };
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += WRITE_CHUNK) yield items.slice(i, i + WRITE_CHUNK);
}
