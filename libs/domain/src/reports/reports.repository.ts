import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/database/transaction';
import { SqlParams } from '../shared/sql';
import type { ReportContent } from './report-content';

export interface PeriodFactsRow {
  timezone: string;
  engagement: { client_name: string; executive_name: string; function: string; start_date: string } | null;
  milestones: Array<{
    id: string;
    priority_id: string;
    title: string;
    baseline_due_date: string;
    due_date: string;
    status: 'planned' | 'in_progress' | 'done' | 'cancelled';
    completed_on: string | null;
  }>;
  replans: Array<{
    milestone_id: string;
    changed_on: string;
    old_due_date: string;
    new_due_date: string;
    reason: string;
  }>;
  check_ins: Array<{
    priority_id: string;
    created_on: string;
    rag: string;
    confidence: number;
    note: string;
    blockers: string | null;
    author_name: string | null;
  }>;
  drift: Array<{ date: string; score: number }>;
  pulses: Array<{ created_on: string; score: number; comment: string | null }>;
}

export interface ReportRow {
  id: string;
  engagement_id: string;
  period_start: string;
  period_end: string;
  content: ReportContent;
  created_at: Date;
}

export interface ShareLinkRow {
  id: string;
  report_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
  view_count: number;
  last_viewed_at: Date | null;
}

const REPORT_COLUMNS = `r.id, r.engagement_id, to_char(r.period_start, 'YYYY-MM-DD') AS period_start,
  to_char(r.period_end, 'YYYY-MM-DD') AS period_end, r.content, r.created_at`;
const LINK_COLUMNS = `l.id, l.report_id, l.expires_at, l.revoked_at, l.created_at, l.view_count, l.last_viewed_at`;

/** Period reports and their share links. The engagement's reach is checked by the caller (AccessService). */
@Injectable()
export class ReportsRepository {
  /**
   * What a report needs beyond the engagement's summary, in one statement: milestones with baseline and completion
   * date (in the organization's timezone), re-plans and check-ins up to the period's end, drift snapshots.
   */
  async periodFacts(
    tx: Queryable,
    organizationId: string,
    engagementId: string,
    periodEnd: string,
  ): Promise<PeriodFactsRow | undefined> {
    const p = new SqlParams();
    const org = p.add(organizationId);
    const id = p.add(engagementId);
    const end = p.add(periodEnd);
    const [row]: PeriodFactsRow[] = await tx.query(
      `WITH o AS (SELECT timezone FROM organizations WHERE id = ${org}),
            prs AS (SELECT id FROM priorities WHERE organization_id = ${org} AND engagement_id = ${id})
       SELECT o.timezone,
              (SELECT json_build_object('client_name', c.name, 'executive_name', x.name, 'function', e.function,
                                        'start_date', to_char(e.start_date, 'YYYY-MM-DD'))
                 FROM engagements e
                 JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
                 JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
                WHERE e.organization_id = ${org} AND e.id = ${id}) AS engagement,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', m.id, 'priority_id', m.priority_id, 'title', m.title,
                        'baseline_due_date', to_char(m.baseline_due_date, 'YYYY-MM-DD'),
                        'due_date', to_char(m.due_date, 'YYYY-MM-DD'), 'status', m.status,
                        'completed_on', to_char((m.completed_at AT TIME ZONE o.timezone)::date, 'YYYY-MM-DD'))
                      ORDER BY m.due_date, m.id), '[]')
                 FROM milestones m WHERE m.organization_id = ${org} AND m.priority_id IN (SELECT id FROM prs)) AS milestones,
              (SELECT coalesce(json_agg(json_build_object(
                        'milestone_id', h.milestone_id,
                        'changed_on', to_char((h.changed_at AT TIME ZONE o.timezone)::date, 'YYYY-MM-DD'),
                        'old_due_date', to_char(h.old_due_date, 'YYYY-MM-DD'),
                        'new_due_date', to_char(h.new_due_date, 'YYYY-MM-DD'), 'reason', h.reason)
                      ORDER BY h.seq), '[]')
                 FROM milestone_due_date_changes h
                 JOIN milestones m ON m.organization_id = h.organization_id AND m.id = h.milestone_id
                WHERE h.organization_id = ${org} AND m.priority_id IN (SELECT id FROM prs)
                  AND (h.changed_at AT TIME ZONE o.timezone)::date <= ${end}::date) AS replans,
              (SELECT coalesce(json_agg(json_build_object(
                        'priority_id', c.priority_id,
                        'created_on', to_char((c.created_at AT TIME ZONE o.timezone)::date, 'YYYY-MM-DD'),
                        'rag', c.rag, 'confidence', c.confidence, 'note', c.note, 'blockers', c.blockers,
                        'author_name', u.name)
                      ORDER BY c.created_at, c.id), '[]')
                 FROM check_ins c LEFT JOIN users u ON u.id = c.author_id
                WHERE c.organization_id = ${org} AND c.priority_id IN (SELECT id FROM prs)
                  AND (c.created_at AT TIME ZONE o.timezone)::date <= ${end}::date) AS check_ins,
              (SELECT coalesce(json_agg(json_build_object('date', to_char(s.snapshot_date, 'YYYY-MM-DD'), 'score', s.score)
                      ORDER BY s.snapshot_date), '[]')
                 FROM drift_snapshots s
                WHERE s.organization_id = ${org} AND s.engagement_id = ${id} AND s.snapshot_date <= ${end}::date) AS drift,
              (SELECT coalesce(json_agg(json_build_object(
                        'created_on', to_char((cp.created_at AT TIME ZONE o.timezone)::date, 'YYYY-MM-DD'),
                        'score', cp.score, 'comment', cp.comment) ORDER BY cp.created_at, cp.id), '[]')
                 FROM client_pulses cp
                WHERE cp.organization_id = ${org} AND cp.engagement_id = ${id}
                  AND (cp.created_at AT TIME ZONE o.timezone)::date <= ${end}::date) AS pulses
         FROM o`,
      p.values,
    );
    return row;
  }

