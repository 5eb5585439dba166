import { daysBetween, localDate } from '../health/calendar';

export { daysBetween, localDate };

const MS_PER_DAY = 86_400_000;

/** `date` (YYYY-MM-DD) plus `days` calendar days (negative: earlier). Pure UTC arithmetic: no timezone in it. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
