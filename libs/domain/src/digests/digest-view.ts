import type { Rag } from '../check-ins/check-in.entity';
import type { ComputedHealth } from '../health/health';
import type { ReplanCategory } from '../milestones/milestone.entity';
import type {
  DigestClientSummary,
  DigestContent,
  DisciplineFacts,
  DisciplineSummary,
  EngagementSection,
  ForecastMove,
  Trend,
} from './digest-content';
import { plural } from './digest-content';

/**
 * Turns digest content into display values for the templates (labels, colours, bar heights), so the
 * templates only place text and never decide anything.
 */

/** Chip colours dark enough for white text (WCAG AA) on light and dark backgrounds alike. */
const HEALTH_STYLE: Record<ComputedHealth | 'none', { label: string; colour: string }> = {
  on_track: { label: 'On track', colour: '#15803d' },
  at_risk: { label: 'At risk', colour: '#b45309' },
  off_track: { label: 'Off track', colour: '#b91c1c' },
  overdue: { label: 'Overdue', colour: '#7f1d1d' },
  achieved: { label: 'Achieved', colour: '#1d4ed8' },
  dropped: { label: 'Dropped', colour: '#4b5563' },
  none: { label: 'No active priorities', colour: '#4b5563' },
};
const RAG_LABEL: Record<Rag, string> = { on_track: 'green', at_risk: 'amber', off_track: 'red' };
const TREND_LABEL: Record<Trend, string> = { rising: '↑ rising', falling: '↓ falling', steady: '→ steady' };
/** Bars are at most this tall (px) for a score of 100. */
const BAR_MAX_PX = 32;
/** A portfolio shows this many engagement lines; the rest are counted and linked. */
export const PORTFOLIO_LINES = 25;

export interface DigestLinks {
  dashboard: string;
  preferences: string;
  unsubscribe: string;
}

export interface BarView {
  heightPx: number;
  colour: string;
  title: string;
}

export interface SectionView {
  label: string;
  link: string;
  healthLabel: string;
  healthColour: string;
  reported: string | null;
  disagreement: string | null;
  driftLine: string;
  bars: BarView[];
  /** The same eight weeks for the plain-text part: scores, "–" where there is none. */
  barsText: string;
  alertsLine: string | null;
  checkInLine: string | null;
  completed: string[];
  slipped: string[];
  replanned: string[];
  due: string[];
  /** "Kick-off workshop — likely by 2026-12-20 (was 2026-12-08): 12 days later" */
  forecastMoves: string[];
  /** The portfolio's one line on them: "Forecasts moved by more than a week: 2 milestones (1 later, 1 earlier)". */
  forecastMovesLine: string | null;
  overdueLine: string | null;
  quiet: boolean;
  /** Executives read what is due before what happened. */
  dueFirst: boolean;
}

/** The client summary heading a client viewer's digest, as lines (the summary screen's words). */
export interface ClientSummaryBlockView {
  label: string;
  link: string;
  headline: string;
  healthLabel: string;
  healthColour: string;
  asks: string[];
  done: string[];
  due: string[];
  risks: string[];
  doneTitle: string;
}

export interface DigestView {
  subject: string;
  headline: string;
  preheader: string;
  title: string;
  greeting: string;
  intro: string;
  stats: Array<{ value: string; label: string }>;
  portfolio: boolean;
  dueFirst: boolean;
  sections: SectionView[];
  moreLine: string | null;
  /** The account manager's check-in discipline: one line, and who needs a nudge. */
  discipline: { line: string; people: string[] } | null;
  /** The client viewer's digest starts with these; empty for the other roles. */
  clientSummaries: ClientSummaryBlockView[];
  links: DigestLinks;
  footer: string;
}

const TITLES: Record<DigestContent['kind'], string> = {
  portfolio: 'Your portfolio this week',
  your_engagement: 'Your engagement this week',
  due_and_slipped: 'What is due and what slipped',
};
const INTROS: Record<DigestContent['kind'], string> = {
  portfolio: 'Here is how your portfolio moved this week, worst-drifting engagements first.',
  your_engagement: 'Here is where your engagement stands this week.',
  due_and_slipped: 'Here is what is due in the next two weeks and what slipped in the last one.',
};

