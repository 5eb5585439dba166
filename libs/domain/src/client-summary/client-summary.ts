import type { AlertView } from '../drift/alert.dto';
import type { Severity } from '../drift/drift-types';
import { addDays } from '../health/calendar';
import { executiveHeadline } from '../health/headline';
import type { EngagementSummaryView } from '../portfolio/portfolio.dto';
import type {
  ClientSummaryAskView,
  ClientSummaryMilestoneView,
  ClientSummaryView,
  ProgressPointView,
} from './client-summary.dto';

export const PERIOD_DAYS = 7;
export const DUE_WITHIN_DAYS = 30;
export const PROGRESS_TREND_WEEKS = 8;

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The facts an engagement summary is made from; `alerts` only those the reader may see. */
export interface ClientSummaryFacts {
  summary: EngagementSummaryView;
  openAlerts: readonly Pick<AlertView, 'id' | 'severity' | 'message' | 'conditionSince' | 'firstSeenAt'>[];
  /** The reader's timezone's day of an instant (completedAt → the day it was done). */
  dayOf: (instant: string) => string;
  /** Whether the reader is asked the pulse question now (PulseService.due). */
  pulseDue?: ClientSummaryView['pulseDue'];
}

/**
 * The client executive's summary of one engagement, from the engagement dashboard's read model and its open
 * alerts: pure, so each part has worked examples. Internal fields never enter it (the read model for a client
 * viewer already leaves the allocation out; this picks only what the client reads).
 */
export function composeClientSummary({
  summary,
  openAlerts,
  dayOf,
  pulseDue = null,
}: ClientSummaryFacts): ClientSummaryView {
  const today = summary.asOf;
  const periodStart = addDays(today, -PERIOD_DAYS);
  const dueBy = addDays(today, DUE_WITHIN_DAYS);
  const active = summary.priorities.filter((p) => p.status === 'active');
  const titleOf = new Map(summary.priorities.map((p) => [p.id, p.title]));

  const milestones = summary.priorities.flatMap((p) =>
    p.milestones.filter((m) => m.status !== 'cancelled').map((m) => ({ m, priorityTitle: p.title })),
  );
  const view = (
    { m, priorityTitle }: (typeof milestones)[number],
    doneOn: string | null,
  ): ClientSummaryMilestoneView => ({
    id: m.id,
    title: m.title,
    priorityTitle,
    dueDate: m.dueDate,
    doneOn,
    overdue: m.overdue,
    slipDays: m.slipDays,
  });
  const done = milestones
    .filter(({ m }) => m.status === 'done' && m.completedAt && dayOf(m.completedAt) > periodStart)
    .map((x) => view(x, dayOf(x.m.completedAt!)))
    .sort((a, b) => (b.doneOn! < a.doneOn! ? -1 : b.doneOn! > a.doneOn! ? 1 : 0));
  const open = milestones.filter(({ m }) => m.status === 'planned' || m.status === 'in_progress');
  const dueSoon = open
    .filter(({ m }) => m.dueDate <= dueBy)
    .map((x) => view(x, null))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));

  // The latest check-in of each priority speaks for it: an ask settled since is no longer listed.
  const latestByPriority = new Map<string, EngagementSummaryView['latestCheckIns'][number]>();
  for (const c of summary.latestCheckIns)
    if (!latestByPriority.has(c.priorityId)) latestByPriority.set(c.priorityId, c);
  const asks: ClientSummaryAskView[] = [...latestByPriority.values()].flatMap((c) =>
    c.blockerItems
      .filter((b) => b.needsClientAction)
      .map((b) => ({
        checkInId: c.id,
        priorityTitle: titleOf.get(c.priorityId) ?? '',
        text: b.text,
        askedBy: c.authorName,
        askedAt: c.createdAt,
      })),
  );

  const activeMilestones = active.flatMap((p) => p.milestones);
  const latest = summary.latestCheckIns[0] ?? null;
  return {
    asOf: today,
    periodStart,
    engagement: {
      id: summary.engagement.id,
      clientId: summary.engagement.clientId,
      clientName: summary.engagement.clientName,
      executiveName: summary.engagement.executiveName,
      function: summary.engagement.function,
      status: summary.engagement.status,
    },
    headline: executiveHeadline({
      headline: summary.engagement.headline,
      milestonesDone: milestones.filter(({ m }) => m.status === 'done').length,
      milestonesTotal: milestones.length,
      openSlipDays: open.map(({ m }) => m.slipDays).filter((d) => d > 0),
      clientAsks: asks.length,
    }),
    health: summary.engagement.headline,
    done,
    dueSoon,
    risks: [...openAlerts]
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
      .map((a) => ({
        alertId: a.id,
        severity: a.severity,
        text: a.message,
        since: a.conditionSince ?? dayOf(a.firstSeenAt),
      })),
    asks,
    progressTrend: progressTrend(activeMilestones, today, dayOf),
    driftTrend: summary.driftTrend,
    latestCheckIn: latest
      ? {
          id: latest.id,
          priorityTitle: titleOf.get(latest.priorityId) ?? '',
          rag: latest.rag,
          confidence: latest.confidence,
          note: latest.note,
          blockers: latest.blockers,
          blockerItems: latest.blockerItems,
          authorName: latest.authorName,
          acknowledgedAt: latest.acknowledgedAt,
          createdAt: latest.createdAt,
        }
      : null,
    pulseDue,
  };
}

/**
 * Progress at the end of each of the last weeks (today, today − 7, …), oldest first: the weight of the milestones
 * done by that day over the weight of today's plan (cancelled milestones left out), like priorityProgress.
 */
export function progressTrend(
  milestones: readonly { status: string; weight: number; completedAt: string | null }[],
  today: string,
  dayOf: (instant: string) => string,
  weeks = PROGRESS_TREND_WEEKS,
): ProgressPointView[] {
  const counted = milestones.filter((m) => m.status !== 'cancelled');
  const total = counted.reduce((sum, m) => sum + m.weight, 0);
  const points: ProgressPointView[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const date = addDays(today, -7 * w);
    const done = counted
      .filter((m) => m.status === 'done' && m.completedAt && dayOf(m.completedAt) <= date)
      .reduce((sum, m) => sum + m.weight, 0);
    points.push({ date, progress: total > 0 ? Math.round((done / total) * 1000) / 1000 : 0 });
  }
  return points;
}