  async insert(
    tx: Queryable,
    organizationId: string,
    input: { engagementId: string; periodStart: string; periodEnd: string; content: ReportContent; createdBy: string },
  ): Promise<ReportRow> {
    const [row]: ReportRow[] = await tx.query(
      `INSERT INTO reports AS r (organization_id, engagement_id, period_start, period_end, content, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${REPORT_COLUMNS}`,
      [
        organizationId,
        input.engagementId,
        input.periodStart,
        input.periodEnd,
        JSON.stringify(input.content),
        input.createdBy,
      ],
    );
    return row!;
  }

  async listForEngagement(tx: Queryable, organizationId: string, engagementId: string): Promise<ReportRow[]> {
    return tx.query(
      `SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.organization_id = $1 AND r.engagement_id = $2
        ORDER BY r.created_at DESC, r.id LIMIT 200`,
      [organizationId, engagementId],
    );
  }

  async get(tx: Queryable, organizationId: string, id: string): Promise<ReportRow | undefined> {
    const [row]: ReportRow[] = await tx.query(
      `SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.organization_id = $1 AND r.id = $2`,
      [organizationId, id],
    );
    return row;
  }

  async insertShareLink(
    tx: Queryable,
    organizationId: string,
    input: { reportId: string; tokenHash: string; expiresInDays: number; createdBy: string },
  ): Promise<ShareLinkRow> {
    const [row]: ShareLinkRow[] = await tx.query(
      `INSERT INTO report_share_links AS l (organization_id, report_id, token_hash, expires_at, created_by)
       VALUES ($1, $2, $3, now() + make_interval(days => $4), $5) RETURNING ${LINK_COLUMNS}`,
      [organizationId, input.reportId, input.tokenHash, input.expiresInDays, input.createdBy],
    );
    return row!;
  }

  async shareLinks(tx: Queryable, organizationId: string, reportId: string): Promise<ShareLinkRow[]> {
    return tx.query(
      `SELECT ${LINK_COLUMNS} FROM report_share_links l WHERE l.organization_id = $1 AND l.report_id = $2
        ORDER BY l.created_at DESC, l.id LIMIT 200`,
      [organizationId, reportId],
    );
  }

  async shareLink(tx: Queryable, organizationId: string, id: string): Promise<ShareLinkRow | undefined> {
    const [row]: ShareLinkRow[] = await tx.query(
      `SELECT ${LINK_COLUMNS} FROM report_share_links l WHERE l.organization_id = $1 AND l.id = $2 FOR UPDATE`,
      [organizationId, id],
    );
    return row;
  }

  async revokeShareLink(tx: Queryable, organizationId: string, id: string): Promise<ShareLinkRow> {
    const [rows]: [ShareLinkRow[]] = await tx.query(
      `UPDATE report_share_links l SET revoked_at = coalesce(l.revoked_at, now())
        WHERE l.organization_id = $1 AND l.id = $2 RETURNING ${LINK_COLUMNS}`,
      [organizationId, id],
    );
    return rows[0]!;
  }

  /** Cross-tenant (system scope 'report-share-link'): which organization a token's link belongs to, if any. */
  async organizationOfToken(tx: Queryable, tokenHash: string): Promise<string | undefined> {
    const [row]: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM report_share_links WHERE token_hash = $1`,
      [tokenHash],
    );
    return row?.organization_id;
  }

  /** Counts a view of a live link and answers its report; nothing for an expired or revoked one. */
  async viewByToken(
    tx: Queryable,
    organizationId: string,
    tokenHash: string,
  ): Promise<{ link: ShareLinkRow; live: boolean; report: ReportRow } | undefined> {
    const [row]: Array<ShareLinkRow & { live: boolean }> = await tx.query(
      `SELECT ${LINK_COLUMNS}, (l.revoked_at IS NULL AND l.expires_at > now()) AS live
         FROM report_share_links l WHERE l.organization_id = $1 AND l.token_hash = $2 FOR UPDATE`,
      [organizationId, tokenHash],
    );
    if (!row) return undefined;
    if (row.live)
      await tx.query(
        `UPDATE report_share_links SET view_count = view_count + 1, last_viewed_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [organizationId, row.id],
      );
    const report = await this.get(tx, organizationId, row.report_id);
    return { link: row, live: row.live, report: report! };
  }
}
