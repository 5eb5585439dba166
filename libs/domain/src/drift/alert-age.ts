import { addDays } from '../health/calendar';
import type { DriftRule } from './drift-types';

/**
 * Since when an alert's condition has held (a YYYY-MM-DD date in the organization's timezone), read from what the
 * rule recorded in its details — not when a scan first saw it: a milestone 25 days overdue has been overdue for 25
 * days even if the alert was raised this morning. Null when the rule cannot tell (then the alert's first sighting
 * is the best there is).
 */
export function conditionSince(rule: DriftRule, details: Record<string, unknown>): string | null {
  const date = (key: string) => {
    const value = details[key];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  };
  switch (rule) {
    case 'milestone_overdue': {
      // Overdue from the day after its due date.
      const due = date('dueDate');
      return due ? addDays(due, 1) : null;
    }
    case 'priority_stalled':
      // Nothing heard since the last check-in, or since the priority started.
      return date('lastCheckInOn') ?? date('startDate');
    case 'confidence_falling':
      return date('latestCheckInOn');
    default:
      return null;
  }
}
