import { daysBetween, maxDate } from './calendar';

/** DESIGN.md §3. Pure functions: dates are YYYY-MM-DD strings already in the organization's timezone. */

/** achieved / dropped are outcomes: a finished priority shows what became of it, not a progress ratio. */
export type ComputedHealth = 'on_track' | 'at_risk' | 'off_track' | 'overdue' | 'achieved' | 'dropped';

export interface ProgressMilestone {
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  weight: number;
}

/** Weighted share of milestones that are done; cancelled ones count for nothing. No milestones → 0. */
export function priorityProgress(milestones: readonly ProgressMilestone[]): number {
  const counted = milestones.filter((m) => m.status !== 'cancelled');
  const total = counted.reduce((sum, m) => sum + m.weight, 0);
  if (total <= 0) return 0;
  const done = counted.filter((m) => m.status === 'done').reduce((sum, m) => sum + m.weight, 0);
  return done / total;
}

/** Elapsed fraction of [start, target] on `today`, clamped to 0..1. */
export function expectedProgress(startDate: string, targetDate: string, today: string): number {
  const span = daysBetween(startDate, targetDate);
  if (span <= 0) return today >= targetDate ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(startDate, today) / span));
}

export interface HealthThresholds {
  healthAtRiskBelow: number;
  healthOffTrackBelow: number;
  /** An open milestone overdue by more than this many days makes its priority at least at_risk (4× → off_track). */
  overdueAtRiskDays: number;
}

/** Beyond this multiple of overdueAtRiskDays an overdue milestone makes its priority off_track. */
export const OVERDUE_OFF_TRACK_FACTOR = 4;

export interface HealthInput {
  progress: number;
  expected: number;
  targetDate: string;
  today: string;
  status: 'draft' | 'active' | 'achieved' | 'dropped';
  /** Due date of the priority's earliest open (planned/in_progress) milestone, null when none is open. */
  oldestOpenDueDate: string | null;
}

/**
 * on_track while progress ≥ expected − atRisk, at_risk down to expected − offTrack, off_track below;
 * overdue once the target date has passed. Overdue milestones count too: an open milestone more than
 * overdueAtRiskDays late makes the priority at least at_risk, more than 4× that at least off_track —
 * a ratio alone would call a priority whose next step is years late "on track".
 * Achieved and dropped priorities report their outcome instead.
 */
export function computedHealth(input: HealthInput, thresholds: HealthThresholds): ComputedHealth {
  if (input.status === 'achieved' || input.status === 'dropped') return input.status;
  if (input.today > input.targetDate) return 'overdue';
  // Rounding keeps 0.35 − 0.15 from landing a hair under 0.2 and flipping the verdict.
  const gap = round6(input.expected - input.progress);
  const byRatio =
    gap <= round6(thresholds.healthAtRiskBelow)
      ? 'on_track'
      : gap <= round6(thresholds.healthOffTrackBelow)
        ? 'at_risk'
        : 'off_track';
  return worse(byRatio, overdueMilestoneHealth(input.oldestOpenDueDate, input.today, thresholds.overdueAtRiskDays));
}

/** The floor an open milestone overdue by `daysOverdue(…)` puts under its priority's health. */
export function overdueMilestoneHealth(
  oldestOpenDueDate: string | null,
  today: string,
  overdueAtRiskDays: number,
): 'on_track' | 'at_risk' | 'off_track' {
  const late = milestoneDaysOverdue(oldestOpenDueDate, today);
  if (late > overdueAtRiskDays * OVERDUE_OFF_TRACK_FACTOR) return 'off_track';
  if (late > overdueAtRiskDays) return 'at_risk';
  return 'on_track';
}

/** Days the earliest open milestone is past its due date (0 when none is open or none is late). */
export function milestoneDaysOverdue(oldestOpenDueDate: string | null, today: string): number {
  return oldestOpenDueDate ? Math.max(0, daysBetween(oldestOpenDueDate, today)) : 0;
}

const RATIO_ORDER = { on_track: 0, at_risk: 1, off_track: 2 } as const;
function worse<T extends keyof typeof RATIO_ORDER>(a: T, b: T): T {
  return RATIO_ORDER[b] > RATIO_ORDER[a] ? b : a;
}

export interface SlipMilestone {
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  baselineDueDate: string;
  dueDate: string;
  forecastDate: string | null;
  /** Local completion date, when done. */
  completedOn: string | null;
}

/**
 * Days between the baseline due date and the date the milestone lands: the completion date when done;
 * otherwise the latest of its current due date, its forecast, and today when it is already past due.
 * Never negative: finishing early is not a slip.
 */
export function slipDays(m: SlipMilestone, today: string): number {
  let landing: string;
  if (m.status === 'done' && m.completedOn) landing = m.completedOn;
  else if (m.status === 'cancelled') landing = m.dueDate;
  else landing = maxDate(m.dueDate, m.forecastDate, today > m.dueDate ? today : null);
  return Math.max(0, daysBetween(m.baselineDueDate, landing));
}

export function isOverdue(m: Pick<SlipMilestone, 'status' | 'dueDate'>, today: string): boolean {
  return (m.status === 'planned' || m.status === 'in_progress') && today > m.dueDate;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
