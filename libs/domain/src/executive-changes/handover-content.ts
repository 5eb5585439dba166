import { addDays, daysBetween } from '../health/calendar';

/** How far back the pack reads check-ins: the last 8 weeks, today included. */
export const HANDOVER_CHECK_IN_WEEKS = 8;

const OPEN_PRIORITY = new Set(['draft', 'active']);
const OPEN_MILESTONE = new Set(['planned', 'in_progress']);
const SEVERITY_ORDER: Record<string, number> = { critical: 0, warning: 1, info: 2 };

/** What a handover pack is made from: the engagement as it stands when the change is recorded. */
export interface HandoverFacts {
  generatedOn: string;
  change: { effectiveDate: string; reason: string; fromExecutiveName: string; toExecutiveName: string };
  engagement: { clientName: string; function: string; startDate: string };
  priorities: Array<{
    id: string;
    title: string;
    rank: number;
    status: string;
    ownerName: string;
    ownerTitle: string | null;
    targetDate: string;
    health: string;
    /** Oldest first. */
    confidenceTrend: Array<{ date: string; confidence: number }>;
  }>;
  milestones: Array<{
    id: string;
    priorityId: string;
    title: string;
    baselineDueDate: string;
    dueDate: string;
    status: string;
  }>;
  /** Every due-date change of the milestones, oldest first. */
  replans: Array<{
    milestoneId: string;
    changedOn: string;
    oldDueDate: string;
    newDueDate: string;
    reason: string;
    category: string;
  }>;
  /** The engagement's check-ins, oldest first. */
  checkIns: Array<{
    priorityId: string;
    createdOn: string;
    rag: string;
    confidence: number;
    note: string;
    blockers: string | null;
    authorName: string | null;
    acknowledged: boolean;
  }>;
  alerts: Array<{ rule: string; severity: string; message: string; firstSeenOn: string }>;
  /** Oldest first. */
  allocation: Array<{ effectiveDate: string; daysPerWeek: number; reason: string }>;
  /** The client's people: accountability owners and client viewers. */
  people: Array<{ name: string; title: string | null; email: string | null; kind: 'owner' | 'client_viewer' }>;
}

export interface HandoverReplan {
  changedOn: string;
  fromDate: string;
  toDate: string;
  days: number;
  reason: string;
  category: string;
}

export interface HandoverPack {
  title: string;
  clientName: string;
  function: string;
  fromExecutiveName: string;
  toExecutiveName: string;
  effectiveDate: string;
  reason: string;
  generatedOn: string;
  summary: {
    openPriorities: number;
    openMilestones: number;
    overdueMilestones: number;
    replans: number;
    checkInsLast8Weeks: number;
    blockers: number;
    unacknowledgedCheckIns: number;
    openAlerts: number;
  };
  priorities: Array<{
    title: string;
    rank: number;
    status: string;
    ownerName: string;
    ownerTitle: string | null;
    targetDate: string;
    health: string;
    confidenceTrend: Array<{ date: string; confidence: number }>;
    /** Last confidence minus the first of the trend (null with fewer than two check-ins). */
    confidenceChange: number | null;
    milestones: Array<{
      title: string;
      baselineDueDate: string;
      dueDate: string;
      status: string;
      /** Days between the baseline and the current due date (negative: earlier). */
      slipDays: number;
      overdue: boolean;
      replans: HandoverReplan[];
    }>;
  }>;
  /** The last 8 weeks of check-ins, newest first. */
  checkIns: Array<{
    priorityTitle: string;
    date: string;
    rag: string;
    confidence: number;
    note: string;
    blockers: string | null;
    authorName: string | null;
    acknowledged: boolean;
  }>;
  /** The blockers raised in those check-ins, newest first. */
  blockers: Array<{ priorityTitle: string; date: string; text: string }>;
  /** Every check-in the client has not acknowledged yet, oldest first, with its age in days. */
  unacknowledgedCheckIns: Array<{ priorityTitle: string; date: string; rag: string; note: string; ageDays: number }>;
  /** Open alerts, the most severe first. */
  openAlerts: Array<{ rule: string; severity: string; message: string; since: string }>;
  /** Commercial: omitted from what a client viewer is shown. */
  allocationHistory?: Array<{ effectiveDate: string; daysPerWeek: number; reason: string }>;
  people: Array<{ name: string; title: string | null; email: string | null; role: string; owns: string[] }>;
}

/**
 * The handover pack from its facts: what the incoming executive needs on day one. Open priorities (draft or active)
 * by rank with their owner, health and confidence trend, and their milestones with every re-plan and its reason;
 * the last 8 weeks of check-ins and their blockers; the check-ins the client has not acknowledged; open alerts; the
 * allocation history; the client's people and what each owns.
 */
