import { daysBetween, maxDate } from './calendar';

/** DESIGN.md §3. Pure functions: dates are YYYY-MM-DD strings already in the organization's timezone. */

export type ComputedHealth = 'on_track' | 'at_risk' | 'off_track' | 'overdue';

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
}

export interface HealthInput {
  progress: number;
  expected: number;
  targetDate: string;
  today: string;
  status: 'draft' | 'active' | 'achieved' | 'dropped';
}

/**
 * on_track while progress ≥ expected − atRisk, at_risk down to expected − offTrack, off_track below;
 * overdue once the target date has passed and the priority is not achieved. An achieved priority is on track.
 */
export function computedHealth(input: HealthInput, thresholds: HealthThresholds): ComputedHealth {
  if (input.status === 'achieved') return 'on_track';
  if (input.today > input.targetDate) return 'overdue';
  // Rounding keeps 0.35 − 0.15 from landing a hair under 0.2 and flipping the verdict.
  const gap = round6(input.expected - input.progress);
  if (gap <= round6(thresholds.healthAtRiskBelow)) return 'on_track';
  if (gap <= round6(thresholds.healthOffTrackBelow)) return 'at_risk';
  return 'off_track';
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
