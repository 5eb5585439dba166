import ical from 'ical-generator';
import { addDays } from '../health/calendar';
import type { CalendarCheckInRow, CalendarMilestoneRow } from './calendar.repository';

/** Check-ins are weekly (DESIGN §2): the next one is due a week after the last, or a week after the start. */
export const CHECK_IN_INTERVAL_DAYS = 7;

/**
 * The date the next weekly check-in on a priority is due: a week after its latest check-in (a date in the
 * organization's timezone), or a week after the priority's start when it has none. Past dates stay as they are: an
 * overdue check-in shows where it fell due.
 */
export function nextCheckInDue(startDate: string, lastCheckInOn: string | null): string {
  return addDays(lastCheckInOn ?? startDate, CHECK_IN_INTERVAL_DAYS);
}

/**
 * The ICS text of a user's feed: one all-day event per open milestone on its due date. The UID is the milestone's
 * (stable across re-plans, so a calendar moves the event instead of adding one); SEQUENCE is the number of re-plans,
 * so a client that caches events takes the new date. Then one all-day event per priority the user checks in on, on
 * the date its next weekly check-in is due: the UID is the priority's, SEQUENCE the number of its check-ins, so each
 * check-in moves the event a week on.
 */
export function calendarFeed(
  ownerName: string,
  milestones: CalendarMilestoneRow[],
  domain: string,
  checkIns: CalendarCheckInRow[] = [],
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
  for (const c of checkIns) {
    const start = new Date(`${nextCheckInDue(c.start_date, c.last_check_in_on)}T00:00:00Z`);
    calendar.createEvent({
      id: `check-in-${c.priority_id}@${domain}`,
      start,
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      summary: `Check-in due: ${c.priority_title} (${c.client_name})`,
      description: `Weekly check-in on the ${c.function} priority\n${
        c.last_check_in_on ? `Last check-in: ${c.last_check_in_on}` : `No check-in yet (started ${c.start_date})`
      }`,
      sequence: c.check_in_count,
      stamp: c.updated_at,
    });
  }
  return calendar.toString();
}
