import { DateTime } from 'luxon';
import { addDays } from '../health/calendar';
import { isoWeekOf, weekStartDate } from '../digests/digest-schedule';

/**
 * The weekly check-in loop's calendar (issue 18, item 3), as pure functions. The dispatcher's SQL
 * (CheckInLoopRepository) applies the same rules in the database.
 *
 * A period is an ISO week of the organization's timezone. Its check-in is due on the organization's check-in day
 * of that week (a calendar date). The reminder goes out at 09:00 on that date in the recipient's own timezone
 * (theirs, else the organization's); a dispatcher that was down catches up until a day after, later it skips.
 */

export const REMINDER_HOUR = 9;
/** How late a missed reminder slot may still be sent. */
export const REMINDER_CATCH_UP_MS = 24 * 3600 * 1000;
/** The discipline report's window. */
export const DISCIPLINE_WEEKS = 12;

export interface CheckInPeriod {
  isoWeek: string;
  /** Monday of the ISO week, YYYY-MM-DD. */
  weekStart: string;
  /** The check-in day of that week, YYYY-MM-DD. */
  dueOn: string;
}

/** The period `now` falls in, in the organization's timezone, with its due date on `weekday` (1 = Monday). */
export function checkInPeriodOf(now: Date, timezone: string, weekday: number): CheckInPeriod {
  const isoWeek = isoWeekOf(now, timezone);
  const weekStart = weekStartDate(isoWeek);
  return { isoWeek, weekStart, dueOn: addDays(weekStart, weekday - 1) };
}

/** The period a week after `period`, its check-in due on `weekday` (1 = Monday) of that week. */
export function followingCheckInPeriod(period: Pick<CheckInPeriod, 'weekStart'>, weekday: number): CheckInPeriod {
  const weekStart = addDays(period.weekStart, 7);
  const local = DateTime.fromISO(weekStart, { zone: 'UTC' });
  const isoWeek = `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
  return { isoWeek, weekStart, dueOn: addDays(weekStart, weekday - 1) };
}

/**
 * Whether a period's check-in is done (pure): a check-in on the priority since the period began answers it, the rule
 * of the reminders and of check_in_missed (isCheckInMissed). `lastCheckInOn` is the latest check-in's local date.
 */
export function isCheckInPeriodDone(period: Pick<CheckInPeriod, 'weekStart'>, lastCheckInOn: string | null): boolean {
  return lastCheckInOn !== null && lastCheckInOn >= period.weekStart;
}

/** 09:00 on the due date in the recipient's timezone (a time inside a DST gap moves to the first valid one after). */
export function reminderAt(dueOn: string, timezone: string): Date {
  const [year, month, day] = dueOn.split('-').map(Number);
  return DateTime.fromObject({ year, month, day, hour: REMINDER_HOUR }, { zone: timezone }).toJSDate();
}

/** Whether a reminder for `dueOn` goes out at `now`: not before its slot, and not more than a day after it. */
export function reminderStatus(now: Date, dueOn: string, timezone: string): 'early' | 'due' | 'skipped' {
  const late = now.getTime() - reminderAt(dueOn, timezone).getTime();
  if (late < 0) return 'early';
  return late < REMINDER_CATCH_UP_MS ? 'due' : 'skipped';
}

export type CheckInOutcome = 'on_time' | 'late' | 'missed' | 'open';

/**
 * How one period's check-in went (pure), from the local date of the first check-in on the priority in the period
 * (or after it, before the next one began: null when none). On or before the due date: on time; later in the period:
 * late; none by the period's end: missed; else still open.
 */
export function checkInOutcome(
  period: Omit<CheckInPeriod, 'isoWeek'>,
  firstCheckInOn: string | null,
  today: string,
): CheckInOutcome {
  const periodEnd = addDays(period.weekStart, 7);
  if (firstCheckInOn !== null && firstCheckInOn >= period.weekStart && firstCheckInOn < periodEnd)
    return firstCheckInOn <= period.dueOn ? 'on_time' : 'late';
  return today >= periodEnd ? 'missed' : 'open';
}

/**
 * check_in_missed (pure): the period's check-in is still missing `afterDays` days after its due date. Any check-in on
 * the priority since the period began answers it.
 */
export function isCheckInMissed(
  period: Omit<CheckInPeriod, 'isoWeek'>,
  lastCheckInOn: string | null,
  today: string,
  afterDays: number,
): boolean {
  if (lastCheckInOn !== null && lastCheckInOn >= period.weekStart) return false;
  return today >= addDays(period.dueOn, afterDays);
}
