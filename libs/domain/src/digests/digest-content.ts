import type { Rag } from '../check-ins/check-in.entity';
import type { ClientSummaryView } from '../client-summary/client-summary.dto';
import { addDays, daysFrom } from './digest-dates';
import { expectedProgress, type ComputedHealth, type HealthThresholds } from '../health/health';
import { engagementHealthStory } from '../health/headline';
import { ragDisagrees } from '../portfolio/engagement-health';
import type { Severity } from '../drift/drift-types';
import { EXTERNAL_REPLAN_CATEGORIES, type ReplanCategory } from '../milestones/milestone.entity';
import type { Role } from '../users/user.entity';
import type { AdminDigestKind, DigestKind } from './digest.entity';
import { weekNumberOf } from './digest-schedule';
import { forecastMoved } from '../forecast/forecaster';

/**
 * The content of one weekly digest, built by pure functions from rows already loaded and already limited
 * to what the recipient may see (DigestFactsRepository applies the access rules). Dates are YYYY-MM-DD.
 * "This week" is the seven days before the digest's day: [today − 7, today).
 */

export interface DigestPriorityFacts {
  id: string;
  title: string;
  startDate: string;
  targetDate: string;
  progress: number;
  latestRag: Rag | null;
  /** Due date of the earliest open milestone, null when none is open (computed health counts overdue ones). */
  oldestOpenDueDate: string | null;
}

export interface DigestMilestone {
  title: string;
  priorityTitle: string;
  dueDate: string;
}

export interface CompletedMilestone extends DigestMilestone {
  completedOn: string;
}

export interface ReplannedMilestone {
  title: string;
  priorityTitle: string;
  oldDueDate: string;
  newDueDate: string;
  reason: string;
  /** The cause: client- and allocation-caused re-plans are told apart from the executive's own. */
  category: ReplanCategory;
  changedOn: string;
}

/**
 * A landing-date forecast that moved by more than a week (migrations/1766900000000-ForecastMoves.ts): the open
 * milestone's P80 before the move and now.
 */
export interface ForecastMoveFacts {
  title: string;
  priorityTitle: string;
  /** The P80 before the latest move. */
  previousP80: string;
  /** The P80 now. */
  p80: string;
  /** The day the scan saw the move (the recipient's calendar). */
  movedOn: string;
}

export interface CheckInFacts {
  priorityTitle: string;
  createdOn: string;
  rag: Rag;
  confidence: number;
  /** The confidence of the check-in before it on the same priority. */
  previousConfidence: number | null;
}

/** Everything about one engagement a digest may say, for the recipient's "today". */
export interface DigestEngagementFacts {
  engagementId: string;
  clientName: string;
  function: string;
  executiveName: string;
  priorities: DigestPriorityFacts[];
  /** Daily drift snapshots of the last eight weeks or so, any order. */
  driftSnapshots: Array<{ date: string; score: number }>;
  /** Completed on a day of [today − 7, today). */
  completed: CompletedMilestone[];
  /** Due-date changes made in [today − 7, today). */
  replanned: ReplannedMilestone[];
  /** Open milestones due before today + 14 (overdue ones included). */
  open: DigestMilestone[];
  /** Forecasts of open milestones that moved in [today − 7, today). */
  forecastMoves: ForecastMoveFacts[];
  openAlerts: Record<Severity, number>;
  latestCheckIn: CheckInFacts | null;
}

export interface DigestRecipient {
  name: string;
  role: Role;
  /** Admins choose; null means the default (portfolio). */
  adminKind: AdminDigestKind | null;
}

/** One executive's or owner's check-ins over the discipline period (CheckInLoopRepository.discipline). */
export interface DisciplineFacts {
  kind: 'executive' | 'owner';
  name: string;
  onTime: number;
  late: number;
  missed: number;
}

/** The account manager's check-in discipline block: totals, and who needs a nudge (worst first). */
export interface DisciplineSummary {
  weeks: number;
  onTime: number;
  late: number;
  missed: number;
  /** Whole percent of the due check-ins that came by their day. */
  onTimePercent: number;
  /** Those with a late or missed check-in: most missed first, then most late, then by name. */
  needingNudge: DisciplineFacts[];
}

