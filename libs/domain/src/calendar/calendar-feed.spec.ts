import ICAL from 'ical.js';
import { calendarFeed } from './calendar-feed';

const milestone = {
  id: '4f6c3a52-1f5e-4a3e-9a49-5d2f7f0b2c11',
  title: 'Hire two AEs',
  due_date: '2026-03-31',
  status: 'in_progress',
  priority_title: 'Rebuild the pipeline',
  client_name: 'Acme Robotics',
  function: 'CRO',
  replan_count: 2,
  updated_at: new Date('2026-03-01T10:00:00Z'),
};

/** Parsed by a second library (ical.js), not the one that wrote it. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('calendarFeed', () => {
  it('has one all-day event per milestone on its due date, with a stable UID and the re-plan count as SEQUENCE', () => {
    const ics = calendarFeed('Elena Vasquez', [milestone], 'throughline.example');
    const [event] = events(ics);
    expect(event.uid).toBe('milestone-4f6c3a52-1f5e-4a3e-9a49-5d2f7f0b2c11@throughline.example');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-03-31');
    expect(event.endDate.toString()).toBe('2026-04-01');
    expect(event.summary).toBe('Due: Hire two AEs (Acme Robotics)');
    expect(event.description).toBe('CRO priority: Rebuild the pipeline\nStatus: in progress');
    expect(event.sequence).toBe(2);
    expect(ics).toContain('X-WR-CALNAME:Throughline: Elena Vasquez');
  });

  it('moves the event, keeping its UID, when the milestone is re-planned', () => {
    const before = events(calendarFeed('E', [milestone], 'h'))[0];
    const after = events(calendarFeed('E', [{ ...milestone, due_date: '2026-04-15', replan_count: 3 }], 'h'))[0];
    expect(after.uid).toBe(before.uid);
    expect(after.startDate.toString()).toBe('2026-04-15');
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('is a valid empty calendar when nothing is due', () => {
    const ics = calendarFeed('E', [], 'h');
    expect(events(ics)).toEqual([]);
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  });
});
