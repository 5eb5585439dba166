import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Severity } from '../drift/drift-types';
import type { HealthThresholds } from '../health/health';
import type { PriorityAggregate } from '../portfolio/portfolio.repository';
import { engagementHealthSentence } from './alert-health';
import { DEFAULT_ORGANIZATION_SETTINGS } from '../organizations/organization-settings';
import { ownerFacingRules } from './alert-audience';
import type { AlertBatchPayload, BatchedAlert } from './delivery/alert-batch-message';
import type { AlertNotificationPayload } from './delivery/alert-message';

/** Alerts listed in a batch message (the most severe first); the rest are counted. */
export const BATCH_LISTED_ALERTS = 10;
/** More critical alerts than this for one person from one scan go in one batch, not one email each. */
export const CRITICAL_ONE_BY_ONE_MAX = BATCH_LISTED_ALERTS;

/** Per share: totals by event and severity, and the ids to list ($2 of them), the most severe first. */
const SHARE_COLUMNS = `count(*)::int AS total, count(*) FILTER (WHERE n.event = 'alert.raised')::int AS raised,
              count(*) FILTER (WHERE n.severity = 'critical')::int AS critical,
              count(*) FILTER (WHERE n.severity = 'critical' AND n.event = 'alert.raised')::int AS raised_critical, count(*) FILTER (WHERE n.severity = 'warning')::int AS warning,
              count(*) FILTER (WHERE n.severity = 'info')::int AS info,
              (array_agg(n.alert_id ORDER BY n.rank DESC, n.alert_id))[1:$2] AS alert_ids`;

/** Severity as a number in SQL, to compare with a recipient's minimum. */
const RANK = (column: string) => `array_position(ARRAY['info','warning','critical'], ${column})`;

/** One recipient's (or webhook's) share of a scan's notifications, aggregated in SQL. */
interface Share {
  total: number;
  raised: number;
  critical: number;
  /** Of the critical ones, how many were raised (not escalated) by this scan. */
  raised_critical: number;
  warning: number;
  info: number;
  /** The most severe first; as many as a batch lists, or all of them when the share is notified one by one. */
  alert_ids: string[];
}
interface EmailShare extends Share {
  email: string;
  name: string | null;
  user_id: string | null;
}
interface WebhookShare extends Share {
  webhook_id: string;
}

type AlertSummary = AlertNotificationPayload['alert'];
/** An alert as a message describes it, with what happened to it in this scan and its own link. */
type NotifiedAlert = AlertSummary & { event: BatchedAlert['event']; link: string };

/** What the scan knows that the messages need: where links point, when to batch, and today's health thresholds. */
export interface ScanOutboxOptions {
  publicUrl: string;
  alertBatchAbove: number;
  /** The organization's today (its timezone) and health thresholds: the headline health sentence uses them. */
  today: string;
  health: HealthThresholds;
}

/**
 * Writes the outbox rows for the alerts a scan raised or escalated (its `scan_notifications` table), inside
 * the scan's transaction. Recipients (each rule's audience: alert-audience.ts): the priority's owner, the engagement's executive and the client's account
 * manager, each once per alert and within their preferences; and every enabled webhook of the organization. A
 * disabled user gets nothing (not even at a profile's email); an owner or executive without a user account is
 * mailed only when the organization's `notifyPeopleWithoutAccount` is on.
 * Bundling (issue 14): a person with at most `alertBatchAbove` (ALERT_BATCH_ABOVE, default 1) alerts from one scan
 * gets one email each; with more, each critical alert still goes at once in its own email and the rest in one batch
 * message (or as itself when it is one) — unless more than CRITICAL_ONE_BY_ONE_MAX are critical (a first scan of a
 * large portfolio): then everything goes in a single batch. A webhook gets one call per alert, or one batch above
 * `alertBatchAbove`. Addresses that
 * opted out by an alert email's link (alert_email_opt_outs; a user's opt-out is their preference) get nothing. Recipients are grouped in SQL: a scan that raises a
 * hundred thousand alerts still reads back one row per recipient.
 */
/** Rows per INSERT: a batch row lists up to 10 alerts, so a few hundred rows are already megabytes of JSON. */
const OUTBOX_CHUNK = 500;

