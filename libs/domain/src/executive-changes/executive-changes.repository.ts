import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import { SqlParams } from '../shared/sql';
import type { HandoverPack } from './handover-content';

export interface ExecutiveChangeRow {
  id: string;
  engagement_id: string;
  from_executive_id: string;
  from_executive_name: string;
  to_executive_id: string;
  to_executive_name: string;
  effective_date: string;
  reason: string;
  handover: HandoverPack;
  applied_at: Date | null;
  created_at: Date;
}

export interface LockedEngagement {
  id: string;
  client_id: string;
  executive_id: string;
  function: string;
  status: string;
  start_date: string;
}

export interface HandoverFactsRow {
  client_name: string;
  replans: Array<{
    milestone_id: string;
    changed_on: string;
    old_due_date: string;
    new_due_date: string;
    reason: string;
    category: string;
  }>;
  check_ins: Array<{
    priority_id: string;
    created_on: string;
    rag: string;
    confidence: number;
    note: string;
    blockers: string | null;
    author_name: string | null;
    acknowledged: boolean;
  }>;
  alerts: Array<{ rule: string; severity: string; message: string; first_seen_on: string }>;
  allocation: Array<{ effective_date: string; days_per_week: string; reason: string }>;
  people: Array<{ name: string; title: string | null; email: string | null; kind: 'owner' | 'client_viewer' }>;
}

export interface Recipient {
  email: string;
  name: string | null;
  user_id: string | null;
  audience: 'account_manager' | 'outgoing' | 'incoming' | 'client_viewer';
}

const COLUMNS = `ec.id, ec.engagement_id, ec.from_executive_id, fx.name AS from_executive_name, ec.to_executive_id,
  tx.name AS to_executive_name, to_char(ec.effective_date, 'YYYY-MM-DD') AS effective_date, ec.reason, ec.handover,
  ec.applied_at, ec.created_at`;
const FROM = `FROM executive_changes ec
  JOIN executives fx ON fx.organization_id = ec.organization_id AND fx.id = ec.from_executive_id
  JOIN executives tx ON tx.organization_id = ec.organization_id AND tx.id = ec.to_executive_id`;

