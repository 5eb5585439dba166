import { DateTime } from 'luxon';

/** YYYY-MM-DD plus n days (n may be negative). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
