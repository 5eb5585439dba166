import { addDays, daysBetween } from '../health/calendar';
import type { ComputedHealth } from '../health/health';

/** What a period report is made from: the engagement's facts over the period and the one after it. */
export interface ReportFacts {
  generatedOn: string;
  period: { start: string; end: string };
  engagement: { clientName: string; executiveName: string; function: string; startDate: string };
  priorities: Array<{
    id: string;
    title: string;
    rank: number;
    status: string;
    ownerName: string;
    targetDate: string;
    health: ComputedHealth;
  }>;
  milestones: Array<{
    id: string;
    priorityId: string;
    title: string;
    baselineDueDate: string;
    dueDate: string;
    status: 'planned' | 'in_progress' | 'done' | 'cancelled';
    completedOn: string | null;
  }>;
  /** Re-plans of the period, oldest first. */
  replans: Array<{ milestoneId: string; changedOn: string; oldDueDate: string; newDueDate: string; reason: string }>;
  /** Check-ins of the period, oldest first. */
  checkIns: Array<{
    priorityId: string;
    createdOn: string;
    rag: string;
    confidence: number;
    note: string;
    blockers: string | null;
    authorName: string | null;
  }>;
  driftTrend: Array<{ date: string; score: number }>;
  /** Client pulse answers up to the period's end, oldest first (absent in facts read before the pulse existed). */
  pulses?: Array<{ createdOn: string; score: number; comment: string | null }>;
}

/** The client pulse of a period: how satisfied the client said they were (1–5), and what they wrote. */
export interface ReportPulse {
  answers: number;
  mean: number | null;
  /** The mean of the period before, of the same length; null without answers then. */
  previousMean: number | null;
  comments: Array<{ date: string; score: number; comment: string }>;
}

export interface ReportContent {
  title: string;
  clientName: string;
  executiveName: string;
  function: string;
  period: { start: string; end: string };
  nextPeriod: { start: string; end: string };
  generatedOn: string;
  headline: string;
  figures: {
    milestonesLanded: number;
    landedOnTime: number;
    landedLate: number;
    replans: number;
    daysSlipped: number;
    openOverdue: number;
    driftStart: number | null;
    driftEnd: number | null;
    averageConfidence: number | null;
  };
  landed: Array<{
    title: string;
    priorityTitle: string;
    baselineDueDate: string;
    completedOn: string;
    daysLate: number;
  }>;
  slips: Array<{
    title: string;
    priorityTitle: string;
    changedOn: string;
    fromDate: string;
    toDate: string;
    days: number;
    reason: string;
  }>;
  driftTrend: Array<{ date: string; score: number }>;
  confidenceTrends: Array<{ priorityTitle: string; points: Array<{ date: string; confidence: number }> }>;
  highlights: Array<{
    priorityTitle: string;
    date: string;
    rag: string;
    confidence: number;
    note: string;
    authorName: string | null;
  }>;
  blockers: Array<{ priorityTitle: string; date: string; text: string }>;
  nextPeriodPriorities: Array<{
    title: string;
    rank: number;
    ownerName: string;
    health: ComputedHealth;
    targetDate: string;
    milestonesDue: Array<{ title: string; dueDate: string }>;
  }>;
  /** Absent in reports frozen before the client pulse existed. */
  pulse?: ReportPulse;
}

const OPEN = new Set(['planned', 'in_progress']);

/**
 * A period report's content from its facts: what landed against its baseline, what slipped and why, the trends,
 * the check-ins' highlights and blockers, and what the next period of the same length holds. Only client-facing
 * facts go in (no allocation, no audit, no account-manager notes): a shared link shows exactly this.
 */
