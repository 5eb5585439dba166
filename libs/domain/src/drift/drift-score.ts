/**
 * Drift score (DESIGN.md §3): 0–100, higher is worse. The one place the formula lives; the worked
 * examples are in drift-score.spec.ts.
 */

/** One non-cancelled milestone of the priority. */
export interface DriftScoreMilestone {
  /** slipDays() from the health feature: baseline due date → completion, or today/forecast/due if later. */
  slipDays: number;
  /** The milestone's weight: its share of the weighted slip. */
  weight: number;
  /** Open and past its current due date (isOverdue()). */
  overdue: boolean;
}

export interface PriorityDriftInput {
  /** Cancelled milestones left out: a cancelled milestone neither slips nor lands. */
  milestones: DriftScoreMilestone[];
  /**
   * Due-date changes of the priority's milestones in the last 30 days, as days moved (negative = earlier), except
   * those whose cause is the client or the allocation (not the executive's drift; the scan leaves them out).
   * Every change counts as a re-plan; only forward moves add to its size (as with replanTotalDays).
   */
  replanDaysLast30Days: number[];
  /** Days since the latest check-in; with none, since the start date (0 while the priority has not started). */
  daysSinceCheckIn: number;
  /** Confidence (0–10) of the recent check-ins, newest first; the same window the scan loads is fine. */
  recentConfidences: number[];
}

/** Engagement-level facts that are not any single priority's drift. */
export interface EngagementDriftLevel {
  activePriorities: number;
  focusCap: number;
}

/** Check-ins are weekly: the first week without one costs nothing. */
const CHECK_IN_GRACE_DAYS = 7;

/**
 * Drift score of one priority, 0–100 (higher is worse): the sum of five capped components, rounded.
 *
 *   slip       = min(40, Σ wᵢ·slipDaysᵢ / Σ wᵢ)                       1 pt per day of weighted mean slip
 *   replans    = min(20, 4·n + 0.25·Σ max(0, movedDaysⱼ))              n = re-plans in the last 30 days
 *   overdue    = min(20, 5·(overdue milestones))
 *   staleness  = min(10, 0.5·max(0, daysSinceCheckIn − 7))             a week's grace, full at 27 days
 *   confidence = min(10, 2.5·max(0, max(recentConfidences) − newest))  full at a 4-point fall
 *
 *   driftScore = round(slip + replans + overdue + staleness + confidence)
 *
 * The caps add up to exactly 100, so no clamp is needed for sane input; each component is
 * non-decreasing in what it measures, so more slip, re-plans, overdue milestones, silence or lost
 * confidence never lowers the score. Milestones with weight ≤ 0 and negative inputs count as zero.
 */
export function driftScore(input: PriorityDriftInput): number {
  const weighted = input.milestones.filter((m) => m.weight > 0);
  const totalWeight = weighted.reduce((sum, m) => sum + m.weight, 0);
  const meanSlip =
    totalWeight > 0 ? weighted.reduce((sum, m) => sum + m.weight * Math.max(0, m.slipDays), 0) / totalWeight : 0;
  const slip = Math.min(40, meanSlip);

  const pushedDays = input.replanDaysLast30Days.reduce((sum, d) => sum + Math.max(0, d), 0);
  const replans = Math.min(20, 4 * input.replanDaysLast30Days.length + 0.25 * pushedDays);

  const overdue = Math.min(20, 5 * input.milestones.filter((m) => m.overdue).length);

  const staleness = Math.min(10, 0.5 * Math.max(0, input.daysSinceCheckIn - CHECK_IN_GRACE_DAYS));

  const [newest] = input.recentConfidences;
  const fall = newest === undefined ? 0 : Math.max(0, Math.max(...input.recentConfidences) - newest);
  const confidence = Math.min(10, 2.5 * fall);

  return Math.round(slip + replans + overdue + staleness + confidence);
}

/**
 * Drift score of an engagement, 0–100: mostly its worst priority (one badly drifting priority must
 * show), softened by the mean (a single bad one among many fine ones is less alarming than all bad),
 * plus a small penalty for losing focus (more active priorities than the cap).
 *
 *   focus            = min(10, 5·max(0, activePriorities − focusCap))
 *   engagementScore  = min(100, round(0.6·max(scores) + 0.4·mean(scores) + focus))    no priorities → max = mean = 0
 *
 * Computed as (6·max·n + 4·Σ + 10·focus) / (10·n) so integer scores round exactly (0.6·x in floating point can
 * fall a hair under a .5 boundary).
 */
export function engagementDriftScore(priorityScores: number[], engagementLevel: EngagementDriftLevel): number {
  const focus = Math.min(10, 5 * Math.max(0, engagementLevel.activePriorities - engagementLevel.focusCap));
  const n = priorityScores.length;
  if (n === 0) return Math.min(100, Math.round(focus));
  const max = Math.max(...priorityScores);
  const sum = priorityScores.reduce((a, b) => a + b, 0);
  return Math.min(100, Math.round((6 * max * n + 4 * sum + 10 * focus * n) / (10 * n)));
}
