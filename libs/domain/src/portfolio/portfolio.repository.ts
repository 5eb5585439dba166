import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { engagementScope } from '../access/access-scope';
import type { Rag } from '../check-ins/check-in.entity';
import { visibleAlertRuleSql } from '../drift/alert-visibility';
import { allocationInForceSql } from '../engagements/allocation-in-force';
import { MILESTONE_ROW_SQL, type MilestoneRow } from '../milestones/milestones.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import type { OrganizationSettings } from '../organizations/organization-settings';
import type { PriorityStatus } from '../priorities/priority.entity';
import type { Actor } from '../shared/actor';
import { orderBy } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import type { PortfolioQueryDto } from './portfolio.dto';

const SORTS: Record<PortfolioQueryDto['sort'], string> = {
  client: 'lower(c.name)',
  startDate: 'e.start_date',
  nextDue: `(SELECT min(m.due_date) FROM milestones m JOIN priorities pr ON pr.organization_id = m.organization_id AND pr.id = m.priority_id
              WHERE m.organization_id = e.organization_id AND pr.engagement_id = e.id AND m.status IN ('planned','in_progress'))`,
  drift: `(SELECT s.score FROM drift_snapshots s WHERE s.organization_id = e.organization_id AND s.engagement_id = e.id ORDER BY s.snapshot_date DESC LIMIT 1)`,
};

/** How far back the portfolio sparkline and the dashboard's drift chart look. */
export const DRIFT_TREND_DAYS = 56;

export interface DriftAggregate {
  engagement_id: string;
  drift_score: number | null;
  drift_trend: Array<{ date: string; score: number }>;
  critical: string;
  warning: string;
  info: string;
}

export interface PriorityAggregate {
  id: string;
  engagement_id: string;
  title: string;
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

export interface PortfolioRow {
  timezone: string;
  settings: Partial<OrganizationSettings> | null;
  today: string;
  engagements: Array<Record<string, unknown>>;
  priorities: PriorityAggregate[];
  drift: DriftAggregate[];
}

type Row = Record<string, unknown>;
export interface SummaryRow {
  timezone: string;
  settings: Partial<OrganizationSettings> | null;
  today: string;
  engagement: Row | null;
  priorities: Row[];
  milestones: Array<Omit<MilestoneRow, 'completed_at'> & { completed_at: string | null }>;
  check_ins: Row[];
  drift_trend: Array<{ date: string; score: number }>;
}

/**
 * The read models of the portfolio and of one engagement's dashboard. Each is one statement whatever the size
 * (the organization's context and everything in the caller's reach, each part as JSON): on a busy machine each
 * statement's socket write and wake-up cost more than the SQL itself.
 */
@Injectable()
export class PortfolioRepository {
  constructor(private readonly organizations: OrganizationsService) {}

