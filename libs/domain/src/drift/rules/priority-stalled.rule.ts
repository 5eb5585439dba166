import { daysBetween, maxDate } from '../../health';
import type { Detection, ScanFacts } from '../drift-types';
import { dayCount, quoted } from './rule-text';

/**
 * No check-in for `stalledAfterDays` (critical at twice that). Without any check-in the clock runs from
 * the start date, so a priority younger than the threshold is not stalled yet.
 */
export function priorityStalledRule(facts: ScanFacts): Detection[] {
  const { stalledAfterDays } = facts.thresholds;
  const detections: Detection[] = [];
  for (const p of facts.priorities) {
    const lastCheckInOn = p.recentCheckIns.length ? maxDate(...p.recentCheckIns.map((c) => c.createdOn)) : null;
    const since = lastCheckInOn ?? p.startDate;
    const daysWithoutCheckIn = daysBetween(since, facts.today);
    if (daysWithoutCheckIn < stalledAfterDays) continue;
    const when = lastCheckInOn ? `last on ${lastCheckInOn}` : `none since it started on ${p.startDate}`;
    detections.push({
      rule: 'priority_stalled',
      subjectType: 'priority',
      subjectId: p.id,
      engagementId: p.engagementId,
      severity: daysWithoutCheckIn >= 2 * stalledAfterDays ? 'critical' : 'warning',
      message: `${quoted(p.title)} has had no check-in for ${dayCount(daysWithoutCheckIn)} (${when})`,
      details: { daysWithoutCheckIn, lastCheckInOn, startDate: p.startDate, stalledAfterDays },
    });
  }
  return detections;
}