export interface DigestInput {
  recipient: DigestRecipient;
  isoWeek: string;
  /** The recipient's local date when the digest is composed. */
  today: string;
  thresholds: HealthThresholds;
  engagements: DigestEngagementFacts[];
  publicUrl: string;
  /** Check-in discipline of the recipient's engagements (the account manager's digest); absent for the others. */
  discipline?: { weeks: number; rows: DisciplineFacts[] } | null;
  /**
   * The client executive's summary of each engagement (composeClientSummary, the client viewer's home): it heads the
   * client viewer's digest. Absent for the other roles.
   */
  clientSummaries?: readonly ClientSummaryView[] | null;
}

/**
 * The client summary heading a client viewer's digest: the summary screen's content, word for word (headline
 * sentence, done since the last period, due in the next 30 days, risks, asks), and nothing internal.
 */
export interface DigestClientSummary {
  engagementId: string;
  label: string;
  link: string;
  headline: string;
  health: ClientSummaryView['health'];
  periodStart: string;
  done: ClientSummaryView['done'];
  dueSoon: ClientSummaryView['dueSoon'];
  risks: ClientSummaryView['risks'];
  asks: ClientSummaryView['asks'];
}

export type Trend = 'rising' | 'falling' | 'steady';

export interface DriftBar {
  /** The last day of the week the bar stands for. */
  weekEnding: string;
  score: number | null;
}

export interface EngagementSection {
  engagementId: string;
  clientName: string;
  label: string;
  link: string;
  /** The engagement in one word, as the dashboard says it (engagementHealthStory). */
  headline: ComputedHealth | null;
  health: ComputedHealth | null;
  reportedRag: Rag | null;
  ragDisagrees: boolean;
  /** "reported on track; computed at risk: 1 milestone 25 days overdue" when the two differ. */
  healthNote: string | null;
  prioritiesOffTrack: number;
  prioritiesAtRisk: number;
  activePriorities: number;
  drift: { score: number | null; change: number | null; bars: DriftBar[] };
  completed: CompletedMilestone[];
  /** Became overdue this week. */
  slipped: Array<DigestMilestone & { daysOverdue: number }>;
  replanned: ReplannedMilestone[];
  dueNext14Days: DigestMilestone[];
  /** Landing-date forecasts that moved by more than a week this week, the biggest move first (forecastMovesOf). */
  forecastMoves: ForecastMove[];
  overdue: number;
  openAlerts: Record<Severity, number> & { total: number };
  latestCheckIn: (CheckInFacts & { trend: Trend | null }) | null;
  /** Nothing happened and nothing is coming: no line worth reading. */
  quiet: boolean;
}

export interface DigestTotals {
  engagements: number;
  prioritiesOffTrack: number;
  prioritiesAtRisk: number;
  completed: number;
  slipped: number;
  replanned: number;
  /** Of `replanned`, those the client or the allocation caused (not the executive's own slips). */
  replannedByClientOrAllocation: number;
  dueNext14Days: number;
  /** Forecasts that moved by more than a week this week. */
  forecastMoves: number;
  overdue: number;
  openAlerts: Record<Severity, number> & { total: number };
  /** Engagements whose drift score rose since last week. */
  drifting: number;
}

export interface DigestContent {
  kind: DigestKind;
  isoWeek: string;
  weekNumber: number;
  today: string;
  recipientName: string;
  headline: string;
  subject: string;
  totals: DigestTotals;
  /** In the order the digest shows them (portfolio: worst-drifting first). */
  sections: EngagementSection[];
  /** Nothing to report: skipped when the recipient asked for that. */
  empty: boolean;
  /** Check-in discipline over the last weeks (account managers); null when not asked for or nothing was due. */
  discipline: DisciplineSummary | null;
  /** The client viewer's digest starts with these, one per engagement, by label; empty for the other roles. */
  clientSummaries: DigestClientSummary[];
}

export interface ForecastMove extends ForecastMoveFacts {
  /** Days from the previous P80 to the current one: positive later, negative earlier. */
  days: number;
}

/**
 * The forecast moves a digest mentions: those seen this week ([today − 7, today)) whose P80 now is still more than a
 * week (FORECAST_MOVE_DAYS) from the P80 before the move — a forecast that moved and came back is not news. The
 * biggest move first (either way), then by title. Pure; worked examples in digest-content.spec.ts.
 */