export function buildHandoverPack(facts: HandoverFacts): HandoverPack {
  const today = facts.generatedOn;
  const priorityTitle = new Map(facts.priorities.map((p) => [p.id, p.title]));
  const open = facts.priorities.filter((p) => OPEN_PRIORITY.has(p.status)).sort((a, b) => a.rank - b.rank);
  const openIds = new Set(open.map((p) => p.id));

  const replansOf = new Map<string, HandoverReplan[]>();
  for (const r of facts.replans) {
    const list = replansOf.get(r.milestoneId) ?? [];
    list.push({
      changedOn: r.changedOn,
      fromDate: r.oldDueDate,
      toDate: r.newDueDate,
      days: daysBetween(r.oldDueDate, r.newDueDate),
      reason: r.reason,
      category: r.category,
    });
    replansOf.set(r.milestoneId, list);
  }
  const milestonesOf = (priorityId: string) =>
    facts.milestones
      .filter((m) => m.priorityId === priorityId && m.status !== 'cancelled')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title))
      .map((m) => ({
        title: m.title,
        baselineDueDate: m.baselineDueDate,
        dueDate: m.dueDate,
        status: m.status,
        slipDays: daysBetween(m.baselineDueDate, m.dueDate),
        overdue: OPEN_MILESTONE.has(m.status) && m.dueDate < today,
        replans: replansOf.get(m.id) ?? [],
      }));

  const priorities = open.map((p) => {
    const trend = p.confidenceTrend;
    return {
      title: p.title,
      rank: p.rank,
      status: p.status,
      ownerName: p.ownerName,
      ownerTitle: p.ownerTitle,
      targetDate: p.targetDate,
      health: p.health,
      confidenceTrend: trend,
      confidenceChange: trend.length >= 2 ? trend[trend.length - 1]!.confidence - trend[0]!.confidence : null,
      milestones: milestonesOf(p.id),
    };
  });
  const openMilestones = priorities.flatMap((p) => p.milestones).filter((m) => OPEN_MILESTONE.has(m.status));

  const since = addDays(today, -(HANDOVER_CHECK_IN_WEEKS * 7 - 1));
  const recent = facts.checkIns
    .filter((c) => c.createdOn >= since)
    .reverse()
    .map((c) => ({
      priorityTitle: priorityTitle.get(c.priorityId) ?? '',
      date: c.createdOn,
      rag: c.rag,
      confidence: c.confidence,
      note: c.note,
      blockers: c.blockers?.trim() ? c.blockers.trim() : null,
      authorName: c.authorName,
      acknowledged: c.acknowledged,
    }));
  const blockers = recent
    .filter((c) => c.blockers)
    .map((c) => ({ priorityTitle: c.priorityTitle, date: c.date, text: c.blockers! }));
  const unacknowledgedCheckIns = facts.checkIns
    .filter((c) => !c.acknowledged)
    .map((c) => ({
      priorityTitle: priorityTitle.get(c.priorityId) ?? '',
      date: c.createdOn,
      rag: c.rag,
      note: c.note,
      ageDays: daysBetween(c.createdOn, today),
    }));
  const openAlerts = [...facts.alerts]
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
        a.firstSeenOn.localeCompare(b.firstSeenOn),
    )
    .map((a) => ({ rule: a.rule, severity: a.severity, message: a.message, since: a.firstSeenOn }));

  const owns = (name: string) => open.filter((p) => p.ownerName === name).map((p) => p.title);
  const people = [...facts.people]
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'owner' ? -1 : 1))
    .map((person) => ({
      name: person.name,
      title: person.title,
      email: person.email,
      role: person.kind === 'owner' ? 'Accountability owner' : 'Client viewer',
      owns: person.kind === 'owner' ? owns(person.name) : [],
    }));

  return {
    title: `Handover · ${facts.engagement.clientName} · ${facts.engagement.function} · ${facts.change.fromExecutiveName} → ${facts.change.toExecutiveName}`,
    clientName: facts.engagement.clientName,
    function: facts.engagement.function,
    fromExecutiveName: facts.change.fromExecutiveName,
    toExecutiveName: facts.change.toExecutiveName,
    effectiveDate: facts.change.effectiveDate,
    reason: facts.change.reason,
    generatedOn: today,
    summary: {
      openPriorities: priorities.length,
      openMilestones: openMilestones.length,
      overdueMilestones: openMilestones.filter((m) => m.overdue).length,
      replans: priorities.reduce((n, p) => n + p.milestones.reduce((k, m) => k + m.replans.length, 0), 0),
      checkInsLast8Weeks: recent.length,
      blockers: blockers.length,
      unacknowledgedCheckIns: unacknowledgedCheckIns.length,
      openAlerts: openAlerts.length,
    },
    priorities,
    checkIns: recent,
    blockers,
    unacknowledgedCheckIns,
    openAlerts,
    allocationHistory: facts.allocation.map((a) => ({ ...a })),
    people,
  };
}

/** What a client viewer is shown: the pack without its commercial part (the allocation). */
export function handoverForClient(pack: HandoverPack): HandoverPack {
  const { allocationHistory: _commercial, ...rest } = pack;
  return rest;
}

/** One line for the notification and the engagement page. */
export function handoverHeadline(s: HandoverPack['summary']): string {
  return [
    `${s.openPriorities} open ${s.openPriorities === 1 ? 'priority' : 'priorities'}`,
    `${s.openMilestones} open milestone${s.openMilestones === 1 ? '' : 's'} (${s.overdueMilestones} overdue)`,
    `${s.unacknowledgedCheckIns} unacknowledged check-in${s.unacknowledgedCheckIns === 1 ? '' : 's'}`,
    `${s.openAlerts} open alert${s.openAlerts === 1 ? '' : 's'}`,
  ].join(', ');
}
