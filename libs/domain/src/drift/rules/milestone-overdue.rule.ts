import { daysBetween } from '../../health';
import type { Detection, ScanFacts, Severity } from '../drift-types';
import { dayCount, quoted } from './rule-text';

/** An open milestone past its current due date; severity grows with the days overdue. */
export function milestoneOverdueRule(facts: ScanFacts): Detection[] {
  const { overdueWarningDays, overdueCriticalDays } = facts.thresholds;
  return facts.milestones
    .filter((m) => m.dueDate < facts.today)
    .map((m): Detection => {
      const daysOverdue = daysBetween(m.dueDate, facts.today);
      const severity: Severity =
        daysOverdue < overdueWarningDays ? 'info' : daysOverdue < overdueCriticalDays ? 'warning' : 'critical';
      return {
        rule: 'milestone_overdue',
        subjectType: 'milestone',
        subjectId: m.id,
        engagementId: m.engagementId,
        severity,
        message: `${quoted(m.title)} is ${dayCount(daysOverdue)} overdue (due ${m.dueDate})`,
        details: { daysOverdue, dueDate: m.dueDate, overdueWarningDays, overdueCriticalDays },
      };
    });
}
