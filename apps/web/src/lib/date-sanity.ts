import { DateTime } from 'luxon';
import { daysBetween, formatDate } from './format';

/**
 * A due date that is probably a typo (issue 14): a year or more in the past, or after the priority's own target date.
 * The form asks for confirmation instead of accepting it without a word; null when the date looks ordinary.
 */
export function unusualDueDate(dueDate: string, today: string, targetDate: string | null): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || !DateTime.fromISO(dueDate).isValid) return null;
  const ago = daysBetween(dueDate, today);
  if (ago >= 365) {
    const years = Math.floor(ago / 365);
    return `${formatDate(dueDate)} is ${years === 1 ? 'over a year' : `over ${years} years`} ago.`;
  }
  if (targetDate && dueDate > targetDate)
    return `${formatDate(dueDate)} is after the priority’s target date (${formatDate(targetDate)}).`;
  return null;
}
