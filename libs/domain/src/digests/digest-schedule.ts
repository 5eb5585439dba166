import { DateTime } from 'luxon';

/**
 * When a recipient's weekly digest is due (DESIGN.md §5), as pure functions. The dispatcher's SQL
 * (DigestRecipientsRepository.due) applies the same rule in the database; the scheduling integration
 * test holds the two to the same cases.
 *
 * A week is the ISO week of the recipient's own timezone. Its slot is the chosen weekday and hour,
 * local time. A dispatcher that was down catches up until one day after the slot; later, that week is
 * skipped rather than sent late.
 */

export const DEFAULT_DIGEST_WEEKDAY = 1;
export const DEFAULT_DIGEST_HOUR = 8;
/** How late a missed slot may still be sent. */
export const DIGEST_CATCH_UP_MS = 24 * 3600 * 1000;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const weekdayNumber = (day: Weekday): number => WEEKDAYS.indexOf(day) + 1;
export const weekdayName = (isoWeekday: number): Weekday => WEEKDAYS[isoWeekday - 1];

export interface DigestSlot {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  timezone: string;
}

export interface DigestWeekStatus {
  /** The recipient's current ISO week, e.g. 2026-W48. */
  isoWeek: string;
  /** This week's slot as an instant. */
  slotAt: Date;
  /** The slot has come and is less than a day old. */
  due: boolean;
  /** The slot is more than a day old: this week is skipped. */
  missed: boolean;
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export function isoWeekOf(instant: Date, timezone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

export function isValidIsoWeek(week: string): boolean {
  const match = ISO_WEEK.exec(week);
  if (!match) return false;
  const start = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: 'UTC' },
  );
  return start.isValid && start.weekNumber === Number(match[2]);
}

/** The week's number alone, for subject lines ("week 48"). */
export function weekNumberOf(isoWeek: string): number {
  return Number(isoWeek.slice(-2));
}

/** The slot of `isoWeek` in the recipient's timezone. A slot inside a DST gap moves to the first valid local time after it. */
export function slotOf(isoWeek: string, slot: DigestSlot): Date {
  const match = ISO_WEEK.exec(isoWeek);
  if (!match) throw new RangeError(`Not an ISO week: ${isoWeek}`);
  const local = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: slot.weekday as 1, hour: slot.hour },
    { zone: slot.timezone },
  );
  return local.toJSDate();
}

/** The first local day of the ISO week (Monday), as YYYY-MM-DD. */
export function weekStartDate(isoWeek: string): string {
  const match = ISO_WEEK.exec(isoWeek);
  if (!match) throw new RangeError(`Not an ISO week: ${isoWeek}`);
  return DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: 'UTC' },
  ).toISODate()!;
}

export function digestWeekStatus(now: Date, slot: DigestSlot): DigestWeekStatus {
  const isoWeek = isoWeekOf(now, slot.timezone);
  const slotAt = slotOf(isoWeek, slot);
  const late = now.getTime() - slotAt.getTime();
  return { isoWeek, slotAt, due: late >= 0 && late < DIGEST_CATCH_UP_MS, missed: late >= DIGEST_CATCH_UP_MS };
}

/** The next slot at or after `now` (this week's if it is still ahead, else next week's). */
export function nextSlotAt(now: Date, slot: DigestSlot): Date {
  const thisWeek = slotOf(isoWeekOf(now, slot.timezone), slot);
  if (thisWeek.getTime() >= now.getTime()) return thisWeek;
  const nextWeek = DateTime.fromJSDate(now, { zone: slot.timezone }).plus({ weeks: 1 });
  return slotOf(`${nextWeek.weekYear}-W${String(nextWeek.weekNumber).padStart(2, '0')}`, slot);
}
