import { daysBetween } from './calendar';
import {
  computedHealth,
  milestoneDaysOverdue,
  overdueMilestoneHealth,
  type ComputedHealth,
  type HealthThresholds,
} from './health';

/**
 * One health story (DESIGN.md §3, README "One health story"). Every place that says how an engagement or a
 * priority is doing — dashboard, client view, digests, alert emails — takes its word from these two functions.
 *
 * - A priority's headline is the worse of its computed health and its latest reported RAG: the numbers cannot
 *   talk a worried executive into "on track", and a cheerful report cannot hide an overdue milestone.
 *   Achieved and dropped priorities are their outcome.
 * - An engagement's headline is the worst headline among its active priorities; null with none active.
 * - When reported and computed differ, both are kept and one line says why:
 *   "reported on track; computed at risk: 1 milestone 25 days overdue".
 */

export type ReportedRag = 'on_track' | 'at_risk' | 'off_track';
/** The one word: an outcome for a finished priority, otherwise the worse of computed and reported. */
export type Headline = ComputedHealth;

export interface PriorityHealthFacts {
  title: string;
  status: 'draft' | 'active' | 'achieved' | 'dropped';
  progress: number;
  expected: number;
  targetDate: string;
  /** The latest check-in's RAG, null before the first one. */
  reportedRag: ReportedRag | null;
  /** Due date of the earliest open milestone, null when none is open. */
  oldestOpenDueDate: string | null;
  /** Open milestones whose due date has passed. */
  overdueMilestones: number;
}

export interface HealthStory {
  headline: Headline | null;
  computed: ComputedHealth | null;
  reported: ReportedRag | null;
  /** "reported on track; computed at risk: 1 milestone 25 days overdue"; null when both agree (or one is missing). */
  note: string | null;
}

export interface PriorityHealthStory extends HealthStory {
  headline: Headline;
  computed: ComputedHealth;
  /** Why the numbers say what they say ("1 milestone 25 days overdue", "30% done, 60% expected by today"). */
  reason: string | null;
}

const LEVEL: Record<ComputedHealth, number> = {
  achieved: -1,
  dropped: -1,
  on_track: 0,
  at_risk: 1,
  off_track: 2,
  overdue: 3,
};
/** Overdue is red, like off track, when compared with what people report. */
const TONE_LEVEL = (h: ComputedHealth | ReportedRag) => Math.min(LEVEL[h], 2);

const WORDS: Record<ComputedHealth, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  overdue: 'overdue',
  achieved: 'achieved',
  dropped: 'dropped',
};

/** The status in words, lower case ("at risk"); capitalise for a label. */
export function healthWords(h: ComputedHealth | ReportedRag): string {
  return WORDS[h];
}

export function priorityHealthStory(
  p: PriorityHealthFacts,
  today: string,
  thresholds: HealthThresholds,
): PriorityHealthStory {
  const computed = computedHealth(
    {
      progress: p.progress,
      expected: p.expected,
      targetDate: p.targetDate,
      today,
      status: p.status,
      oldestOpenDueDate: p.oldestOpenDueDate,
    },
    thresholds,
  );
  const reported = p.reportedRag;
  if (computed === 'achieved' || computed === 'dropped')
    return { headline: computed, computed, reported, note: null, reason: null };
  const headline = reported && LEVEL[reported] > TONE_LEVEL(computed) ? reported : computed;
  const reason = reasonFor(computed, p, today, thresholds);
  return { headline, computed, reported, note: noteFor(reported, computed, reason), reason };
}

