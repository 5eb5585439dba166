import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import type { Rag } from '../check-ins/check-in.entity';
import { allocationInForceSql } from '../engagements/allocation-in-force';
import { computedHealth, expectedProgress, priorityProgress } from '../health/health';
import { MILESTONE_ROW_SQL, toMilestoneView, type MilestoneRow } from '../milestones/milestones.service';
import { OrganizationsService, toOrganizationContext } from '../organizations/organizations.service';
import type { OrganizationSettings } from '../organizations/organization-settings';
import type { PriorityStatus } from '../priorities/priority.entity';
import type { Actor } from '../shared/actor';
import { NotFound } from '../shared/errors';
import { SqlParams } from '../shared/sql';
import { ragDisagrees } from './engagement-health';
import { DRIFT_TREND_DAYS, round } from './portfolio.service';
import type { EngagementSummaryView, SummaryCheckInView, SummaryEngagementView, SummaryPriorityView } from './portfolio.dto';

const TREND_LENGTH = 8;
const LATEST_CHECK_INS = 10;

type Row = Record<string, unknown>;
interface SummaryRow {
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
 * The engagement dashboard read model: one statement whatever the number of priorities or milestones (the
 * organization's context, the engagement in the caller's reach, its priorities, milestones, latest check-ins and
 * drift trend, each as JSON), then the pure health functions. One round trip instead of six: on a busy machine
 * each statement's socket write and wake-up cost more than the SQL itself.
 */
@Injectable()
export class SummaryService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly organizations: OrganizationsService) {}

  async summary(actor: Actor, engagementId: string): Promise<EngagementSummaryView> {
    const p = new SqlParams();
    const org = p.add(actor.organizationId);
    const id = p.add(engagementId);
    const [row]: SummaryRow[] = await this.db.reader.query(
      `WITH ${this.organizations.contextCte(org, p)},
       eng AS (
         SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status,
                to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
                ${allocationInForceSql('(SELECT today FROM org)')} AS days_per_week
           FROM engagements e
           JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
           JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
          WHERE e.id = ${id} AND ${this.access.engagementScope(actor, 'e', p)})
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
                   LEFT JOIN users u ON u.id = c.author_id) ci WHERE ci.n <= ${p.add(Math.max(TREND_LENGTH, LATEST_CHECK_INS))}) AS check_ins,
              (SELECT coalesce(json_agg(json_build_object('date', to_char(s.snapshot_date, 'YYYY-MM-DD'), 'score', s.score) ORDER BY s.snapshot_date), '[]')
                 FROM eng JOIN drift_snapshots s ON s.organization_id = ${org} AND s.engagement_id = eng.id
                WHERE s.snapshot_date > org.today - ${p.add(DRIFT_TREND_DAYS)}::int AND s.snapshot_date <= org.today) AS drift_trend
         FROM org`,
      p.values,
    );
    if (!row) throw new NotFound('Organization', actor.organizationId);
    const e = row.engagement;
    if (!e) throw new NotFound('Engagement', engagementId);
    const { today, timezone, settings } = toOrganizationContext(row);

    const checkInViews: SummaryCheckInView[] = row.check_ins.map((c) => ({
      id: c.id as string, priorityId: c.priority_id as string, rag: c.rag as Rag, confidence: Number(c.confidence), note: c.note as string,
      blockers: (c.blockers as string | null) ?? null, authorName: (c.author_name as string | null) ?? null,
      acknowledgedAt: c.acknowledged_at ? isoInstant(c.acknowledged_at as string) : null, createdAt: isoInstant(c.created_at as string),
    }));
    const milestones = row.milestones.map((m) => toMilestoneView({ ...m, completed_at: m.completed_at ? new Date(m.completed_at) : null }, today, timezone));

    const priorityViews = row.priorities.map((pr): SummaryPriorityView => {
      const own = milestones.filter((m) => m.priorityId === pr.id);
      const progress = priorityProgress(own);
      const expected = expectedProgress(pr.start_date as string, pr.target_date as string, today);
      const status = pr.status as PriorityStatus;
      const health = computedHealth({ progress, expected, targetDate: pr.target_date as string, today, status }, settings);
      const recent = checkInViews.filter((c) => c.priorityId === pr.id);
      const reportedRag = recent[0]?.rag ?? null;
      return {
        id: pr.id as string, title: pr.title as string, rank: Number(pr.rank), status,
        owner: { id: pr.owner_id as string, name: pr.owner_name as string, title: (pr.owner_title as string | null) ?? null, email: (pr.owner_email as string | null) ?? null },
        startDate: pr.start_date as string, targetDate: pr.target_date as string,
        progress: round(progress), expectedProgress: round(expected), health, reportedRag, ragDisagrees: ragDisagrees(reportedRag, health),
        confidenceTrend: recent.slice(0, TREND_LENGTH).reverse().map((c) => ({ at: c.createdAt, confidence: c.confidence, rag: c.rag })),
        milestones: own,
      };
    });

    const engagement: SummaryEngagementView = {
      id: e.id as string, clientId: e.client_id as string, clientName: e.client_name as string, executiveId: e.executive_id as string,
      executiveName: e.executive_name as string, function: e.function as SummaryEngagementView['function'], status: e.status as SummaryEngagementView['status'],
      startDate: e.start_date as string, plannedEndDate: (e.planned_end_date as string | null) ?? null,
    };
    if (actor.role !== 'client_viewer') engagement.daysPerWeek = Number(e.days_per_week);
    return { asOf: today, engagement, priorities: priorityViews, latestCheckIns: checkInViews.slice(0, LATEST_CHECK_INS),
      driftTrend: row.drift_trend.map((point) => ({ date: point.date, score: Number(point.score) })) };
  }
}

/** A timestamptz as PostgreSQL's JSON writes it (microseconds, offset) to the API's ISO form (milliseconds, Z). */
function isoInstant(value: string): string {
  return new Date(value).toISOString();
}