export function digestView(content: DigestContent, links: DigestLinks): DigestView {
  const portfolio = content.kind === 'portfolio';
  const shown = portfolio ? content.sections.slice(0, PORTFOLIO_LINES) : content.sections;
  const t = content.totals;
  const stats = [
    { value: String(t.engagements), label: t.engagements === 1 ? 'engagement' : 'engagements' },
    { value: String(t.prioritiesOffTrack), label: 'off track' },
    { value: String(t.dueNext14Days), label: 'due in 14 days' },
    { value: String(t.slipped + t.replanned), label: 'slipped' },
    { value: String(t.openAlerts.total), label: t.openAlerts.total === 1 ? 'open alert' : 'open alerts' },
  ];
  const name = oneLine(content.recipientName, 80);
  return {
    subject: oneLine(content.subject, 200),
    headline: content.headline,
    preheader: oneLine(`${content.headline}. ${stats.map((s) => `${s.value} ${s.label}`).join(' · ')}`, 140),
    title: `${TITLES[content.kind]} — week ${content.weekNumber}`,
    greeting: name ? `Hi ${name},` : 'Hello,',
    intro: INTROS[content.kind],
    stats,
    portfolio,
    dueFirst: content.kind === 'due_and_slipped',
    sections: shown.map((s) => sectionView(s, content.kind === 'due_and_slipped')),
    moreLine:
      content.sections.length > shown.length
        ? `${plural(content.sections.length - shown.length, 'more engagement')} in your portfolio on the dashboard.`
        : null,
    discipline: disciplineView(content.discipline),
    clientSummaries: content.clientSummaries.map(clientSummaryBlockView),
    links,
    footer: 'You get this weekly digest from Throughline. Change the day, hour and timezone in your digest settings.',
  };
}

function sectionView(s: EngagementSection, dueFirst: boolean): SectionView {
  const health = HEALTH_STYLE[s.headline ?? 'none'];
  const priorities = s.activePriorities
    ? [
        s.prioritiesOffTrack ? `${s.prioritiesOffTrack} off track` : null,
        s.prioritiesAtRisk ? `${s.prioritiesAtRisk} at risk` : null,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    label: s.label,
    link: s.link,
    healthLabel: `${health.label}${priorities ? ` (${priorities})` : ''}`,
    healthColour: health.colour,
    reported: s.reportedRag ? `Reported ${RAG_LABEL[s.reportedRag]}` : null,
    // The dashboard's line, word for word: "Reported on track; computed at risk: 1 milestone 25 days overdue".
    disagreement: s.healthNote ? oneLine(s.healthNote.charAt(0).toUpperCase() + s.healthNote.slice(1), 300) : null,
    driftLine: driftLine(s.drift.score, s.drift.change),
    bars: s.drift.bars.map((b) => barView(b.score, b.weekEnding)),
    barsText: s.drift.bars.map((b) => (b.score === null ? '–' : String(b.score))).join(' '),
    alertsLine: s.openAlerts.total
      ? `Open alerts: ${(['critical', 'warning', 'info'] as const)
          .filter((sev) => s.openAlerts[sev])
          .map((sev) => `${s.openAlerts[sev]} ${sev}`)
          .join(', ')}`
      : null,
    checkInLine: s.latestCheckIn
      ? `Latest check-in ${s.latestCheckIn.createdOn} on “${oneLine(s.latestCheckIn.priorityTitle, 80)}”: ${RAG_LABEL[s.latestCheckIn.rag]}, confidence ${s.latestCheckIn.confidence}/10${s.latestCheckIn.trend ? ` (${TREND_LABEL[s.latestCheckIn.trend]}${s.latestCheckIn.previousConfidence !== null ? ` from ${s.latestCheckIn.previousConfidence}` : ''})` : ''}`
      : null,
    completed: s.completed.map(
      (m) =>
        `${oneLine(m.title, 120)} — done ${m.completedOn}${m.completedOn > m.dueDate ? ` (due ${m.dueDate})` : ''}`,
    ),
    slipped: s.slipped.map(
      (m) => `${oneLine(m.title, 120)} — due ${m.dueDate}, ${plural(m.daysOverdue, 'day')} overdue`,
    ),
    replanned: s.replanned.map(
      (r) =>
        `${oneLine(r.title, 120)} — moved ${r.oldDueDate} → ${r.newDueDate} (${REPLAN_CAUSE[r.category]}): ${oneLine(r.reason, 200)}`,
    ),
    due: s.dueNext14Days.map((m) => `${m.dueDate} — ${oneLine(m.title, 120)} (${oneLine(m.priorityTitle, 80)})`),
    forecastMoves: s.forecastMoves.map(forecastMoveLine),
    forecastMovesLine: forecastMovesLine(s.forecastMoves),
    overdueLine: s.overdue ? `${plural(s.overdue, 'milestone')} overdue in total` : null,
    quiet: s.quiet,
    dueFirst,
  };
}

/** One moved forecast: where the milestone is now likely to land by (its P80), where it was, and by how much. */
export function forecastMoveLine(m: ForecastMove): string {
  return `${oneLine(m.title, 120)} (${oneLine(m.priorityTitle, 80)}) — likely by ${m.p80}, was ${m.previousP80}: ${plural(Math.abs(m.days), 'day')} ${m.days > 0 ? 'later' : 'earlier'}`;
}

