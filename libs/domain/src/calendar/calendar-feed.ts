import ical from 'ical-generator';
import { followingCheckInPeriod, isCheckInPeriodDone, type CheckInPeriod } from '../check-ins/check-in-schedule';
import type { CalendarCheckInRow, CalendarMilestoneRow } from './calendar.repository';

/**
 * The check-ins due on one priority, as its feed lists them (pure): the periods the check-in loop recorded
 * (check_in_dues, with the due date they were given), then this period and the next on the organization's schedule
 * (`current`, from checkInPeriodOf, and followingCheckInPeriod) once the priority has started by their due date, the
 * same rule as the dispatcher's. A period the loop recorded keeps its date even if the check-in day changed since. Each
 * stays until it is done: a check-in on the priority since the period began (isCheckInPeriodDone). Oldest first.
 */
export function checkInsDue(
  recorded: ReadonlyArray<CheckInPeriod>,
  current: CheckInPeriod,
  weekday: number,
  startDate: string,
  lastCheckInOn: string | null,
): CheckInPeriod[] {
  const byWeek = new Map<string, CheckInPeriod>();
  for (const period of recorded) byWeek.set(period.isoWeek, period);
  for (const period of [current, followingCheckInPeriod(current, weekday)])
    if (!byWeek.has(period.isoWeek) && startDate <= period.dueOn) byWeek.set(period.isoWeek, period);
  return [...byWeek.values()]
    .filter((period) => !isCheckInPeriodDone(period, lastCheckInOn))
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

/** One check-in due in a feed: a priority's period. */
export interface CalendarCheckInDue {
  priority: CalendarCheckInRow;
  period: CheckInPeriod;
}

/**
 * The ICS text of a user's feed: one all-day event per open milestone on its due date. The UID is the milestone's
 * (stable across re-plans, so a calendar moves the event instead of adding one); SEQUENCE is the number of re-plans,
 * so a client that caches events takes the new date. Then one all-day event per weekly check-in due (checkInsDue) on
 * its due date: the UID names the priority and the period's ISO week, so it is the same event on every fetch and it
 * leaves the feed once that period's check-in is done.
 */
export function calendarFeed(
  ownerName: string,
  milestones: CalendarMilestoneRow[],
  domain: string,
  checkIns: CalendarCheckInDue[] = [],
): string {
  const calendar = ical({
    name: `Throughline: ${ownerName}`,
    prodId: { company: 'Throughline', product: 'milestones', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const m of milestones) {
    const start = new Date(`${m.due_date}T00:00:00Z`);
    calendar.createEvent({
      id: `milestone-${m.id}@${domain}`,
      start,
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      summary: `Due: ${m.title} (${m.client_name})`,
      description: `${m.function} priority: ${m.priority_title}\nStatus: ${m.status.replace('_', ' ')}`,
      sequence: m.replan_count,
      stamp: m.updated_at,
    });
  }
  for (const { priority: c, period } of checkIns) {
    const start = new Date(`${period.dueOn}T00:00:00Z`);
    calendar.createEvent({
      id: `check-in-${c.priority_id}-${period.isoWeek}@${domain}`,
      start,
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      summary: `Check-in due: ${c.priority_title} (${c.client_name})`,
      description: `Weekly check-in on the ${c.function} priority, week ${period.isoWeek}\n${
        c.last_check_in_on ? `Last check-in: ${c.last_check_in_on}` : `No check-in yet (started ${c.start_date})`
      }`,
      stamp: c.updated_at,
    });
  }
  return calendar.toString();
}
