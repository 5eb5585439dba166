import { Injectable } from '@nestjs/common';
import { Db } from '@app/database/transaction';
import type { Rag } from '../check-ins/check-in.entity';
import { landingRange } from '../forecast/forecast.dto';
import { expectedProgress } from '../health/health';
import { engagementHealthStory } from '../health/headline';
import { toOrganizationContext } from '../organizations/organizations.service';
import type { Actor } from '../shared/actor';
import { FieldNotAllowed, NotFound } from '../shared/errors';
import { hiddenAlertRules } from '../drift/alert-visibility';
import { addDays } from '../health/calendar';
import { countBefore, mean, ragDisagrees, worstRag } from './engagement-health';
import { DRIFT_TREND_DAYS, PortfolioRepository } from './portfolio.repository';
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
    const hidden = new Set<string>(hiddenAlertRules(actor.role));
    const trendFrom = addDays(asOf, -DRIFT_TREND_DAYS);

    const items = row.engagements.map((e): PortfolioItemView => {
      const priorities = e.priorities;
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
          // next_due is the earliest open milestone's due date (the rollup's priorities).
          oldestOpenDueDate: pr.next_due,
          overdueMilestones: countBefore(pr.open_due, asOf),
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
      const openAlerts = { critical: 0, warning: 0, info: 0 };
      for (const a of e.open_alerts) if (!hidden.has(a.rule)) openAlerts[a.severity] += Number(a.n);
      const item: PortfolioItemView = {
        engagementId: e.id,
        clientId: e.client_id,
        clientName: e.client_name,
        executiveId: e.executive_id,
        executiveName: e.executive_name,
        function: e.function as PortfolioItemView['function'],
        status: e.status as PortfolioItemView['status'],
        termEndDate: (e.term_end_date as string | null) ?? null,
        renewalDate: (e.renewal_date as string | null) ?? null,
        noticeDeadline: (e.notice_deadline as string | null) ?? null,
        executiveChangedOn: e.executive_changed_on ?? null,
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
        overdueMilestones: priorities.reduce((n, pr) => n + countBefore(pr.open_due, asOf), 0),
        nextMilestone: open[0]
          ? { id: open[0].next_id!, title: open[0].next_title!, dueDate: open[0].next_due! }
          : null,
        lastCheckInAt: lastCheckIn ? lastCheckIn.toISOString() : null,
        driftScore: e.drift_score === null ? null : Number(e.drift_score),
        // The stored weekly points (each the latest snapshot of its ISO week) within the last 56 days.
        driftTrend: e.drift_trend.filter((w) => w.date > trendFrom && w.date <= asOf),
        openAlerts,
        // The engagement's latest P80 against its planned end, else its latest active priority's target.
        landingForecast: landingRange(
          active.map((pr) => e.forecasts[pr.id] ?? null),
          e.planned_end_date ??
            (active.length ? active.map((pr) => pr.target_date).reduce((x, y) => (y > x ? y : x)) : null),
        ),
      };
      if (actor.role !== 'client_viewer') {
        item.daysPerWeek = Number(e.days_per_week);
        item.accountManagerId = e.account_manager_id ?? null;
        item.accountManagerName = e.account_manager_name ?? null;
      }
      return item;
    });
    const total = Number(row.total);
    return { items, total, limit: query.limit, offset: query.offset, asOf };
  }
}

export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export type { Health };
export { DRIFT_TREND_DAYS } from './portfolio.repository';
