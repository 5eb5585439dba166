import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import { AccessService } from '../access/access.service';
import type { Rag } from '../check-ins/check-in.entity';
import { allocationInForceSql } from '../engagements/allocation-in-force';
import { computedHealth, expectedProgress, priorityProgress } from '../health/health';
import { MILESTONE_ROW_SQL, toMilestoneView, type MilestoneRow } from '../milestones/milestones.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { PriorityStatus } from '../priorities/priority.entity';
import type { Actor } from '../shared/actor';
import { NotFound } from '../shared/errors';
import { SqlParams } from '../shared/sql';
import { ragDisagrees } from './engagement-health';
import { DRIFT_TREND_DAYS, round } from './portfolio.service';
import type { EngagementSummaryView, SummaryCheckInView, SummaryEngagementView, SummaryPriorityView } from './portfolio.dto';

const TREND_LENGTH = 8;
const LATEST_CHECK_INS = 10;

/** The engagement dashboard read model: six queries whatever the number of priorities or milestones. */
@Injectable()
export class SummaryService {
  constructor(private readonly db: Db, private readonly access: AccessService, private readonly organizations: OrganizationsService) {}

  async summary(actor: Actor, engagementId: string): Promise<EngagementSummaryView> {
    const reader = this.db.reader;
    const { today, timezone, settings } = await this.organizations.context(reader, actor.organizationId);
    const p = new SqlParams();
    const todayParam = p.add(today);
    const [e]: Array<Record<string, unknown>> = await reader.query(
      `SELECT e.id, e.client_id, c.name AS client_name, e.executive_id, x.name AS executive_name, e.function, e.status,
              to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
              ${allocationInForceSql(todayParam)} AS days_per_week
         FROM engagements e
         JOIN clients c ON c.organization_id = e.organization_id AND c.id = e.client_id
         JOIN executives x ON x.organization_id = e.organization_id AND x.id = e.executive_id
        WHERE e.id = ${p.add(engagementId)} AND ${this.access.engagementScope(actor, 'e', p)}`,
      p.values,
    );
    if (!e) throw new NotFound('Engagement', engagementId);

    const priorities: Array<Record<string, unknown>> = await reader.query(
      `SELECT pr.id, pr.title, pr.rank, pr.status, to_char(pr.start_date, 'YYYY-MM-DD') AS start_date, to_char(pr.target_date, 'YYYY-MM-DD') AS target_date,
              o.id AS owner_id, o.name AS owner_name, o.title AS owner_title, o.email AS owner_email
         FROM priorities pr JOIN owners o ON o.organization_id = pr.organization_id AND o.id = pr.owner_id
        WHERE pr.organization_id = $1 AND pr.engagement_id = $2
        ORDER BY (pr.status = 'active') DESC, pr.rank, pr.created_at`,
      [actor.organizationId, engagementId],
    );
    const milestones: MilestoneRow[] = await reader.query(
      `${MILESTONE_ROW_SQL} JOIN priorities pr ON pr.organization_id = m.organization_id AND pr.id = m.priority_id
        WHERE m.organization_id = $1 AND pr.engagement_id = $2 ORDER BY m.due_date, m.created_at`,
      [actor.organizationId, engagementId],
    );
    const checkIns: Array<Record<string, unknown>> = await reader.query(
      `SELECT * FROM (
         SELECT c.id, c.priority_id, c.rag, c.confidence, c.note, c.blockers, u.name AS author_name, c.acknowledged_at, c.created_at,
                row_number() OVER (PARTITION BY c.priority_id ORDER BY c.created_at DESC, c.id) AS n
           FROM check_ins c JOIN priorities pr ON pr.organization_id = c.organization_id AND pr.id = c.priority_id
           LEFT JOIN users u ON u.id = c.author_id
          WHERE c.organization_id = $1 AND pr.engagement_id = $2) recent
        WHERE n <= $3 ORDER BY created_at DESC, id`,
      [actor.organizationId, engagementId, Math.max(TREND_LENGTH, LATEST_CHECK_INS)],
    );

    const driftTrend: Array<{ date: string; score: number }> = await reader.query(
      `SELECT to_char(snapshot_date, 'YYYY-MM-DD') AS date, score FROM drift_snapshots
        WHERE organization_id = $1 AND engagement_id = $2 AND snapshot_date > $3::date - $4::int AND snapshot_date <= $3::date
        ORDER BY snapshot_date`,
      [actor.organizationId, engagementId, today, DRIFT_TREND_DAYS],
    );

    const checkInViews: SummaryCheckInView[] = checkIns.map((c) => ({
      id: c.id as string, priorityId: c.priority_id as string, rag: c.rag as Rag, confidence: Number(c.confidence), note: c.note as string,
      blockers: (c.blockers as string | null) ?? null, authorName: (c.author_name as string | null) ?? null,
      acknowledgedAt: c.acknowledged_at ? (c.acknowledged_at as Date).toISOString() : null, createdAt: (c.created_at as Date).toISOString(),
    }));

    const priorityViews = priorities.map((pr): SummaryPriorityView => {
      const own = milestones.filter((m) => m.priority_id === pr.id).map((m) => toMilestoneView(m, today, timezone));
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
      driftTrend: driftTrend.map((point) => ({ date: point.date, score: Number(point.score) })) };
  }
}
