import { DateTime } from 'luxon';

/** A calendar date (YYYY-MM-DD) as it is in the given IANA timezone at `instant`. */
export function localDate(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISODate() ?? DateTime.fromJSDate(instant, { zone: 'UTC' }).toISODate()!;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

export function maxDate(...dates: Array<string | null | undefined>): string {
  return dates.filter((d): d is string => !!d).reduce((a, b) => (a > b ? a : b));
}

export function isValidIanaZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
