import type { PriorityScoreFacts } from './drift-facts.repository';
import type { SnapshotRecord } from './drift.repository';
import { driftScore, engagementDriftScore } from './drift-score';
import type { ScanFacts } from './drift-types';

/**
 * Today's drift score per active engagement from the scan's facts: the scan writes these as today's snapshot,
 * and the demo seed computes them too, so the history it seeds ends where the live score starts.
 */
export function engagementSnapshotRecords(
  scores: PriorityScoreFacts[],
  engagements: ScanFacts['engagements'],
  focusCap: number,
): SnapshotRecord[] {
  const perEngagement = new Map<string, number[]>(engagements.map((e) => [e.id, []]));
  for (const s of scores) perEngagement.get(s.engagementId)?.push(driftScore(toScoreInput(s)));
  const activeOf = new Map(engagements.map((e) => [e.id, e.activePriorities]));
  return [...perEngagement].map(([engagementId, priorityScores]) => ({
    engagement_id: engagementId,
    score: engagementDriftScore(priorityScores, { activePriorities: activeOf.get(engagementId) ?? 0, focusCap }),
    details: { priorityScores },
  }));
}

/** The aggregated facts in the shape driftScore() takes. */
function toScoreInput(s: PriorityScoreFacts) {
  return {
    milestones: [
      { slipDays: s.weightedSlipDays, weight: 1, overdue: false },
      ...Array.from({ length: s.overdueMilestones }, () => ({ slipDays: 0, weight: 0, overdue: true })),
    ],
    replanDaysLast30Days: s.replanDaysLast30Days,
    daysSinceCheckIn: s.daysSinceCheckIn,
    recentConfidences: s.recentConfidences,
  };
}
