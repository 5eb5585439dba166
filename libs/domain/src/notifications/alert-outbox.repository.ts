import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SEVERITY_RANK, type Severity } from '../drift/drift-types';

export interface AlertToNotify {
  alertId: string;
  event: 'alert.raised' | 'alert.escalated';
  severity: Severity;
}

interface Recipient {
  alert_id: string;
  email: string;
  name: string | null;
  user_id: string | null;
  email_enabled: boolean;
  min_severity: Severity;
}

/**
 * Writes the outbox rows for raised and escalated alerts, inside the transaction that wrote the alerts:
 * an email per recipient (the priority's owner, the engagement's executive, the client's account manager,
 * each once, within their preferences) and a call per enabled webhook of the organization.
 * Three queries whatever the number of alerts.
 */
const OUTBOX_CHUNK = 5000;

@Injectable()
export class AlertOutboxRepository {
  async write(tx: EntityManager, organizationId: string, alerts: readonly AlertToNotify[], publicUrl: string): Promise<string[]> {
    if (alerts.length === 0) return [];
    const ids = alerts.map((a) => a.alertId);
    const recipients: Recipient[] = await tx.query(
      `WITH a AS (SELECT id, subject_type, subject_id, engagement_id FROM drift_alerts WHERE organization_id = $1 AND id = ANY($2::uuid[])),
       owner_of AS (
         SELECT a.id AS alert_id, p.owner_id FROM a
           JOIN milestones m ON a.subject_type = 'milestone' AND m.organization_id = $1 AND m.id = a.subject_id
           JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id
         UNION ALL
         SELECT a.id, p.owner_id FROM a JOIN priorities p ON a.subject_type = 'priority' AND p.organization_id = $1 AND p.id = a.subject_id
         UNION ALL
         SELECT a.id, a.subject_id FROM a WHERE a.subject_type = 'owner'),
       candidates AS (
         SELECT ow.alert_id, COALESCE(u.email, o.email) AS email, COALESCE(u.name, o.name) AS name, u.id AS user_id
           FROM owner_of ow JOIN owners o ON o.organization_id = $1 AND o.id = ow.owner_id
           LEFT JOIN users u ON u.id = o.user_id AND u.disabled_at IS NULL
         UNION ALL
         SELECT a.id, COALESCE(u.email, x.email), COALESCE(u.name, x.name), u.id
           FROM a JOIN engagements e ON e.organization_id = $1 AND e.id = a.engagement_id
           JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
           LEFT JOIN users u ON u.id = x.user_id AND u.disabled_at IS NULL
         UNION ALL
         SELECT a.id, u.email, u.name, u.id
           FROM a JOIN engagements e ON e.organization_id = $1 AND e.id = a.engagement_id
           JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
           JOIN users u ON u.id = c.account_manager_id AND u.disabled_at IS NULL
         UNION ALL
         SELECT a.id, u.email, u.name, u.id
           FROM a JOIN owners o ON a.subject_type = 'owner' AND o.organization_id = $1 AND o.id = a.subject_id
           JOIN clients c ON c.organization_id = o.organization_id AND c.id = o.client_id
           JOIN users u ON u.id = c.account_manager_id AND u.disabled_at IS NULL)
       SELECT DISTINCT ON (c.alert_id, lower(c.email)) c.alert_id, lower(c.email) AS email, c.name, c.user_id,
              COALESCE(np.email_enabled, true) AS email_enabled, COALESCE(np.min_severity, 'info') AS min_severity
         FROM candidates c LEFT JOIN notification_preferences np ON np.user_id = c.user_id
        WHERE c.email IS NOT NULL
        ORDER BY c.alert_id, lower(c.email), c.user_id NULLS LAST`,
      [organizationId, ids],
    );
    const webhooks: Array<{ id: string; min_severity: Severity }> = await tx.query(
      `SELECT id, min_severity FROM webhooks WHERE organization_id = $1 AND enabled`,
      [organizationId],
    );
    const context: Array<Record<string, unknown>> = await tx.query(
      `SELECT a.id, a.rule, a.severity, a.message, a.details, a.engagement_id, a.subject_type, a.subject_id, a.first_seen_at, a.last_seen_at,
              c.name AS client_name, e.function, x.name AS executive_name
         FROM drift_alerts a
         LEFT JOIN engagements e ON e.organization_id = a.organization_id AND e.id = a.engagement_id
         LEFT JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         LEFT JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
        WHERE a.organization_id = $1 AND a.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    const byId = new Map(context.map((c) => [c.id as string, c]));
    const recipientsOf = new Map<string, Recipient[]>();
    for (const r of recipients) {
      const list = recipientsOf.get(r.alert_id);
      if (list) list.push(r);
      else recipientsOf.set(r.alert_id, [r]);
    }
    const rows: Array<Record<string, unknown>> = [];
    for (const alert of alerts) {
      const c = byId.get(alert.alertId);
      if (!c) continue;
      const payload = {
        event: alert.event,
        alert: {
          id: c.id, rule: c.rule, severity: c.severity, message: c.message, details: c.details, engagementId: c.engagement_id,
          clientName: c.client_name ?? null,
          engagementLabel: c.engagement_id ? `${String(c.client_name)} — ${String(c.function)} (${String(c.executive_name)})` : 'Across engagements',
          subjectType: c.subject_type, subjectId: c.subject_id,
          firstSeenAt: (c.first_seen_at as Date).toISOString(), lastSeenAt: (c.last_seen_at as Date).toISOString(),
        },
        link: c.engagement_id ? `${publicUrl}/engagements/${String(c.engagement_id)}?alert=${alert.alertId}` : `${publicUrl}/alerts/${alert.alertId}`,
      };
      const base = { organization_id: organizationId, alert_id: alert.alertId, event: alert.event, payload };
      for (const r of recipientsOf.get(alert.alertId) ?? []) {
        if (!r.email_enabled || SEVERITY_RANK[alert.severity] < SEVERITY_RANK[r.min_severity]) continue;
        rows.push({ ...base, channel: 'email', recipient_email: r.email, recipient_name: r.name, recipient_user_id: r.user_id, webhook_id: null });
      }
      for (const w of webhooks) {
        if (SEVERITY_RANK[alert.severity] < SEVERITY_RANK[w.min_severity]) continue;
        rows.push({ ...base, channel: 'webhook', recipient_email: null, recipient_name: null, recipient_user_id: null, webhook_id: w.id });
      }
    }
    return this.insert(tx, rows);
  }

  /** In chunks: one JSON parameter must stay far below PostgreSQL's 256 MB jsonb limit on very large scans. */
  async insert(tx: EntityManager, rows: ReadonlyArray<Record<string, unknown>>): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += OUTBOX_CHUNK) ids.push(...(await this.insertChunk(tx, rows.slice(i, i + OUTBOX_CHUNK))));
    return ids;
  }

  private async insertChunk(tx: EntityManager, rows: ReadonlyArray<Record<string, unknown>>): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, alert_id, event, channel, recipient_email, recipient_name, recipient_user_id, webhook_id, payload)
       SELECT x.organization_id, x.alert_id, x.event, x.channel, x.recipient_email, x.recipient_name, x.recipient_user_id, x.webhook_id, x.payload
         FROM jsonb_to_recordset($1::jsonb) AS x(organization_id uuid, alert_id uuid, event text, channel text, recipient_email text,
              recipient_name text, recipient_user_id uuid, webhook_id uuid, payload jsonb)
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.map((r) => r.id);
  }
}