@Injectable()
export class AlertOutboxRepository {
  async writeForScan(
    tx: EntityManager,
    organizationId: string,
    { publicUrl, alertBatchAbove, today, health }: ScanOutboxOptions,
  ): Promise<string[]> {
    // Individually notified shares need every id; a batch lists only the first few.
    const idsPerShare = Math.max(BATCH_LISTED_ALERTS, alertBatchAbove);
    // Without statistics the planner takes the table for a few rows and walks milestones one by one.
    await tx.query(`ANALYZE scan_notifications`);
    const emails: EmailShare[] = await tx.query(
      `WITH n AS (SELECT alert_id, event, severity, priority_id, ${RANK('severity')} AS rank FROM scan_notifications),
       org AS (SELECT COALESCE((settings->>'notifyPeopleWithoutAccount')::boolean, $3) AS without_account FROM organizations WHERE id = $1),
       a AS (SELECT d.id, d.rule, d.subject_type, d.subject_id, d.engagement_id, n.priority_id FROM n JOIN drift_alerts d ON d.organization_id = $1 AND d.id = n.alert_id),
       owner_of AS (
         -- The scan recorded each milestone's and priority's priority: no lookup per milestone here.
         SELECT a.id AS alert_id, a.rule, p.owner_id FROM a JOIN priorities p ON p.organization_id = $1 AND p.id = a.priority_id
         UNION ALL
         SELECT a.id, a.rule, a.subject_id FROM a WHERE a.subject_type = 'owner'),
       candidates AS (
         -- A profile linked to a user is that user (enabled, at the user's email; disabled, nobody); a profile
         -- without one is mailed at its own email only when the organization allows it. An owner who is not one
         -- of the firm's people (no account, or a client viewer) hears only about what is theirs to act on
         -- (alert-audience.ts: $4), and only when the organization allows it.
         SELECT ow.alert_id, COALESCE(u.email, o.email) AS email, COALESCE(u.name, o.name) AS name, u.id AS user_id
           FROM owner_of ow JOIN owners o ON o.organization_id = $1 AND o.id = ow.owner_id
           LEFT JOIN users u ON u.id = o.user_id
          WHERE CASE WHEN u.id IS NOT NULL AND u.role <> 'client_viewer' THEN u.disabled_at IS NULL
                     ELSE (SELECT without_account FROM org) AND ow.rule = ANY($4::text[])
                          AND (o.user_id IS NULL OR u.disabled_at IS NULL) END
         UNION ALL
         SELECT a.id, COALESCE(u.email, x.email), COALESCE(u.name, x.name), u.id
           FROM a JOIN engagements e ON e.organization_id = $1 AND e.id = a.engagement_id
           JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
           LEFT JOIN users u ON u.id = x.user_id
          WHERE CASE WHEN x.user_id IS NULL THEN (SELECT without_account FROM org) ELSE u.disabled_at IS NULL END
         UNION ALL
         SELECT a.id, u.email, u.name, u.id
           FROM a JOIN engagements e ON e.organization_id = $1 AND e.id = a.engagement_id
           JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
           JOIN users u ON u.id = c.account_manager_id AND u.disabled_at IS NULL
         UNION ALL
         SELECT a.id, u.email, u.name, u.id
           FROM a JOIN owners o ON a.subject_type = 'owner' AND o.organization_id = $1 AND o.id = a.subject_id
           JOIN clients c ON c.organization_id = o.organization_id AND c.id = o.client_id
           JOIN users u ON u.id = c.account_manager_id AND u.disabled_at IS NULL),
       recipients AS (
         SELECT DISTINCT ON (c.alert_id, lower(c.email)) c.alert_id, lower(c.email) AS email, c.name, c.user_id,
                COALESCE(np.email_enabled, true) AS email_enabled, COALESCE(np.min_severity, 'info') AS min_severity
           FROM candidates c LEFT JOIN notification_preferences np ON np.user_id = c.user_id
          WHERE c.email IS NOT NULL
            -- A disabled person gets nothing, whichever profile names their address.
            AND NOT EXISTS (SELECT 1 FROM users d WHERE lower(d.email) = lower(c.email) AND d.disabled_at IS NOT NULL)
            -- An address without an account that opted out by an alert email's link (a user's opt-out is np).
            AND (c.user_id IS NOT NULL OR NOT EXISTS (
                 SELECT 1 FROM alert_email_opt_outs oo WHERE oo.organization_id = $1 AND oo.email = lower(c.email)))
          ORDER BY c.alert_id, lower(c.email), c.user_id NULLS LAST)
       SELECT r.email, (array_agg(r.name ORDER BY r.user_id NULLS LAST))[1] AS name, (array_agg(r.user_id ORDER BY r.user_id NULLS LAST))[1] AS user_id,
              ${SHARE_COLUMNS}
         FROM recipients r JOIN n ON n.alert_id = r.alert_id
        WHERE r.email_enabled AND n.rank >= ${RANK('r.min_severity')}
        GROUP BY r.email`,
      [organizationId, idsPerShare, DEFAULT_ORGANIZATION_SETTINGS.notifyPeopleWithoutAccount, ownerFacingRules()],
    );
    const webhooks: WebhookShare[] = await tx.query(
      `WITH n AS (SELECT alert_id, event, severity, ${RANK('severity')} AS rank FROM scan_notifications)
       SELECT w.id AS webhook_id, ${SHARE_COLUMNS}
         FROM webhooks w JOIN n ON n.rank >= ${RANK('w.min_severity')}
        WHERE w.organization_id = $1 AND w.enabled
        GROUP BY w.id`,
      [organizationId, idsPerShare],
    );
    const listed = [
      ...new Set(
        [...emails, ...webhooks].flatMap((share) =>
          share.total <= alertBatchAbove ? share.alert_ids : share.alert_ids.slice(0, BATCH_LISTED_ALERTS),
        ),
      ),
    ];
    if (listed.length === 0) return [];
    const summaries = await this.summaries(tx, organizationId, listed, { publicUrl, today, health });

    const rows: Array<Record<string, unknown>> = [];
    const single = (base: Record<string, unknown>, id: string) => {
      const { event, link, ...alert } = summaries.get(id)!;
      rows.push({ ...base, alert_id: id, event, payload: { event, alert, link } });
    };
    const batchOf = (base: Record<string, unknown>, share: Omit<Share, 'raised_critical'>) => {
      // Listed without details: the message says what matters, and the link leads to the rest.
      const batch: Omit<AlertBatchPayload, 'outboxId'> = {
        event: 'alerts.batch',
        batch: {
          total: share.total,
          raised: share.raised,
          escalated: share.total - share.raised,
          bySeverity: { critical: share.critical, warning: share.warning, info: share.info },
          alerts: share.alert_ids.slice(0, BATCH_LISTED_ALERTS).map((id): BatchedAlert => {
            const { details: _details, ...listed } = summaries.get(id)!;
            return listed;
          }),
        },
        link: `${publicUrl}/alerts`,
      };
      rows.push({ ...base, alert_id: null, event: 'alerts.batch', payload: batch });
    };
    const add = (share: Share, recipient: Record<string, unknown>, bundle: boolean) => {
      const base = { organization_id: organizationId, ...recipient };
      if (share.total <= alertBatchAbove) return share.alert_ids.forEach((id) => single(base, id));
      if (!bundle || share.critical > CRITICAL_ONE_BY_ONE_MAX) return batchOf(base, share);
      // alert_ids lists the critical ones first (ordered by severity): those go at once, the rest in one email.
      share.alert_ids.slice(0, share.critical).forEach((id) => single(base, id));
      const rest = share.total - share.critical;
      if (rest === 1) single(base, share.alert_ids[share.critical]);
      else if (rest > 1)
        batchOf(base, {
          total: rest,
          raised: share.raised - share.raised_critical,
          critical: 0,
          warning: share.warning,
          info: share.info,
          alert_ids: share.alert_ids.slice(share.critical),
        });
    };
    for (const e of emails)
      add(
        e,
        {
          channel: 'email',
          recipient_email: e.email,
          recipient_name: e.name,
          recipient_user_id: e.user_id,
          webhook_id: null,
        },
        true,
      );
    for (const w of webhooks)
      add(
        w,
        {
          channel: 'webhook',
          recipient_email: null,
          recipient_name: null,
          recipient_user_id: null,
          webhook_id: w.webhook_id,
        },
        false,
      );
    return this.insert(tx, rows);
  }