/** Executive changes, their handover facts and recipients. The engagement's reach is checked by the caller. */
@Injectable()
export class ExecutiveChangesRepository {
  async lockEngagement(tx: Queryable, organizationId: string, id: string): Promise<LockedEngagement | undefined> {
    const [row]: LockedEngagement[] = await tx.query(
      `SELECT id, client_id, executive_id, function, status, to_char(start_date, 'YYYY-MM-DD') AS start_date
         FROM engagements WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, id],
    );
    return row;
  }

  async executive(
    tx: Queryable,
    organizationId: string,
    id: string,
  ): Promise<{ id: string; name: string; functions: string[] } | undefined> {
    const [row]: Array<{ id: string; name: string; functions: string[] }> = await tx.query(
      `SELECT id, name, functions FROM executives WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
    return row;
  }

  /** The latest change of the engagement (by effective date), pending or applied. */
  async latest(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
  ): Promise<{ effective_date: string; pending: boolean } | undefined> {
    const [row]: Array<{ effective_date: string; pending: boolean }> = await tx.query(
      `SELECT to_char(effective_date, 'YYYY-MM-DD') AS effective_date, applied_at IS NULL AS pending FROM executive_changes
        WHERE organization_id = $1 AND engagement_id = $2 ORDER BY (applied_at IS NULL) DESC, effective_date DESC LIMIT 1`,
      [organizationId, engagementId],
    );
    return row;
  }

  /**
   * What the handover pack needs beyond the engagement's summary, in one statement: every re-plan with its reason
   * and category, every check-in (dates in the organization's timezone) with whether it was acknowledged, open
   * alerts, the allocation history, and the client's people (its owners and its client viewers).
   */
  async handoverFacts(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    timezone: string,
  ): Promise<HandoverFactsRow> {
    const p = new SqlParams();
    const org = p.add(organizationId);
    const id = p.add(engagementId);
    const tz = p.add(timezone);
    const [row]: HandoverFactsRow[] = await tx.query(
      `WITH e AS (SELECT e.id, e.client_id, c.name AS client_name FROM engagements e
                    JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
                   WHERE e.organization_id = ${org} AND e.id = ${id}),
            prs AS (SELECT id FROM priorities WHERE organization_id = ${org} AND engagement_id = ${id})
       SELECT e.client_name,
              (SELECT coalesce(json_agg(json_build_object(
                        'milestone_id', h.milestone_id,
                        'changed_on', to_char((h.changed_at AT TIME ZONE ${tz})::date, 'YYYY-MM-DD'),
                        'old_due_date', to_char(h.old_due_date, 'YYYY-MM-DD'),
                        'new_due_date', to_char(h.new_due_date, 'YYYY-MM-DD'), 'reason', h.reason, 'category', h.category)
                      ORDER BY h.seq), '[]')
                 FROM milestone_due_date_changes h
                 JOIN milestones m ON m.organization_id = h.organization_id AND m.id = h.milestone_id
                WHERE h.organization_id = ${org} AND m.priority_id IN (SELECT id FROM prs)) AS replans,
              (SELECT coalesce(json_agg(json_build_object(
                        'priority_id', c.priority_id,
                        'created_on', to_char((c.created_at AT TIME ZONE ${tz})::date, 'YYYY-MM-DD'),
                        'rag', c.rag, 'confidence', c.confidence, 'note', c.note, 'blockers', c.blockers,
                        'author_name', u.name, 'acknowledged', c.acknowledged_at IS NOT NULL)
                      ORDER BY c.created_at, c.id), '[]')
                 FROM check_ins c LEFT JOIN users u ON u.id = c.author_id
                WHERE c.organization_id = ${org} AND c.priority_id IN (SELECT id FROM prs)) AS check_ins,
              (SELECT coalesce(json_agg(json_build_object(
                        'rule', a.rule, 'severity', a.severity, 'message', a.message,
                        'first_seen_on', to_char((a.first_seen_at AT TIME ZONE ${tz})::date, 'YYYY-MM-DD'))
                      ORDER BY a.first_seen_at, a.id), '[]')
                 FROM drift_alerts a WHERE a.organization_id = ${org} AND a.engagement_id = ${id} AND a.status <> 'resolved') AS alerts,
              (SELECT coalesce(json_agg(json_build_object(
                        'effective_date', to_char(ac.effective_date, 'YYYY-MM-DD'), 'days_per_week', ac.days_per_week,
                        'reason', ac.reason) ORDER BY ac.effective_date, ac.created_at, ac.id), '[]')
                 FROM allocation_changes ac WHERE ac.organization_id = ${org} AND ac.engagement_id = ${id}) AS allocation,
              (SELECT coalesce(json_agg(pp), '[]') FROM (
                 SELECT o.name, o.title, o.email, 'owner' AS kind FROM owners o
                  WHERE o.organization_id = ${org} AND o.client_id = e.client_id
                 UNION ALL
                 SELECT u.name, NULL, u.email, 'client_viewer' FROM client_grants g
                   JOIN users u ON u.id = g.user_id AND u.organization_id = g.organization_id
                  WHERE g.organization_id = ${org} AND g.client_id = e.client_id AND u.role = 'client_viewer' AND u.disabled_at IS NULL
              ) pp) AS people
         FROM e`,
      p.values,
    );
    return row!;
  }

  async insert(
    tx: Queryable,
    organizationId: string,
    input: {
      engagementId: string;
      fromExecutiveId: string;
      toExecutiveId: string;
      effectiveDate: string;
      reason: string;
      handover: HandoverPack;
      changedBy: string;
    },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO executive_changes (organization_id, engagement_id, from_executive_id, to_executive_id, effective_date, reason, handover, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        organizationId,
        input.engagementId,
        input.fromExecutiveId,
        input.toExecutiveId,
        input.effectiveDate,
        input.reason,
        JSON.stringify(input.handover),
        input.changedBy,
      ],
    );
    return row!.id;
  }

