import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import type { Rag } from '../check-ins/check-in.entity';
import { toBlockerItems } from '../check-ins/check-ins.service';
import { landingRange } from '../forecast/forecast.dto';
import { expectedProgress, priorityProgress } from '../health/health';
import { engagementHealthStory } from '../health/headline';
import { toMilestoneView } from '../milestones/milestones.service';
import { toOrganizationContext } from '../organizations/organizations.service';
import type { PriorityStatus } from '../priorities/priority.entity';
import type { Actor } from '../shared/actor';
import { NotFound } from '../shared/errors';
import { ragDisagrees } from './engagement-health';
import { PortfolioRepository } from './portfolio.repository';
import { round } from './portfolio.service';
import type {
  EngagementSummaryView,
  SummaryCheckInView,
  SummaryEngagementView,
  SummaryPriorityView,
} from './portfolio.dto';

const TREND_LENGTH = 8;
const LATEST_CHECK_INS = 10;

/**
 * The engagement dashboard read model: one statement whatever the number of priorities or milestones (see
 * PortfolioRepository.engagementSummary), then the pure health functions. One round trip instead of six.
 */
@Injectable()
export class SummaryService {
  constructor(
    private readonly db: Db,
    private readonly portfolios: PortfolioRepository,
  ) {}

  async summary(actor: Actor, engagementId: string): Promise<EngagementSummaryView> {
    const row = await this.portfolios.engagementSummary(
      this.db.reader,
      actor,
      engagementId,
      Math.max(TREND_LENGTH, LATEST_CHECK_INS),
    );
    if (!row) throw new NotFound('Organization', actor.organizationId);
    const e = row.engagement;
    if (!e) throw new NotFound('Engagement', engagementId);
    const { today, timezone, settings } = toOrganizationContext(row);

    const checkInViews: SummaryCheckInView[] = row.check_ins.map((c) => ({
      id: c.id as string,
      priorityId: c.priority_id as string,
      rag: c.rag as Rag,
      confidence: Number(c.confidence),
      note: c.note as string,
      blockers: (c.blockers as string | null) ?? null,
      blockerItems: toBlockerItems(c.blocker_items),
      authorName: (c.author_name as string | null) ?? null,
      acknowledgedAt: c.acknowledged_at ? isoInstant(c.acknowledged_at as string) : null,
      createdAt: isoInstant(c.created_at as string),
    }));
    const milestones = row.milestones.map((m) =>
      toMilestoneView({ ...m, completed_at: m.completed_at ? new Date(m.completed_at) : null }, today, timezone),
    );

    const facts = row.priorities.map((pr) => {
      const own = milestones.filter((m) => m.priorityId === pr.id);
      return {
        own,
        title: pr.title as string,
        status: pr.status as PriorityStatus,
        progress: priorityProgress(own),
        expected: expectedProgress(pr.start_date as string, pr.target_date as string, today),
        targetDate: pr.target_date as string,
        reportedRag: checkInViews.find((c) => c.priorityId === pr.id)?.rag ?? null,
        oldestOpenDueDate: earliestOpenDueDate(own),
        overdueMilestones: own.filter((m) => m.overdue).length,
      };
    });
    const story = engagementHealthStory(facts, today, settings);

    const priorityViews = row.priorities.map((pr, i): SummaryPriorityView => {
      const { own, progress, expected, status, reportedRag } = facts[i];
      const { computed: health, headline, note } = story.priorities[i];
      const recent = checkInViews.filter((c) => c.priorityId === pr.id);
      return {
        id: pr.id as string,
        title: pr.title as string,
        rank: Number(pr.rank),
        status,
        owner: {
          id: pr.owner_id as string,
          name: pr.owner_name as string,
          title: (pr.owner_title as string | null) ?? null,
          email: (pr.owner_email as string | null) ?? null,
        },
        startDate: pr.start_date as string,
        targetDate: pr.target_date as string,
        progress: round(progress),
        expectedProgress: round(expected),
        health,
        reportedRag,
        ragDisagrees: ragDisagrees(reportedRag, health),
        headline,
        healthNote: note,
        confidenceTrend: recent
          .slice(0, TREND_LENGTH)
          .reverse()
          .map((c) => ({ at: c.createdAt, confidence: c.confidence, rag: c.rag })),
        milestones: own,
        landingForecast:
          status === 'active'
            ? landingRange(
                own.map((m) => m.landingForecast),
                pr.target_date as string,
              )
            : null,
      };
    });

    const engagement: SummaryEngagementView = {
      id: e.id as string,
      clientId: e.client_id as string,
      clientName: e.client_name as string,
      executiveId: e.executive_id as string,
      executiveName: e.executive_name as string,
      function: e.function as SummaryEngagementView['function'],
      status: e.status as SummaryEngagementView['status'],
      startDate: e.start_date as string,
      plannedEndDate: (e.planned_end_date as string | null) ?? null,
      termEndDate: (e.term_end_date as string | null) ?? null,
      renewalDate: (e.renewal_date as string | null) ?? null,
      noticePeriodDays: Number(e.notice_period_days ?? 0),
      autoRenew: Boolean(e.auto_renew),
      noticeDeadline: (e.notice_deadline as string | null) ?? null,
      headline: story.headline,
      health: story.computed,
      reportedRag: story.reported,
      healthNote: story.note,
    };
    if (actor.role !== 'client_viewer') engagement.daysPerWeek = Number(e.days_per_week);
    return {
      asOf: today,
      engagement,
      priorities: priorityViews,
      latestCheckIns: checkInViews.slice(0, LATEST_CHECK_INS),
      driftTrend: row.drift_trend.map((point) => ({ date: point.date, score: Number(point.score) })),
      landingForecast: landingRange(
        priorityViews.map((p) => p.landingForecast),
        engagement.plannedEndDate ?? latestTarget(priorityViews.filter((p) => p.status === 'active')),
      ),
    };
  }
}

/** A timestamptz as PostgreSQL's JSON writes it (microseconds, offset) to the API's ISO form (milliseconds, Z). */
function isoInstant(value: string): string {
  return new Date(value).toISOString();
}

function latestTarget(priorities: readonly { targetDate: string }[]): string | null {
  return priorities.length ? priorities.map((p) => p.targetDate).reduce((a, b) => (b > a ? b : a)) : null;
}

function earliestOpenDueDate(milestones: readonly { status: string; dueDate: string }[]): string | null {
  const due = milestones.filter((m) => m.status === 'planned' || m.status === 'in_progress').map((m) => m.dueDate);
  return due.length ? due.reduce((a, b) => (b < a ? b : a)) : null;
}