  /** What a message says about each listed alert, as it is now (after this scan's writes). */
  private async summaries(
    tx: EntityManager,
    organizationId: string,
    ids: string[],
    { publicUrl, today, health }: Pick<ScanOutboxOptions, 'publicUrl' | 'today' | 'health'>,
  ): Promise<Map<string, NotifiedAlert>> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT a.id, n.event, a.rule, a.severity, a.message, a.details, a.engagement_id, a.subject_type, a.subject_id, a.first_seen_at, a.last_seen_at,
              c.name AS client_name, e.function, x.name AS executive_name, r.priorities
         FROM drift_alerts a
         JOIN scan_notifications n ON n.alert_id = a.id
         LEFT JOIN engagements e ON e.organization_id = a.organization_id AND e.id = a.engagement_id
         LEFT JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         LEFT JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
         LEFT JOIN engagement_rollups r ON r.organization_id = e.organization_id AND r.engagement_id = e.id
        WHERE a.organization_id = $1 AND a.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return new Map(
      rows.map((c) => {
        const alert: AlertSummary = {
          id: c.id as string,
          rule: c.rule as AlertSummary['rule'],
          severity: c.severity as Severity,
          message: c.message as string,
          details: c.details as AlertSummary['details'],
          engagementId: (c.engagement_id as string | null) ?? null,
          clientName: (c.client_name as string | null) ?? null,
          engagementLabel: c.engagement_id
            ? `${String(c.client_name)} — ${String(c.function)} (${String(c.executive_name)})`
            : 'Across engagements',
          subjectType: c.subject_type as AlertSummary['subjectType'],
          subjectId: c.subject_id as string,
          firstSeenAt: (c.first_seen_at as Date).toISOString(),
          lastSeenAt: (c.last_seen_at as Date).toISOString(),
          engagementHealth: c.priorities
            ? engagementHealthSentence(c.priorities as PriorityAggregate[], today, health)
            : null,
        };
        const link = c.engagement_id
          ? `${publicUrl}/engagements/${String(c.engagement_id)}?alert=${alert.id}`
          : `${publicUrl}/alerts/${alert.id}`;
        return [alert.id, { ...alert, event: c.event as BatchedAlert['event'], link }];
      }),
    );
  }

  /** In chunks: one JSON parameter must stay far below PostgreSQL's 256 MB jsonb limit on very large scans. */
  async insert(tx: EntityManager, rows: ReadonlyArray<Record<string, unknown>>): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += OUTBOX_CHUNK)
      ids.push(...(await this.insertChunk(tx, rows.slice(i, i + OUTBOX_CHUNK))));
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