  /**
   * The organization's context, one page of engagements in the caller's reach, and their priorities' and drift
   * aggregates. Open alerts are counted as the caller may list them (GET /alerts): rules hidden from the role are
   * not counted either.
   */
  async page(tx: Queryable, actor: Actor, query: PortfolioQueryDto): Promise<PortfolioRow | undefined> {
    const p = new SqlParams();
    const filter = portfolioFilter(actor, query, p);
    const org = p.add(actor.organizationId);
    const todaySql = '(SELECT today FROM org)';
    const order = orderBy(SORTS[query.sort], query.order, 'e.id');
    const [row]: PortfolioRow[] = await tx.query(
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
                 SELECT pr.id, pr.engagement_id, pr.title, pr.status, to_char(pr.start_date, 'YYYY-MM-DD') AS start_date, to_char(pr.target_date, 'YYYY-MM-DD') AS target_date,
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
                        AND ${visibleAlertRuleSql(actor.role, 'a', p)}
                  GROUP BY page.id) d) AS drift
         FROM org`,
      p.values,
    );
    return row;
  }

  /** How many engagements the portfolio's filter matches (needed only for a page past the end). */
  async countPage(tx: Queryable, actor: Actor, query: PortfolioQueryDto): Promise<number> {
    const p = new SqlParams();
    const [row]: Array<{ n: string }> = await tx.query(
      `SELECT count(*) AS n ${portfolioFilter(actor, query, p)}`,
      p.values,
    );
    return Number(row?.n ?? 0);
  }

  /**
   * The organization's context and the engagement if in the caller's reach, with its priorities, milestones, the
   * latest `checkInsPerPriority` check-ins of each priority, and its drift trend.
   */
  async engagementSummary(
    tx: Queryable,
    actor: Actor,
    engagementId: string,
    checkInsPerPriority: number,
  ): Promise<SummaryRow | undefined> {
    const p = new SqlParams();
    const org = p.add(actor.organizationId);
    const id = p.add(engagementId);
    const [row]: SummaryRow[] = await tx.query(
      `WITH ${this.organizations.contextCte(org, p)},
       eng AS (
         SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status,
                to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
                ${allocationInForceSql('(SELECT today FROM org)')} AS days_per_week
           FROM engagements e
           JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
           JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
          WHERE e.id = ${id} AND ${engagementScope(actor, 'e', p)})
       SELECT org.timezone, org.settings, to_char(org.today, 'YYYY-MM-DD') AS today,
              (SELECT row_to_json(eng) FROM eng) AS engagement,
              (SELECT coalesce(json_agg(pr ORDER BY pr.active DESC, pr.rank, pr.created_at), '[]') FROM (
                 SELECT pr.id, pr.title, pr.rank, pr.status, pr.status = 'active' AS active, pr.created_at,
                        to_char(pr.start_date, 'YYYY-MM-DD') AS start_date, to_char(pr.target_date, 'YYYY-MM-DD') AS target_date,
                        o.id AS owner_id, o.name AS owner_name, o.title AS owner_title, o.email AS owner_email
                   FROM eng JOIN priorities pr ON pr.organization_id = ${org} AND pr.engagement_id = eng.id
                   JOIN owners o ON o.organization_id = pr.organization_id AND o.id = pr.owner_id) pr) AS priorities,
              (SELECT coalesce(json_agg(m ORDER BY m.due_date, m.created_at), '[]') FROM (
                 ${MILESTONE_ROW_SQL} JOIN eng ON true JOIN priorities pr ON pr.organization_id = m.organization_id AND pr.id = m.priority_id
                  WHERE m.organization_id = ${org} AND pr.engagement_id = eng.id) m) AS milestones,
              (SELECT coalesce(json_agg(ci ORDER BY ci.created_at DESC, ci.id), '[]') FROM (
                 SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, u.name AS author_name, c.acknowledged_at, c.created_at,
                        row_number() OVER (PARTITION BY c.priority_id ORDER BY c.created_at DESC, c.id) AS n
                   FROM eng JOIN priorities pr ON pr.organization_id = ${org} AND pr.engagement_id = eng.id
                   JOIN check_ins c ON c.organization_id = pr.organization_id AND c.priority_id = pr.id
                   LEFT JOIN users u ON u.id = c.author_id) ci WHERE ci.n <= ${p.add(checkInsPerPriority)}) AS check_ins,
              (SELECT coalesce(json_agg(json_build_object('date', to_char(s.snapshot_date, 'YYYY-MM-DD'), 'score', s.score) ORDER BY s.snapshot_date), '[]')
                 FROM eng JOIN drift_snapshots s ON s.organization_id = ${org} AND s.engagement_id = eng.id
                WHERE s.snapshot_date > org.today - ${p.add(DRIFT_TREND_DAYS)}::int AND s.snapshot_date <= org.today) AS drift_trend
         FROM org`,
      p.values,
    );
    return row;
  }
}

function portfolioFilter(actor: Actor, query: PortfolioQueryDto, p: SqlParams): string {
  const where = [engagementScope(actor, 'e', p)];
  if (query.status) where.push(`e.status = ${p.add(query.status)}`);
  if (query.clientId) where.push(`e.client_id = ${p.add(query.clientId)}`);
  if (query.function) where.push(`e.function = ${p.add(query.function)}`);
  if (query.accountManagerId) where.push(`c.account_manager_id = ${p.add(query.accountManagerId)}`);
  return `FROM engagements e
         JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
         LEFT JOIN users am ON am.organization_id = c.organization_id AND am.id = c.account_manager_id
        WHERE ${where.join(' AND ')}`;
}
