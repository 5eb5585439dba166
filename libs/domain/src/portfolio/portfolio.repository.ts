import type { Queryable } from '@app/database/transaction';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { engagementScope } from '../access/access-scope';
import type { Rag } from '../check-ins/check-in.entity';
import type { DriftRule } from '../drift/drift-types';
import { recentExecutiveChangeSql } from '../executive-changes/recent-change-sql';
import { allocationInForceSql } from '../engagements/allocation-in-force';
import { renewingWithinSql, TERM_COLUMNS_SQL } from '../engagements/engagements.repository';
import { MILESTONE_ROW_SQL, type MilestoneRow } from '../milestones/milestones.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import type { OrganizationSettings } from '../organizations/organization-settings';
import type { PriorityStatus } from '../priorities/priority.entity';
import type { Actor } from '../shared/actor';
import { orderBy } from '../shared/pagination';
import { SqlParams } from '../shared/sql';
import type { PortfolioQueryDto } from './portfolio.dto';

/** Each sort key is a column of engagement_rollups, indexed as (organization_id, key, engagement_id) both ways. */
const SORTS: Record<PortfolioQueryDto['sort'], string> = {
  client: 'r.client_sort',
  startDate: 'r.start_date',
  nextDue: 'r.next_due',
  drift: 'r.drift_score',
};

/** How far back the portfolio sparkline and the dashboard's drift chart look. */
export const DRIFT_TREND_DAYS = 56;

/** One priority of an engagement_rollups row (migrations/1765600000000-EngagementRollups.ts). */
export interface PriorityAggregate {
  id: string;
  title: string;
  status: PriorityStatus;
  start_date: string;
  target_date: string;
  total_weight: number | string;
  done_weight: number | string;
  /** Due dates of the open (planned, in progress) milestones, ascending: those before today are overdue. */
  open_due: string[];
  latest_rag: Rag | null;
  /** A timestamptz as PostgreSQL's JSON writes it. */
  latest_check_in_at: string | null;
  next_id: string | null;
  next_title: string | null;
  next_due: string | null;
}

/** Open alerts of an engagement counted by rule and severity (the reader drops the rules its role may not see). */
export interface OpenAlertCount {
  rule: DriftRule;
  severity: 'critical' | 'warning' | 'info';
  n: number;
}

export interface PortfolioEngagementRow {
  id: string;
  client_id: string;
  client_name: string;
  executive_id: string;
  executive_name: string;
  function: string;
  status: string;
  days_per_week: string;
  account_manager_id: string | null;
  account_manager_name: string | null;
  term_end_date: string | null;
  renewal_date: string | null;
  notice_period_days: number;
  auto_renew: boolean;
  notice_deadline: string | null;
  planned_end_date: string | null;
  /** The effective date of an executive change in force for less than 30 days, else null. */
  executive_changed_on: string | null;
  /** Latest P50 and P80 of each active priority's open milestones' stored forecasts, by priority id. */
  forecasts: Record<string, { p50: string; p80: string }>;
  priorities: PriorityAggregate[];
  drift_score: number | null;
  /** The latest snapshot of each of the latest ten ISO weeks holding one, oldest first (the reader windows it). */
  drift_trend: Array<{ date: string; score: number }>;
  open_alerts: OpenAlertCount[];
}

export interface PortfolioRow {
  timezone: string;
  settings: Partial<OrganizationSettings> | null;
  today: string;
  engagements: PortfolioEngagementRow[];
  total: string;
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
   * The organization's context, one page of the engagements in the caller's reach read from their maintained
   * rollups (an index range scan on (organization_id, sort key)), and how many the filter matches (an index-only
   * count). Names and the allocation in force are joined for the page's rows only.
   */
  async page(tx: Queryable, actor: Actor, query: PortfolioQueryDto): Promise<PortfolioRow | undefined> {
    const p = new SqlParams();
    const where = portfolioFilter(actor, query, p, '(SELECT today FROM org)');
    const org = p.add(actor.organizationId);
    const order = orderBy(SORTS[query.sort], query.order, 'r.engagement_id');
    const [row]: PortfolioRow[] = await tx.query(
      `WITH ${this.organizations.contextCte(org, p)},
       page AS (
         SELECT r.engagement_id, r.priorities, r.drift_score, r.drift_trend, r.open_alerts, row_number() OVER (${order}) AS n
           FROM engagement_rollups r WHERE ${where}
          ${order} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)})
       SELECT org.timezone, org.settings, to_char(org.today, 'YYYY-MM-DD') AS today,
              (SELECT coalesce(json_agg(x ORDER BY x.n), '[]') FROM (
                 SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status,
                        ${allocationInForceSql('(SELECT today FROM org)')} AS days_per_week, c.account_manager_id, am.name AS account_manager_name,
                        ${TERM_COLUMNS_SQL}, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
                        ${recentExecutiveChangeSql('(SELECT today FROM org)')} AS executive_changed_on,
                        page.priorities, page.drift_score, page.drift_trend, page.open_alerts, page.n,
                        -- The stored forecasts (issue 20) are the scan's, not the rollup's: the latest P50/P80 of each
                        -- active priority's open milestones, for this page's engagements only.
                        (SELECT coalesce(json_object_agg(fc.priority_id, json_build_object('p50', to_char(fc.p50, 'YYYY-MM-DD'), 'p80', to_char(fc.p80, 'YYYY-MM-DD'))), '{}')
                           FROM (SELECT m.priority_id, max(f.p50_date) AS p50, max(f.p80_date) AS p80
                                   FROM priorities pr
                                   JOIN milestones m ON m.organization_id = pr.organization_id AND m.priority_id = pr.id AND m.status IN ('planned','in_progress')
                                   JOIN milestone_forecasts f ON f.organization_id = m.organization_id AND f.milestone_id = m.id
                                  WHERE pr.organization_id = ${org} AND pr.engagement_id = e.id AND pr.status = 'active'
                                  GROUP BY m.priority_id) fc) AS forecasts
                   FROM page
                   JOIN engagements e ON e.organization_id = ${org} AND e.id = page.engagement_id
                   JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
                   JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
                   LEFT JOIN users am ON am.organization_id = c.organization_id AND am.id = c.account_manager_id) x) AS engagements,
              (SELECT count(*) FROM engagement_rollups r WHERE ${where}) AS total
         FROM org`,
      p.values,
    );
    return row;
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
                ${allocationInForceSql('(SELECT today FROM org)')} AS days_per_week, ${TERM_COLUMNS_SQL}
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
                 SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, c.blocker_items, u.name AS author_name, c.acknowledged_at, c.created_at,
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

/** Condition on the engagement_rollups alias `r`: the caller's reach and the query's filters. */
function portfolioFilter(actor: Actor, query: PortfolioQueryDto, p: SqlParams, todaySql: string): string {
  const where = [engagementScope(actor, 'r', p)];
  if (query.status) where.push(`r.status = ${p.add(query.status)}`);
  if (query.clientId) where.push(`r.client_id = ${p.add(query.clientId)}`);
  if (query.function) where.push(`r.function = ${p.add(query.function)}`);
  if (query.accountManagerId)
    where.push(
      `r.client_id IN (SELECT c.id FROM clients c WHERE c.organization_id = r.organization_id AND c.account_manager_id = ${p.add(query.accountManagerId)})`,
    );
  if (query.renewingWithinDays !== undefined)
    where.push(
      `r.engagement_id IN (SELECT e.id FROM engagements e WHERE e.organization_id = r.organization_id AND ${renewingWithinSql('e', todaySql, p.add(query.renewingWithinDays))})`,
    );
  return where.join(' AND ');
}
