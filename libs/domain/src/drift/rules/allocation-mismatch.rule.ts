import type { Detection, ScanFacts } from '../drift-types';
import { round2 } from './rule-text';

/**
 * Milestones due in the next 30 days per allocated day/week, against the firm's norm × the mismatch
 * factor; critical beyond twice that limit. Each milestone counts against the allocation in force on its due date
 * (load = Σ 1 / daysPerWeek on the due date), so a booked scale-down weighs on the milestones due after it starts
 * even before it does; with one allocation throughout that is milestones ÷ days. An engagement with work due and no
 * allocated days at all is the extreme case and reported as critical (the load per day is infinite, stored as null).
 */
export function allocationMismatchRule(facts: ScanFacts): Detection[] {
  const { allocationNormMilestonesPerDay: norm, allocationMismatchFactor: factor } = facts.thresholds;
  const limit = norm * factor;
  const detections: Detection[] = [];
  for (const e of facts.engagements) {
    if (e.openMilestonesNext30Days <= 0) continue;
    const load = milestoneLoad(
      e.dueSoonAllocations ?? Array.from({ length: e.openMilestonesNext30Days }, () => e.daysPerWeek),
    );
    if (load <= limit) continue;
    const shown = Number.isFinite(load) ? `${round2(load)} per allocated day` : 'no allocated days';
    const lowest = e.dueSoonAllocations?.length ? Math.min(...e.dueSoonAllocations) : e.daysPerWeek;
    const days =
      lowest < e.daysPerWeek
        ? `${e.daysPerWeek} days a week, ${lowest} from a booked change before some fall due`
        : `${e.daysPerWeek} days a week`;
    detections.push({
      rule: 'allocation_mismatch',
      subjectType: 'engagement',
      subjectId: e.id,
      engagementId: e.id,
      severity: load > 2 * limit ? 'critical' : 'warning',
      message: `This engagement has ${e.openMilestonesNext30Days} milestones due in the next 30 days on ${days} (${shown}, limit ${round2(limit)})`,
      details: {
        openMilestonesNext30Days: e.openMilestonesNext30Days,
        daysPerWeek: e.daysPerWeek,
        milestonesPerAllocatedDay: Number.isFinite(load) ? round2(load) : null,
        limit: round2(limit),
        allocationNormMilestonesPerDay: norm,
        allocationMismatchFactor: factor,
        ...(lowest < e.daysPerWeek ? { lowestDaysPerWeekOnDueDates: lowest } : {}),
      },
    });
  }
  return detections;
}

/** Σ 1 / daysPerWeek over the milestones (each against the allocation on its due date); Infinity once any has none. */
export function milestoneLoad(allocations: number[]): number {
  let load = 0;
  for (const d of allocations) {
    if (d <= 0) return Infinity;
    load += 1 / d;
  }
  return load;
}
