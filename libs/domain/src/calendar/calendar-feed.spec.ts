import ICAL from 'ical.js';
import { calendarFeed, nextCheckInDue } from './calendar-feed';

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

describe('nextCheckInDue', () => {
  it('is a week after the latest check-in', () => {
    expect(nextCheckInDue('2026-01-05', '2026-03-09')).toBe('2026-03-16');
  });
  it('is a week after the start when there is no check-in yet', () => {
    expect(nextCheckInDue('2026-02-26', null)).toBe('2026-03-05');
  });
  it('stays in the past when the check-in is overdue (the calendar shows where it fell due)', () => {
    expect(nextCheckInDue('2025-12-01', '2025-12-29')).toBe('2026-01-05');
  });
});

describe('calendarFeed: check-ins due', () => {
  const priority = {
    priority_id: '0b7e2d0c-55aa-4c1e-8d3f-6a9e1c2b3d44',
    priority_title: 'Rebuild the pipeline',
    client_name: 'Acme Robotics',
    function: 'CRO',
    start_date: '2026-01-05',
    last_check_in_on: '2026-03-09',
    check_in_count: 9,
    updated_at: new Date('2026-03-09T16:00:00Z'),
  };

  it('has one all-day event per priority on the date its next weekly check-in is due', () => {
    const [event] = events(calendarFeed('Elena Vasquez', [], 'throughline.example', [priority]));
    expect(event.uid).toBe('check-in-0b7e2d0c-55aa-4c1e-8d3f-6a9e1c2b3d44@throughline.example');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-03-16');
    expect(event.endDate.toString()).toBe('2026-03-17');
    expect(event.summary).toBe('Check-in due: Rebuild the pipeline (Acme Robotics)');
    expect(event.description).toBe('Weekly check-in on the CRO priority\nLast check-in: 2026-03-09');
    expect(event.sequence).toBe(9);
  });

  it('a new check-in moves the event a week on, keeping its UID, with a higher SEQUENCE', () => {
    const before = events(calendarFeed('E', [], 'h', [priority]))[0];
    const after = events(
      calendarFeed('E', [], 'h', [{ ...priority, last_check_in_on: '2026-03-12', check_in_count: 10 }]),
    )[0];
    expect(after.uid).toBe(before.uid);
    expect(after.startDate.toString()).toBe('2026-03-19');
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('without any check-in, the first is due a week after the start', () => {
    const [event] = events(calendarFeed('E', [], 'h', [{ ...priority, last_check_in_on: null, check_in_count: 0 }]));
    expect(event.startDate.toString()).toBe('2026-01-12');
    expect(event.description).toBe('Weekly check-in on the CRO priority\nNo check-in yet (started 2026-01-05)');
  });

  it('milestones and check-ins side by side, with distinct UIDs', () => {
    const uids = events(calendarFeed('E', [milestone], 'h', [priority])).map((e) => e.uid);
    expect(uids).toEqual([`milestone-${milestone.id}@h`, `check-in-${priority.priority_id}@h`]);
  });
});