export function forecastMovesOf(moves: readonly ForecastMoveFacts[], today: string): ForecastMove[] {
  const weekAgo = addDays(today, -7);
  return moves
    .filter((m) => m.movedOn >= weekAgo && m.movedOn < today && forecastMoved(m.previousP80, m.p80))
    .map((m) => ({ ...m, days: daysFrom(m.previousP80, m.p80) }))
    .sort((a, b) => Math.abs(b.days) - Math.abs(a.days) || a.title.localeCompare(b.title));
}

export function digestKindFor(recipient: DigestRecipient): DigestKind {
  switch (recipient.role) {
    case 'account_manager':
      return 'portfolio';
    case 'client_viewer':
      return 'your_engagement';
    case 'executive':
      return 'due_and_slipped';
    case 'admin':
      return recipient.adminKind ?? 'portfolio';
  }
}

export function buildDigest(input: DigestInput): DigestContent {
  const kind = digestKindFor(input.recipient);
  // A copy: the sections may be shared with other digests (buildSection), the order is this digest's.
  const sections = input.engagements.map((e) => buildSection(e, input));
  orderSections(kind, sections);
  const totals = totalsOf(sections);
  const weekNumber = weekNumberOf(input.isoWeek);
  const clientSummaries = (input.clientSummaries ?? [])
    .map((s) => digestClientSummary(s, input.publicUrl))
    .sort((a, b) => a.label.localeCompare(b.label));
  // One engagement: its summary's headline sentence is the digest's, as on the client's home.
  const headline = clientSummaries.length === 1 ? clientSummaries[0].headline : headlineOf(kind, sections, totals);
  return {
    kind,
    isoWeek: input.isoWeek,
    weekNumber,
    today: input.today,
    recipientName: input.recipient.name,
    headline,
    subject: `${headline} — week ${weekNumber}`,
    totals,
    sections,
    // An ask waits on the client: never an empty digest while one is open.
    empty: sections.every((s) => s.quiet) && clientSummaries.every((s) => s.asks.length === 0),
    discipline: input.discipline ? disciplineSummary(input.discipline.weeks, input.discipline.rows) : null,
    clientSummaries,
  };
}

/** One engagement's client summary as the digest carries it (pure): the same lists, and a link to the engagement. */
export function digestClientSummary(summary: ClientSummaryView, publicUrl: string): DigestClientSummary {
  const e = summary.engagement;
  return {
    engagementId: e.id,
    label: `${e.clientName} — ${e.function} (${e.executiveName})`,
    link: `${publicUrl}/engagements/${e.id}`,
    headline: summary.headline,
    health: summary.health,
    periodStart: summary.periodStart,
    done: summary.done,
    dueSoon: summary.dueSoon,
    risks: summary.risks,
    asks: summary.asks,
  };
}

/** Totals and who needs a nudge (pure); null when no check-in was due in the period. */
export function disciplineSummary(weeks: number, rows: readonly DisciplineFacts[]): DisciplineSummary | null {
  const onTime = rows.reduce((n, r) => n + r.onTime, 0);
  const late = rows.reduce((n, r) => n + r.late, 0);
  const missed = rows.reduce((n, r) => n + r.missed, 0);
  const due = onTime + late + missed;
  if (due === 0) return null;
  return {
    weeks,
    onTime,
    late,
    missed,
    onTimePercent: Math.round((onTime / due) * 100),
    needingNudge: rows
      .filter((r) => r.late + r.missed > 0)
      .sort((a, b) => b.missed - a.missed || b.late - a.late || a.name.localeCompare(b.name)),
  };
}

/**
 * Sections depend only on the engagement's facts and the day: many recipients of one dispatch share the
 * same facts objects (DigestFactsRepository), so each section is built once per facts object and day.
 */
const sectionMemo = new WeakMap<DigestEngagementFacts, Map<string, EngagementSection>>();

export function buildSection(
  e: DigestEngagementFacts,
  input: Pick<DigestInput, 'today' | 'thresholds' | 'publicUrl'>,
): EngagementSection {
  const key = `${input.today}|${input.thresholds.healthAtRiskBelow}|${input.thresholds.healthOffTrackBelow}|${input.thresholds.overdueAtRiskDays}|${input.publicUrl}`;
  let memo = sectionMemo.get(e);
  if (!memo) sectionMemo.set(e, (memo = new Map()));
  let section = memo.get(key);
  if (!section) memo.set(key, (section = computeSection(e, input)));
  return section;
}