export function forecastMovesLine(moves: readonly ForecastMove[]): string | null {
  if (moves.length === 0) return null;
  const later = moves.filter((m) => m.days > 0).length;
  const earlier = moves.length - later;
  const split = [later ? `${later} later` : null, earlier ? `${earlier} earlier` : null].filter(Boolean).join(', ');
  return `Forecasts moved by more than a week: ${plural(moves.length, 'milestone')} (${split})`;
}

function driftLine(score: number | null, change: number | null): string {
  if (score === null) return 'Drift: no score yet';
  if (change === null) return `Drift ${score}/100`;
  const direction =
    change > 0
      ? `▲ ${change} worse than last week`
      : change < 0
        ? `▼ ${-change} better than last week`
        : 'unchanged since last week';
  return `Drift ${score}/100, ${direction}`;
}

export function barView(score: number | null, weekEnding: string): BarView {
  if (score === null) return { heightPx: 2, colour: '#d1d5db', title: `week ending ${weekEnding}: no score` };
  const height = Math.max(2, Math.round((Math.min(100, Math.max(0, score)) / 100) * BAR_MAX_PX));
  const colour = score >= 50 ? '#b91c1c' : score >= 25 ? '#d97706' : '#15803d';
  return { heightPx: height, colour, title: `week ending ${weekEnding}: drift ${score}` };
}

/** One line of text: no control characters (headers, table cells), bounded length. */
export function oneLine(value: string, maxLength: number): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** How a digest names a re-plan's cause: the client's and the allocation's apart from the executive's own. */
const REPLAN_CAUSE: Record<ReplanCategory, string> = {
  client: 'caused by the client',
  allocation: 'caused by the allocation',
  executive: "the executive's own",
  dependency: 'a dependency',
  scope: 'scope change',
};

/** People listed by name in the discipline block; the rest are counted. */
export const DISCIPLINE_LINES = 10;

const DISCIPLINE_KIND: Record<DisciplineFacts['kind'], string> = { executive: 'executive', owner: 'owner' };

/** "Check-ins due in the last 12 weeks: 30 on time, 4 late, 2 missed (83% on time)." and one line per person. */
export function disciplineView(summary: DisciplineSummary | null): DigestView['discipline'] {
  if (!summary) return null;
  const people = summary.needingNudge.slice(0, DISCIPLINE_LINES).map((p) => {
    const parts = [p.missed ? `${p.missed} missed` : null, p.late ? `${p.late} late` : null].filter(Boolean);
    return `${oneLine(p.name, 80)} (${DISCIPLINE_KIND[p.kind]}): ${parts.join(', ')}, ${p.onTime} on time`;
  });
  const rest = summary.needingNudge.length - people.length;
  if (rest > 0) people.push(`${plural(rest, 'more person', 'more people')} on the dashboard`);
  return {
    line: `Check-ins due in the last ${summary.weeks} weeks: ${summary.onTime} on time, ${summary.late} late, ${summary.missed} missed (${summary.onTimePercent}% on time).`,
    people,
  };
}

/** Lines per list of a client summary block; the rest are counted and left to the dashboard. */
export const CLIENT_SUMMARY_LINES = 10;

const SEVERITY_LABEL = { critical: 'Critical', warning: 'Warning', info: 'Note' } as const;

/**
 * One engagement's client summary as the digest shows it (pure): what we need from the client first, then what was
 * done, what is due and the risks, in the words of the summary screen.
 */
export function clientSummaryBlockView(s: DigestClientSummary): ClientSummaryBlockView {
  const health = HEALTH_STYLE[s.health ?? 'none'];
  return {
    label: s.label,
    link: s.link,
    headline: oneLine(s.headline, 300),
    healthLabel: health.label,
    healthColour: health.colour,
    asks: capped(
      s.asks.map(
        (a) =>
          `${oneLine(a.text, 200)} (${oneLine(a.priorityTitle, 80)}${a.askedBy ? `, asked by ${oneLine(a.askedBy, 80)}` : ''})`,
      ),
    ),
    done: capped(s.done.map((m) => `${oneLine(m.title, 120)} (${oneLine(m.priorityTitle, 80)}) — done ${m.doneOn}`)),
    due: capped(
      s.dueSoon.map(
        (m) =>
          `${m.dueDate} — ${oneLine(m.title, 120)} (${oneLine(m.priorityTitle, 80)})${m.overdue ? ', overdue' : ''}`,
      ),
    ),
    risks: capped(s.risks.map((r) => `${SEVERITY_LABEL[r.severity]}: ${oneLine(r.text, 200)} (since ${r.since})`)),
    doneTitle: `Done since ${s.periodStart}`,
  };
}

function capped(lines: string[]): string[] {
  if (lines.length <= CLIENT_SUMMARY_LINES) return lines;
  return [...lines.slice(0, CLIENT_SUMMARY_LINES), `${lines.length - CLIENT_SUMMARY_LINES} more on the dashboard`];
}
