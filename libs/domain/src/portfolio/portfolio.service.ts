import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import type { Rag } from '../check-ins/check-in.entity';
import { allocationInForceSql } from '../engagements/allocation-in-force';
import { computedHealth, expectedProgress } from '../health/health';
import { OrganizationsService, toOrganizationContext } from '../organizations/organizations.service';
import type { OrganizationSettings } from '../organizations/organization-settings';
import type { PriorityStatus } from '../priorities/priority.entity';
import type { Actor } from '../shared/actor';
import { NotFound } from '../shared/errors';
import { orderBy, pageTotal } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import { mean, ragDisagrees, worstHealth, worstRag } from './engagement-health';
import type { Health, PortfolioItemView, PortfolioPage, PortfolioQueryDto } from './portfolio.dto';

const SORTS: Record<PortfolioQueryDto['sort'], string> = {
  client: 'lower(c.name)',
  startDate: 'e.start_date',
  nextDue: `(SELECT min(m.due_date) FROM milestones m JOIN priorities pr ON pr.organization_id = m.organization_id AND pr.id = m.priority_id
              WHERE m.organization_id = e.organization_id AND pr.engagement_id = e.id AND m.status IN ('planned','in_progress'))`,
  drift: `(SELECT s.score FROM drift_snapshots s WHERE s.organization_id = e.organization_id AND s.engagement_id = e.id ORDER BY s.snapshot_date DESC LIMIT 1)`,
};

/** How far back the portfolio sparkline and the dashboard's drift chart look. */
export const DRIFT_TREND_DAYS = 56;

interface DriftAggregate {
  engagement_id: string;
  drift_score: number | null;
  drift_trend: Array<{ date: string; score: number }>;
  critical: string;
  warning: string;
  info: string;
}

interface PriorityAggregate {
  id: string;
  engagement_id: string;
  status: PriorityStatus;
  start_date: string;
  target_date: string;
  total_weight: string;
  done_weight: string;
  overdue: string;
  latest_rag: Rag | null;
  /** A timestamptz as PostgreSQL's JSON writes it. */
  latest_check_in_at: string | null;
  next_id: string | null;
  next_title: string | null;
  next_due: string | null;
}

interface PortfolioRow {
  timezone: string;
  settings: Partial<OrganizationSettings> | null;
  today: string;
  engagements: Array<Record<string, unknown>>;
  priorities: PriorityAggregate[];
  drift: DriftAggregate[];
}

/**
 * The portfolio read model: one statement whatever the portfolio size (the organization's context, one page of
 * engagements in the caller's reach, the aggregates of their priorities, their drift and open alerts, each as
 * JSON), then the pure health functions. Only a page past the end counts its total with a second statement.
 */
