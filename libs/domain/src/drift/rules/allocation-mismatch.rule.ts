import type { Detection, ScanFacts } from '../drift-types';
import { round2 } from './rule-text';

/**
 * Milestones due in the next 30 days per allocated day/week, against the firm's norm × the mismatch
 * factor; critical beyond twice that limit. An engagement with work due and no allocated days at all
 * is the extreme case and reported as critical (the load per day is infinite, stored as null).
 */
export function allocationMismatchRule(facts: ScanFacts): Detection[] {
  const { allocationNormMilestonesPerDay: norm, allocationMismatchFactor: factor } = facts.thresholds;
  const limit = norm * factor;
  const detections: Detection[] = [];
  for (const e of facts.engagements) {
    if (e.openMilestonesNext30Days <= 0) continue;
    const load = e.daysPerWeek > 0 ? e.openMilestonesNext30Days / e.daysPerWeek : Infinity;
    if (load <= limit) continue;
    const shown = Number.isFinite(load) ? `${round2(load)} per allocated day` : 'no allocated days';
    detections.push({
      rule: 'allocation_mismatch',
      subjectType: 'engagement',
      subjectId: e.id,
      engagementId: e.id,
      severity: load > 2 * limit ? 'critical' : 'warning',
      message: `This engagement has ${e.openMilestonesNext30Days} milestones due in the next 30 days on ${e.daysPerWeek} days a week (${shown}, limit ${round2(limit)})`,
      details: {
        openMilestonesNext30Days: e.openMilestonesNext30Days,
        daysPerWeek: e.daysPerWeek,
        milestonesPerAllocatedDay: Number.isFinite(load) ? round2(load) : null,
        limit: round2(limit),
        allocationNormMilestonesPerDay: norm,
        allocationMismatchFactor: factor,
      },
    });
  }
  return detections;
}