function computeSection(
  e: DigestEngagementFacts,
  input: Pick<DigestInput, 'today' | 'thresholds' | 'publicUrl'>,
): EngagementSection {
  const { today } = input;
  const story = engagementHealthStory(
    e.priorities.map((p) => ({
      title: p.title,
      status: 'active' as const,
      progress: p.progress,
      expected: expectedProgress(p.startDate, p.targetDate, today),
      targetDate: p.targetDate,
      reportedRag: p.latestRag,
      oldestOpenDueDate: p.oldestOpenDueDate,
      overdueMilestones: e.open.filter((m) => m.priorityTitle === p.title && m.dueDate < today).length,
    })),
    today,
    input.thresholds,
  );
  // Counted by each priority's headline, so the subject and the section tell the dashboard's story.
  const healths = story.priorities.map((p) => p.headline);
  const health = story.computed;
  const reportedRag = story.reported;
  const weekAgo = addDays(today, -7);
  const slipped = e.open
    .filter((m) => m.dueDate < today && m.dueDate >= addDays(weekAgo, -1))
    .map((m) => ({ ...m, daysOverdue: daysFrom(m.dueDate, today) }));
  const dueNext14Days = e.open.filter((m) => m.dueDate >= today && m.dueDate < addDays(today, 14)).sort(byDueDate);
  const forecastMoves = forecastMovesOf(e.forecastMoves, today);
  const openAlerts = { ...e.openAlerts, total: e.openAlerts.info + e.openAlerts.warning + e.openAlerts.critical };
  const drift = driftOf(e.driftSnapshots, today);
  const checkIn = e.latestCheckIn;
  const latestCheckIn = checkIn ? { ...checkIn, trend: trendOf(checkIn.previousConfidence, checkIn.confidence) } : null;
  const checkedInThisWeek = !!checkIn && checkIn.createdOn >= weekAgo && checkIn.createdOn < today;
  const quiet =
    e.completed.length === 0 &&
    slipped.length === 0 &&
    e.replanned.length === 0 &&
    dueNext14Days.length === 0 &&
    forecastMoves.length === 0 &&
    openAlerts.total === 0 &&
    !checkedInThisWeek &&
    !drift.change;
  return {
    engagementId: e.engagementId,
    clientName: e.clientName,
    label: `${e.clientName} — ${e.function} (${e.executiveName})`,
    link: `${input.publicUrl}/engagements/${e.engagementId}`,
    headline: story.headline,
    health,
    reportedRag,
    ragDisagrees: ragDisagrees(reportedRag, health),
    healthNote: story.note,
    prioritiesOffTrack: healths.filter((h) => h === 'off_track' || h === 'overdue').length,
    prioritiesAtRisk: healths.filter((h) => h === 'at_risk').length,
    activePriorities: e.priorities.length,
    drift,
    completed: [...e.completed].sort((a, b) =>
      a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0,
    ),
    slipped: slipped.sort(byDueDate),
    replanned: [...e.replanned].sort((a, b) => (a.changedOn < b.changedOn ? -1 : a.changedOn > b.changedOn ? 1 : 0)),
    dueNext14Days,
    forecastMoves,
    overdue: e.open.filter((m) => m.dueDate < today).length,
    openAlerts,
    latestCheckIn,
    quiet,
  };
}

/**
 * Eight weekly bars, oldest first: each is the last snapshot within its week (weeks end the day before
 * `today`, `today` itself counts for the newest). The score is today's latest snapshot; the change is
 * against the last snapshot at least seven days older.
 */