@Injectable()
export class PortfolioService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly organizations: OrganizationsService) {}

  async portfolio(actor: Actor, query: PortfolioQueryDto): Promise<PortfolioPage> {
    const reader = this.db.reader;
    const p = new SqlParams();
    const where = [this.access.engagementScope(actor, 'e', p)];
    if (query.status) where.push(`e.status = ${p.add(query.status)}`);
    if (query.clientId) where.push(`e.client_id = ${p.add(query.clientId)}`);
    if (query.function) where.push(`e.function = ${p.add(query.function)}`);
    if (query.accountManagerId) where.push(`c.account_manager_id = ${p.add(query.accountManagerId)}`);
    const filter = `FROM engagements e
         JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
         LEFT JOIN users am ON am.organization_id = c.organization_id AND am.id = c.account_manager_id
        WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const org = p.add(actor.organizationId);
    const todaySql = '(SELECT today FROM org)';
    const order = orderBy(SORTS[query.sort], query.order, 'e.id');
    const [row]: PortfolioRow[] = await reader.query(
      `WITH ${this.organizations.contextCte(org, p)},
       page AS (
         SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status, ${allocationInForceSql(todaySql)} AS days_per_week,
                c.account_manager_id, am.name AS account_manager_name,
                count(*) OVER () AS total, row_number() OVER (${order}) AS n
           ${filter}
          ${order} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)})
       SELECT org.timezone, org.settings, to_char(org.today, 'YYYY-MM-DD') AS today,
              (SELECT coalesce(json_agg(page ORDER BY page.n), '[]') FROM page) AS engagements,
              (SELECT coalesce(json_agg(a), '[]') FROM (
                 SELECT pr.id, pr.engagement_id, pr.status, to_char(pr.start_date, 'YYYY-MM-DD') AS start_date, to_char(pr.target_date, 'YYYY-MM-DD') AS target_date,
                        coalesce(agg.total_weight, 0) AS total_weight, coalesce(agg.done_weight, 0) AS done_weight, coalesce(agg.overdue, 0) AS overdue,
                        ci.rag AS latest_rag, ci.created_at AS latest_check_in_at,
                        nm.id AS next_id, nm.title AS next_title, to_char(nm.due_date, 'YYYY-MM-DD') AS next_due
                   FROM priorities pr
                   LEFT JOIN LATERAL (
                     SELECT sum(m.weight) FILTER (WHERE m.status <> 'cancelled') AS total_weight,
                            sum(m.weight) FILTER (WHERE m.status = 'done') AS done_weight,
                            count(*) FILTER (WHERE m.status IN ('planned','in_progress') AND m.due_date < org.today) AS overdue
                       FROM milestones m WHERE m.organization_id = pr.organization_id AND m.priority_id = pr.id) agg ON true
                   LEFT JOIN LATERAL (
                     SELECT c.rag, c.created_at FROM check_ins c WHERE c.organization_id = pr.organization_id AND c.priority_id = pr.id
                      ORDER BY c.created_at DESC LIMIT 1) ci ON true
                   LEFT JOIN LATERAL (
                     SELECT m.id, m.title, m.due_date FROM milestones m
                      WHERE m.organization_id = pr.organization_id AND m.priority_id = pr.id AND m.status IN ('planned','in_progress')
                      ORDER BY m.due_date, m.id LIMIT 1) nm ON true
                  -- An array, not a join with the CTE: the planner cannot see the page's 50 rows and would scan every priority.
                  WHERE pr.organization_id = ${org} AND pr.engagement_id = ANY(ARRAY(SELECT id FROM page))) a) AS priorities,
              (SELECT coalesce(json_agg(d), '[]') FROM (
                 SELECT page.id AS engagement_id,
                        (SELECT s.score FROM drift_snapshots s WHERE s.organization_id = ${org} AND s.engagement_id = page.id ORDER BY s.snapshot_date DESC LIMIT 1) AS drift_score,
                        (SELECT coalesce(json_agg(json_build_object('date', w.date, 'score', w.score) ORDER BY w.date), '[]'::json) FROM (
                           SELECT DISTINCT ON (date_trunc('week', s.snapshot_date)) to_char(s.snapshot_date, 'YYYY-MM-DD') AS date, s.score
                             FROM drift_snapshots s
                            WHERE s.organization_id = ${org} AND s.engagement_id = page.id AND s.snapshot_date > org.today - ${p.add(DRIFT_TREND_DAYS)}::int AND s.snapshot_date <= org.today
                            ORDER BY date_trunc('week', s.snapshot_date), s.snapshot_date DESC) w) AS drift_trend,
                        count(a.id) FILTER (WHERE a.severity = 'critical') AS critical,
                        count(a.id) FILTER (WHERE a.severity = 'warning') AS warning,
                        count(a.id) FILTER (WHERE a.severity = 'info') AS info
                   FROM page LEFT JOIN drift_alerts a ON a.organization_id = ${org} AND a.engagement_id = page.id AND a.status <> 'resolved'
                  GROUP BY page.id) d) AS drift
         FROM org`,
      p.values,
    );
    if (!row) throw new NotFound('Organization', actor.organizationId);
    const { today: asOf, settings } = toOrganizationContext(row);
    const engagements = row.engagements;
    const aggregates = row.priorities;
    const drift = row.drift;
    const driftByEngagement = new Map(drift.map((d) => [d.engagement_id, d]));

    const byEngagement = new Map<string, PriorityAggregate[]>();
    for (const a of aggregates) byEngagement.set(a.engagement_id, [...(byEngagement.get(a.engagement_id) ?? []), a]);

    const items = engagements.map((e): PortfolioItemView => {
      const priorities = byEngagement.get(e.id as string) ?? [];
      const d = driftByEngagement.get(e.id as string);
      const active = priorities.filter((pr) => pr.status === 'active');
      const measured = active.map((pr) => {
        const total = Number(pr.total_weight);
        const progress = total > 0 ? Number(pr.done_weight) / total : 0;
        const expected = expectedProgress(pr.start_date, pr.target_date, asOf);
        const health = computedHealth({ progress, expected, targetDate: pr.target_date, today: asOf, status: pr.status }, settings);
        return { progress, expected, health };
      });
      const health = worstHealth(measured.map((m) => m.health));
      const reportedRag = worstRag(active.map((pr) => pr.latest_rag).filter((r): r is Rag => r !== null));
      const open = priorities.filter((pr) => pr.next_due).sort((a, b) => (a.next_due! < b.next_due! ? -1 : a.next_due! > b.next_due! ? 1 : 0));
      const lastCheckIn = priorities.map((pr) => pr.latest_check_in_at).filter((d): d is string => d !== null).map((d) => new Date(d)).sort((a, b) => b.getTime() - a.getTime())[0];
      const item: PortfolioItemView = {
        engagementId: e.id as string, clientId: e.client_id as string, clientName: e.client_name as string,
        executiveId: e.executive_id as string, executiveName: e.executive_name as string,
        function: e.function as PortfolioItemView['function'], status: e.status as PortfolioItemView['status'],
        priorityCounts: {
          active: active.length,
          draft: priorities.filter((pr) => pr.status === 'draft').length,
          achieved: priorities.filter((pr) => pr.status === 'achieved').length,
          dropped: priorities.filter((pr) => pr.status === 'dropped').length,
        },
        progress: round(mean(measured.map((m) => m.progress))),
        expectedProgress: round(mean(measured.map((m) => m.expected))),
        health,
        reportedRag,
        ragDisagrees: ragDisagrees(reportedRag, health),
        overdueMilestones: priorities.reduce((n, pr) => n + Number(pr.overdue), 0),
        nextMilestone: open[0] ? { id: open[0].next_id!, title: open[0].next_title!, dueDate: open[0].next_due! } : null,
        lastCheckInAt: lastCheckIn ? lastCheckIn.toISOString() : null,
        driftScore: d?.drift_score === null || d?.drift_score === undefined ? null : Number(d.drift_score),
        driftTrend: d?.drift_trend ?? [],
        openAlerts: { critical: Number(d?.critical ?? 0), warning: Number(d?.warning ?? 0), info: Number(d?.info ?? 0) },
      };
      if (actor.role !== 'client_viewer') {
        item.daysPerWeek = Number(e.days_per_week);
        item.accountManagerId = (e.account_manager_id as string | null) ?? null;
        item.accountManagerName = (e.account_manager_name as string | null) ?? null;
      }
      return item;
    });
    const total = await pageTotal(reader, engagements, query.offset, `SELECT count(*) AS n ${filter}`, countParams);
    return { items, total, limit: query.limit, offset: query.offset, asOf };
  }
}

export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export type { Health };