/** The engagement's story from its priorities' facts: the worst active priority speaks for it. */
export function engagementHealthStory(
  priorities: readonly PriorityHealthFacts[],
  today: string,
  thresholds: HealthThresholds,
): HealthStory & { priorities: PriorityHealthStory[] } {
  const stories = priorities.map((p) => priorityHealthStory(p, today, thresholds));
  const active = stories
    .map((story, i) => ({ story, facts: priorities[i] }))
    .filter(({ facts }) => facts.status === 'active');
  if (active.length === 0) return { headline: null, computed: null, reported: null, note: null, priorities: stories };
  const worstBy = <T>(pick: (s: PriorityHealthStory) => T | null, level: (v: T) => number) =>
    active.reduce<{ value: T; title: string; reason: string | null } | null>((w, { story, facts }) => {
      const v = pick(story);
      if (v === null) return w;
      return w === null || level(v) > level(w.value) ? { value: v, title: facts.title, reason: story.reason } : w;
    }, null);
  const headline = worstBy(
    (s) => s.headline,
    (h) => LEVEL[h],
  )!.value;
  const computedWorst = worstBy(
    (s) => s.computed,
    (h) => LEVEL[h],
  )!;
  const reportedWorst = worstBy(
    (s) => s.reported,
    (r) => LEVEL[r],
  );
  const reason =
    computedWorst.reason && active.length > 1
      ? `${computedWorst.title}: ${computedWorst.reason}`
      : computedWorst.reason;
  return {
    headline,
    computed: computedWorst.value,
    reported: reportedWorst?.value ?? null,
    note: noteFor(reportedWorst?.value ?? null, computedWorst.value, reason),
    priorities: stories,
  };
}

function noteFor(reported: ReportedRag | null, computed: ComputedHealth, reason: string | null): string | null {
  if (!reported || TONE_LEVEL(reported) === TONE_LEVEL(computed)) return null;
  return `reported ${WORDS[reported]}; computed ${WORDS[computed]}${reason ? `: ${reason}` : ''}`;
}

/** What put the computed health where it is, in the words a person would use. */
function reasonFor(
  computed: ComputedHealth,
  p: PriorityHealthFacts,
  today: string,
  thresholds: HealthThresholds,
): string | null {
  if (computed === 'overdue') {
    const days = daysBetween(p.targetDate, today);
    return `target date passed ${days} ${days === 1 ? 'day' : 'days'} ago`;
  }
  const late = milestoneDaysOverdue(p.oldestOpenDueDate, today);
  const floor = overdueMilestoneHealth(p.oldestOpenDueDate, today, thresholds.overdueAtRiskDays);
  if (computed !== 'on_track' && floor === computed && late > 0) {
    const unit = late === 1 ? 'day' : 'days';
    const count = Math.max(1, p.overdueMilestones);
    return count === 1
      ? `1 milestone ${late} ${unit} overdue`
      : `${count} milestones overdue, the oldest by ${late} ${unit}`;
  }
  return `${pct(p.progress)} done, ${pct(p.expected)} expected by today`;
}

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

/** What the client executive's one sentence is made of (issue 18); every count is of the engagement as it is today. */
export interface ExecutiveHeadlineFacts {
  /** The engagement's headline word (engagementHealthStory); null with no active priority. */
  headline: Headline | null;
  /** Milestones of the engagement's priorities, cancelled ones left out. */
  milestonesDone: number;
  milestonesTotal: number;
  /** Days each still-open milestone has slipped past its baseline, only those that slipped (> 0). */
  openSlipDays: readonly number[];
  /** Blockers of the latest check-ins marked as needing the client's action. */
  clientAsks: number;
}

/**
 * The client executive's headline sentence, from the facts alone:
 * "On track: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team".
 * The word is the engagement's one headline (the same as everywhere else); then what is done, what slipped, and
 * whether anything waits on the client.
 */
export function executiveHeadline(f: ExecutiveHeadlineFacts): string {
  if (f.headline === null)
    return f.milestonesTotal === 0
      ? 'No data yet: no active priorities or milestones to report on'
      : `No active priorities: ${f.milestonesDone} of ${f.milestonesTotal} milestones done`;
  const word = capitalise(WORDS[f.headline]);
  const parts = [
    f.milestonesTotal === 0
      ? 'no milestones planned yet'
      : `${f.milestonesDone} of ${f.milestonesTotal} milestones done`,
  ];
  const waiting = f.clientAsks > 0;
  if (f.openSlipDays.length) {
    const most = Math.max(...f.openSlipDays);
    const slipped =
      f.openSlipDays.length === 1
        ? `1 slipped ${days(most)}`
        : `${f.openSlipDays.length} slipped, the most by ${days(most)}`;
    parts.push(waiting ? `${slipped}, waiting on your team` : slipped);
  } else if (waiting) {
    parts.push(`waiting on your team for ${f.clientAsks} ${f.clientAsks === 1 ? 'thing' : 'things'}`);
  }
  return `${word}: ${parts.join('; ')}`;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
