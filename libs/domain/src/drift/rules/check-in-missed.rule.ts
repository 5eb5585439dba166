import { addDays, daysBetween } from '../../health/calendar';
import { isCheckInMissed } from '../../check-ins/check-in-schedule';
import type { Detection, ScanFacts } from '../drift-types';
import { dayCount, quoted } from './rule-text';

/**
 * A priority's due check-in is still missing `checkInMissedAfterDays` days after its due date (the organization's
 * setting, 2 by default). Warning; critical once the whole next week has passed too. Any check-in on the priority
 * since its period began resolves it. One alert per priority (the latest due only), however many scans see it.
 */
export function checkInMissedRule(facts: ScanFacts): Detection[] {
  const afterDays = facts.checkInMissedAfterDays;
  const detections: Detection[] = [];
  for (const due of facts.dueCheckIns) {
    if (!isCheckInMissed(due, due.lastCheckInOn, facts.today, afterDays)) continue;
    const daysLate = daysBetween(due.dueOn, facts.today);
    detections.push({
      rule: 'check_in_missed',
      subjectType: 'priority',
      subjectId: due.priorityId,
      engagementId: due.engagementId,
      severity: facts.today >= addDays(due.dueOn, 7) ? 'critical' : 'warning',
      message: `The check-in on ${quoted(due.title)} due ${due.dueOn} is ${dayCount(daysLate)} late`,
      details: {
        dueOn: due.dueOn,
        weekStart: due.weekStart,
        daysLate,
        lastCheckInOn: due.lastCheckInOn,
        checkInMissedAfterDays: afterDays,
      },
    });
  }
  return detections;
}
