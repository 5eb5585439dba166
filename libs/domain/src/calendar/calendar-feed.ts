import ical from 'ical-generator';
import type { CalendarMilestoneRow } from './calendar.repository';

/**
 * The ICS text of a user's feed: one all-day event per open milestone on its due date. The UID is the milestone's
 * (stable across re-plans, so a calendar moves the event instead of adding one); SEQUENCE is the number of re-plans,
 * so a client that caches events takes the new date.
 */
export function calendarFeed(ownerName: string, milestones: CalendarMilestoneRow[], domain: string): string {
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
  return calendar.toString();
}