  /**
   * Moves every engagement whose pending change is effective by `today` to its incoming executive, in one
   * statement (the engagement_rollups triggers follow): the change's creation when it is effective at once, the
   * organization's scan otherwise. Answers the changes applied.
   */
  async applyDue(
    tx: Queryable,
    organizationId: string,
    today: string,
    engagementId: string | null = null,
  ): Promise<Array<{ id: string; engagement_id: string; from_executive_id: string; to_executive_id: string }>> {
    return tx.query(
      `WITH due AS (
         UPDATE executive_changes SET applied_at = now()
          WHERE organization_id = $1 AND applied_at IS NULL AND effective_date <= $2::date
            AND ($3::uuid IS NULL OR engagement_id = $3::uuid)
          RETURNING id, engagement_id, from_executive_id, to_executive_id),
       moved AS (
         UPDATE engagements e SET executive_id = due.to_executive_id, updated_at = now()
           FROM due WHERE e.organization_id = $1 AND e.id = due.engagement_id RETURNING e.id)
       SELECT due.* FROM due`,
      [organizationId, today, engagementId],
    );
  }

  async list(tx: Queryable, organizationId: string, engagementId: string): Promise<ExecutiveChangeRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} ${FROM} WHERE ec.organization_id = $1 AND ec.engagement_id = $2
        ORDER BY ec.effective_date, ec.created_at, ec.id LIMIT 200`,
      [organizationId, engagementId],
    );
  }

  async get(tx: Queryable, organizationId: string, id: string): Promise<ExecutiveChangeRow | undefined> {
    const [row]: ExecutiveChangeRow[] = await tx.query(
      `SELECT ${COLUMNS} ${FROM} WHERE ec.organization_id = $1 AND ec.id = $2`,
      [organizationId, id],
    );
    return row;
  }

  /**
   * Who hears of a change: the client's account manager, the outgoing and the incoming executive (at their profile's
   * address), and the client's viewers; disabled users are left out, each address once.
   */
  async recipients(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    fromExecutiveId: string,
    toExecutiveId: string,
  ): Promise<Recipient[]> {
    const rows: Recipient[] = await tx.query(
      `WITH e AS (SELECT client_id FROM engagements WHERE organization_id = $1 AND id = $2),
       everyone AS (
         SELECT u.email, u.name, u.id AS user_id, 'account_manager' AS audience, 1 AS ord FROM clients c
           JOIN users u ON u.organization_id = c.organization_id AND u.id = c.account_manager_id AND u.disabled_at IS NULL
          WHERE c.organization_id = $1 AND c.id = (SELECT client_id FROM e)
         UNION ALL
         SELECT x.email, x.name, x.user_id, CASE WHEN x.id = $3 THEN 'outgoing' ELSE 'incoming' END, CASE WHEN x.id = $3 THEN 2 ELSE 3 END
           FROM executives x WHERE x.organization_id = $1 AND x.id IN ($3, $4)
         UNION ALL
         SELECT u.email, u.name, u.id, 'client_viewer', 4 FROM client_grants g
           JOIN users u ON u.organization_id = g.organization_id AND u.id = g.user_id AND u.role = 'client_viewer' AND u.disabled_at IS NULL
          WHERE g.organization_id = $1 AND g.client_id = (SELECT client_id FROM e))
       SELECT DISTINCT ON (lower(email)) email, name, user_id, audience FROM everyone ORDER BY lower(email), ord`,
      [organizationId, engagementId, fromExecutiveId, toExecutiveId],
    );
    return rows;
  }

  async queueEmails(
    tx: Queryable,
    organizationId: string,
    emails: Array<{ recipient: Recipient; message: unknown }>,
  ): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO outbox (organization_id, event, channel, recipient_email, recipient_name, recipient_user_id, payload)
       SELECT $1, 'engagement.executive_changed', 'email', r.email, r.name, r.user_id, r.payload
         FROM jsonb_to_recordset($2::jsonb) AS r(email text, name text, user_id uuid, payload jsonb)
       RETURNING id`,
      [
        organizationId,
        JSON.stringify(
          emails.map((e) => ({
            email: e.recipient.email,
            name: e.recipient.name,
            user_id: e.recipient.user_id,
            payload: e.message,
          })),
        ),
      ],
    );
    return rows.map((r) => r.id);
  }
}
