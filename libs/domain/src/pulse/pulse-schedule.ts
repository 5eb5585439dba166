import { DateTime } from 'luxon';
import { REMINDER_HOUR } from '../check-ins/check-in-schedule';
import { pulseDue, type PulseDueFacts } from './pulse-due';

/**
 * When the monthly pulse email goes out (issue 18, item 5), as pure functions. The digest dispatcher runs every
 * minute; a client viewer is asked by email once per calendar month of their own timezone (theirs, else the
 * organization's), per engagement, at 09:00 on the first day the monthly question is due for them (pulseDue): the 1st
 * for most, the day after their grant for a new viewer. A dispatcher that was down catches up for a few hours, later
 * the email waits for the next day's 09:00. The month is recorded (client_pulse_requests), so never twice a month.
 */

export const PULSE_HOUR = REMINDER_HOUR;
/** How late after 09:00 a day's pulse email may still go out. */
export const PULSE_CATCH_UP_MS = 3 * 3600 * 1000;

/** The recipient's calendar month of `now` (YYYY-MM) and whether `now` is within that day's sending window. */
export function pulseSlotOf(now: Date, timezone: string): { month: string; slotAt: Date; open: boolean } {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const slot = local.set({ hour: PULSE_HOUR, minute: 0, second: 0, millisecond: 0 });
  const late = now.getTime() - slot.toMillis();
  return { month: local.toFormat('yyyy-MM'), slotAt: slot.toJSDate(), open: late >= 0 && late < PULSE_CATCH_UP_MS };
}

/**
 * The month to ask a client viewer about one engagement in, or null: the sending window is open in their timezone
 * and pulseDue says the monthly question is due (a priority achieved has an email of its own, so it is left out).
 */
export function monthlyPulseMonth(input: {
  now: Date;
  timezone: string;
  today: PulseDueFacts['today'];
  lastAnswer: PulseDueFacts['lastAnswer'];
}): string | null {
  const slot = pulseSlotOf(input.now, input.timezone);
  if (!slot.open) return null;
  return pulseDue({ today: input.today, lastAnswer: input.lastAnswer, achievedAt: [] }) === 'monthly'
    ? slot.month
    : null;
}