export function buildReportContent(facts: ReportFacts): ReportContent {
  const { period } = facts;
  const length = daysBetween(period.start, period.end) + 1;
  const nextPeriod = { start: addDays(period.end, 1), end: addDays(period.end, length) };
  const priorityTitle = new Map(facts.priorities.map((p) => [p.id, p.title]));
  const milestoneById = new Map(facts.milestones.map((m) => [m.id, m]));
  const inPeriod = (date: string) => date >= period.start && date <= period.end;

  const landed = facts.milestones
    .filter((m) => m.status === 'done' && m.completedOn && inPeriod(m.completedOn))
    .map((m) => ({
      title: m.title,
      priorityTitle: priorityTitle.get(m.priorityId) ?? '',
      baselineDueDate: m.baselineDueDate,
      completedOn: m.completedOn!,
      daysLate: daysBetween(m.baselineDueDate, m.completedOn!),
    }))
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.title.localeCompare(b.title));

  const slips = facts.replans
    .filter((r) => inPeriod(r.changedOn) && r.newDueDate > r.oldDueDate && milestoneById.has(r.milestoneId))
    .map((r) => {
      const milestone = milestoneById.get(r.milestoneId)!;
      return {
        title: milestone.title,
        priorityTitle: priorityTitle.get(milestone.priorityId) ?? '',
        changedOn: r.changedOn,
        fromDate: r.oldDueDate,
        toDate: r.newDueDate,
        days: daysBetween(r.oldDueDate, r.newDueDate),
        reason: r.reason,
      };
    });

  const checkIns = facts.checkIns.filter((c) => inPeriod(c.createdOn));
  const confidenceTrends = facts.priorities
    .map((p) => ({
      priorityTitle: p.title,
      points: checkIns
        .filter((c) => c.priorityId === p.id)
        .map((c) => ({ date: c.createdOn, confidence: c.confidence })),
    }))
    .filter((t) => t.points.length > 0);
  const latestPerPriority = new Map<string, (typeof checkIns)[number]>();
  for (const c of checkIns) latestPerPriority.set(c.priorityId, c);
  const highlights = facts.priorities
    .filter((p) => latestPerPriority.has(p.id))
    .map((p) => {
      const c = latestPerPriority.get(p.id)!;
      return {
        priorityTitle: p.title,
        date: c.createdOn,
        rag: c.rag,
        confidence: c.confidence,
        note: c.note,
        authorName: c.authorName,
      };
    });
  const blockers = checkIns
    .filter((c) => c.blockers && c.blockers.trim())
    .map((c) => ({
      priorityTitle: priorityTitle.get(c.priorityId) ?? '',
      date: c.createdOn,
      text: c.blockers!.trim(),
    }));

  const nextPeriodPriorities = facts.priorities
    .filter((p) => p.status === 'active')
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({
      title: p.title,
      rank: p.rank,
      ownerName: p.ownerName,
      health: p.health,
      targetDate: p.targetDate,
      milestonesDue: facts.milestones
        .filter(
          (m) =>
            m.priorityId === p.id && OPEN.has(m.status) && m.dueDate >= nextPeriod.start && m.dueDate <= nextPeriod.end,
        )
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
        .map((m) => ({ title: m.title, dueDate: m.dueDate })),
    }));

  const drift = facts.driftTrend.filter((d) => inPeriod(d.date));
  // Overdue as of the period's end, or as of today when the period runs into the future.
  const asOf = period.end < facts.generatedOn ? period.end : facts.generatedOn;
  const openOverdue = facts.milestones.filter((m) => OPEN.has(m.status) && m.dueDate < asOf).length;
  const figures = {
    milestonesLanded: landed.length,
    landedOnTime: landed.filter((l) => l.daysLate <= 0).length,
    landedLate: landed.filter((l) => l.daysLate > 0).length,
    replans: slips.length,
    daysSlipped: slips.reduce((sum, s) => sum + s.days, 0),
    openOverdue,
    driftStart: drift.length ? drift[0]!.score : null,
    driftEnd: drift.length ? drift[drift.length - 1]!.score : null,
    averageConfidence: checkIns.length
      ? Math.round((checkIns.reduce((sum, c) => sum + c.confidence, 0) / checkIns.length) * 10) / 10
      : null,
  };

  return {
    title: `${facts.engagement.clientName} · ${facts.engagement.function} · ${period.start} to ${period.end}`,
    clientName: facts.engagement.clientName,
    executiveName: facts.engagement.executiveName,
    function: facts.engagement.function,
    period,
    nextPeriod,
    generatedOn: facts.generatedOn,
    headline: headline(figures),
    figures,
    landed,
    slips,
    driftTrend: drift,
    confidenceTrends,
    highlights,
    blockers,
    nextPeriodPriorities,
    pulse: reportPulse(facts.pulses ?? [], period),
  };
}

/** The period's pulse answers and the mean of the period of the same length before it. */
export function reportPulse(
  pulses: NonNullable<ReportFacts['pulses']>,
  period: { start: string; end: string },
): ReportPulse {
  const length = daysBetween(period.start, period.end) + 1;
  const previousStart = addDays(period.start, -length);
  const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
  const within = pulses.filter((p) => p.createdOn >= period.start && p.createdOn <= period.end);
  const before = pulses.filter((p) => p.createdOn >= previousStart && p.createdOn < period.start);
  return {
    answers: within.length,
    mean: mean(within.map((p) => p.score)),
    previousMean: mean(before.map((p) => p.score)),
    comments: within
      .filter((p) => p.comment && p.comment.trim())
      .map((p) => ({ date: p.createdOn, score: p.score, comment: p.comment!.trim() })),
  };
}

/** One sentence a client CEO reads first: what landed, what slipped, and what is still late. */
export function headline(f: ReportContent['figures']): string {
  const parts: string[] = [];
  if (f.milestonesLanded === 0) parts.push('No milestones landed this period');
  else {
    const onTime = f.landedOnTime === f.milestonesLanded ? 'all on time' : `${f.landedOnTime} on time`;
    parts.push(`${plural(f.milestonesLanded, 'milestone')} landed (${onTime})`);
  }
  if (f.replans > 0) parts.push(`${plural(f.replans, 're-plan')} moved dates by ${plural(f.daysSlipped, 'day')}`);
  else parts.push('no dates moved');
  if (f.openOverdue > 0) parts.push(`${f.openOverdue} still overdue at the end of the period`);
  return `${parts.join('; ')}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
