import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import type { Rag } from '../check-ins/check-in.entity';
import { expectedProgress } from '../health/health';
import { engagementHealthStory } from '../health/headline';
import { toOrganizationContext } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { FieldNotAllowed, NotFound } from '../shared/errors';
import { totalFromPage } from '../shared/pagination';
import { mean, ragDisagrees, worstRag } from './engagement-health';
import { PortfolioRepository, type PriorityAggregate } from './portfolio.repository';
import type { Health, PortfolioItemView, PortfolioPage, PortfolioQueryDto } from './portfolio.dto';

/**
 * The portfolio read model: one statement whatever the portfolio size (see PortfolioRepository.page), then the
 * pure health functions. Only a page past the end counts its total with a second statement.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly db: Db,
    private readonly portfolios: PortfolioRepository,
  ) {}

  async portfolio(actor: Actor, query: PortfolioQueryDto): Promise<PortfolioPage> {
    // A filter on a field the role does not see would answer, by what it returns, what the field holds.
    if (actor.role === 'client_viewer' && query.accountManagerId !== undefined)
      throw new FieldNotAllowed('accountManagerId', 'client viewers cannot filter by the account manager');
    const row = await this.portfolios.page(this.db.reader, actor, query);
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
        return {
          title: pr.title,
          status: pr.status,
          progress,
          expected,
          targetDate: pr.target_date,
          reportedRag: pr.latest_rag,
          // next_due is the earliest open milestone's due date (portfolio.repository.ts).
          oldestOpenDueDate: pr.next_due,
          overdueMilestones: Number(pr.overdue),
        };
      });
      const story = engagementHealthStory(measured, asOf, settings);
      const health = story.computed;
      const reportedRag = worstRag(active.map((pr) => pr.latest_rag).filter((r): r is Rag => r !== null));
      const open = priorities
        .filter((pr) => pr.next_due)
        .sort((a, b) => (a.next_due! < b.next_due! ? -1 : a.next_due! > b.next_due! ? 1 : 0));
      const lastCheckIn = priorities
        .map((pr) => pr.latest_check_in_at)
        .filter((d): d is string => d !== null)
        .map((d) => new Date(d))
        .sort((a, b) => b.getTime() - a.getTime())[0];
      const item: PortfolioItemView = {
        engagementId: e.id as string,
        clientId: e.client_id as string,
        clientName: e.client_name as string,
        executiveId: e.executive_id as string,
        executiveName: e.executive_name as string,
        function: e.function as PortfolioItemView['function'],
        status: e.status as PortfolioItemView['status'],
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
        headline: story.headline,
        healthNote: story.note,
        overdueMilestones: priorities.reduce((n, pr) => n + Number(pr.overdue), 0),
        nextMilestone: open[0]
          ? { id: open[0].next_id!, title: open[0].next_title!, dueDate: open[0].next_due! }
          : null,
        lastCheckInAt: lastCheckIn ? lastCheckIn.toISOString() : null,
        driftScore: d?.drift_score === null || d?.drift_score === undefined ? null : Number(d.drift_score),
        driftTrend: d?.drift_trend ?? [],
        openAlerts: {
          critical: Number(d?.critical ?? 0),
          warning: Number(d?.warning ?? 0),
          info: Number(d?.info ?? 0),
        },
      };
      if (actor.role !== 'client_viewer') {
        item.daysPerWeek = Number(e.days_per_week);
        item.accountManagerId = (e.account_manager_id as string | null) ?? null;
        item.accountManagerName = (e.account_manager_name as string | null) ?? null;
      }
      return item;
    });
    const total =
      totalFromPage(engagements, query.offset) ?? (await this.portfolios.countPage(this.db.reader, actor, query));
    return { items, total, limit: query.limit, offset: query.offset, asOf };
  }
}

export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export type { Health };
export { DRIFT_TREND_DAYS } from './portfolio.repository';
