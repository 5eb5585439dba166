import type { Detection, ScanFacts } from '../drift-types';
import { dayCount, quoted } from './rule-text';

/**
 * The due date was pushed too often or too far. Critical when both limits are broken, or when the
 * total push is more than twice the allowed total: one huge move is as telling as many small ones.
 */
export function milestoneReplannedRule(facts: ScanFacts): Detection[] {
  const { replanMaxCount, replanMaxTotalDays } = facts.thresholds;
  const detections: Detection[] = [];
  for (const m of facts.milestones) {
    const tooOften = m.replanCount > replanMaxCount;
    const tooFar = m.replanTotalDays > replanMaxTotalDays;
    if (!tooOften && !tooFar) continue;
    const critical = (tooOften && tooFar) || m.replanTotalDays > 2 * replanMaxTotalDays;
    const times = m.replanCount === 1 ? 'once' : `${m.replanCount} times`;
    detections.push({
      rule: 'milestone_replanned',
      subjectType: 'milestone',
      subjectId: m.id,
      engagementId: m.engagementId,
      severity: critical ? 'critical' : 'warning',
      message: `${quoted(m.title)} has been re-planned ${times}, pushing it ${dayCount(m.replanTotalDays)} in total (baseline ${m.baselineDueDate}, now ${m.dueDate})`,
      details: {
        replanCount: m.replanCount,
        replanTotalDays: m.replanTotalDays,
        baselineDueDate: m.baselineDueDate,
        dueDate: m.dueDate,
        replanMaxCount,
        replanMaxTotalDays,
      },
    });
  }
  return detections;
}