export function driftOf(
  snapshots: ReadonlyArray<{ date: string; score: number }>,
  today: string,
): EngagementSection['drift'] {
  const sorted = snapshots
    .filter((s) => s.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latestOnOrBefore = (date: string, after: string) =>
    [...sorted].reverse().find((s) => s.date <= date && s.date > after) ?? null;
  const bars: DriftBar[] = [];
  for (let week = 7; week >= 0; week -= 1) {
    const end = addDays(today, -7 * week);
    bars.push({ weekEnding: end, score: latestOnOrBefore(end, addDays(end, -7))?.score ?? null });
  }
  const current = sorted.length ? sorted[sorted.length - 1] : null;
  const previous = current ? latestOnOrBefore(addDays(current.date, -7), '0000-00-00') : null;
  return { score: current?.score ?? null, change: current && previous ? current.score - previous.score : null, bars };
}

export function trendOf(previous: number | null, latest: number): Trend | null {
  if (previous === null) return null;
  return latest > previous ? 'rising' : latest < previous ? 'falling' : 'steady';
}

function orderSections(kind: DigestKind, sections: EngagementSection[]): void {
  const byClient = (a: EngagementSection, b: EngagementSection) => a.label.localeCompare(b.label);
  if (kind === 'portfolio') {
    // Worst-drifting first: the highest score, then the biggest rise; engagements without a score last.
    sections.sort(
      (a, b) =>
        (b.drift.score ?? -1) - (a.drift.score ?? -1) ||
        (b.drift.change ?? 0) - (a.drift.change ?? 0) ||
        byClient(a, b),
    );
  } else if (kind === 'due_and_slipped') {
    sections.sort(
      (a, b) =>
        b.slipped.length + b.overdue - (a.slipped.length + a.overdue) ||
        b.dueNext14Days.length - a.dueNext14Days.length ||
        byClient(a, b),
    );
  } else {
    sections.sort(byClient);
  }
}

function totalsOf(sections: EngagementSection[]): DigestTotals {
  const sum = (pick: (s: EngagementSection) => number) => sections.reduce((n, s) => n + pick(s), 0);
  return {
    engagements: sections.length,
    prioritiesOffTrack: sum((s) => s.prioritiesOffTrack),
    prioritiesAtRisk: sum((s) => s.prioritiesAtRisk),
    completed: sum((s) => s.completed.length),
    slipped: sum((s) => s.slipped.length),
    replanned: sum((s) => s.replanned.length),
    replannedByClientOrAllocation: sum(
      (s) => s.replanned.filter((r) => EXTERNAL_REPLAN_CATEGORIES.includes(r.category)).length,
    ),
    dueNext14Days: sum((s) => s.dueNext14Days.length),
    forecastMoves: sum((s) => s.forecastMoves.length),
    overdue: sum((s) => s.overdue),
    openAlerts: {
      info: sum((s) => s.openAlerts.info),
      warning: sum((s) => s.openAlerts.warning),
      critical: sum((s) => s.openAlerts.critical),
      total: sum((s) => s.openAlerts.total),
    },
    drifting: sections.filter((s) => (s.drift.change ?? 0) > 0).length,
  };
}

/** The one line the subject leads with: the most important thing this recipient should know. */
function headlineOf(kind: DigestKind, sections: EngagementSection[], totals: DigestTotals): string {
  if (sections.length === 0) return 'No active engagements to report';
  const offTrackAt = clientList(sections.filter((s) => s.prioritiesOffTrack > 0).map((s) => s.clientName));
  if (kind === 'due_and_slipped') {
    const parts = [];
    if (totals.dueNext14Days) parts.push(`${plural(totals.dueNext14Days, 'milestone')} due`);
    if (totals.slipped + totals.replanned) parts.push(`${totals.slipped + totals.replanned} slipped`);
    if (totals.overdue) parts.push(`${totals.overdue} overdue`);
    return parts.length ? capitalize(parts.join(', ')) : 'Nothing due and nothing slipped';
  }
  if (totals.prioritiesOffTrack)
    return `${plural(totals.prioritiesOffTrack, 'priority', 'priorities')} off track at ${offTrackAt}`;
  const atRiskAt = clientList(sections.filter((s) => s.prioritiesAtRisk > 0).map((s) => s.clientName));
  if (totals.prioritiesAtRisk)
    return `${plural(totals.prioritiesAtRisk, 'priority', 'priorities')} at risk at ${atRiskAt}`;
  if (kind === 'portfolio' && totals.drifting)
    return `${plural(totals.drifting, 'engagement')} drifting, all priorities on track`;
  const clients = clientList(sections.map((s) => s.clientName));
  return kind === 'your_engagement'
    ? `${clients}: on track`
    : `All ${plural(totals.engagements, 'engagement')} on track`;
}

function clientList(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 2) return unique.join(' and ');
  return `${unique[0]}, ${unique[1]} and ${unique.length - 2} more`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byDueDate(a: DigestMilestone, b: DigestMilestone): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.title.localeCompare(b.title);
}
