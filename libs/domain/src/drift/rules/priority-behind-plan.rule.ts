import { computedHealth, expectedProgress, milestoneDaysOverdue, overdueMilestoneHealth } from '../../health';
import type { Detection, ScanFacts } from '../drift-types';
import { quoted, round2 } from './rule-text';

/**
 * Computed health (DESIGN.md §3) is off_track (warning) or overdue (critical). at_risk is left to the
 * dashboard: alerting on it would make the inbox noisy for priorities that are merely a little behind.
 */
export function priorityBehindPlanRule(facts: ScanFacts): Detection[] {
  const detections: Detection[] = [];
  for (const p of facts.priorities) {
    const expected = expectedProgress(p.startDate, p.targetDate, facts.today);
    const health = computedHealth(
      {
        progress: p.progress,
        expected,
        targetDate: p.targetDate,
        today: facts.today,
        status: 'active',
        oldestOpenDueDate: p.oldestOpenDueDate,
      },
      facts.health,
    );
    if (health !== 'off_track' && health !== 'overdue') continue;
    const done = Math.round(p.progress * 100);
    // Off track because a milestone is long overdue (the ratio may look fine): say so rather than "behind plan".
    const lateMilestone =
      health === 'off_track' &&
      overdueMilestoneHealth(p.oldestOpenDueDate, facts.today, facts.health.overdueAtRiskDays) === 'off_track';
    const daysLate = milestoneDaysOverdue(p.oldestOpenDueDate, facts.today);
    const message =
      health === 'overdue'
        ? `${quoted(p.title)} is past its target date (${p.targetDate}) at ${done}% done`
        : lateMilestone
          ? `${quoted(p.title)} has a milestone ${daysLate} days overdue (${done}% done against ${Math.round(expected * 100)}% expected by now)`
          : `${quoted(p.title)} is behind plan: ${done}% done against ${Math.round(expected * 100)}% expected by now`;
    detections.push({
      rule: 'priority_behind_plan',
      subjectType: 'priority',
      subjectId: p.id,
      engagementId: p.engagementId,
      severity: health === 'overdue' ? 'critical' : 'warning',
      message,
      details: {
        computedHealth: health,
        progress: round2(p.progress),
        expectedProgress: round2(expected),
        startDate: p.startDate,
        targetDate: p.targetDate,
        ...(lateMilestone ? { milestoneDaysOverdue: daysLate } : {}),
      },
    });
  }
  return detections;
}
