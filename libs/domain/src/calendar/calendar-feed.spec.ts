import ICAL from 'ical.js';
import { calendarFeed, checkInsDue } from './calendar-feed';

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

/**
 * The organization's check-in day is Wednesday (3). Now is Wednesday 2026-03-11: this period is 2026-W11 (Monday
 * 2026-03-09, due 2026-03-11), the next 2026-W12 (due 2026-03-18).
 */
describe('checkInsDue', () => {
  const w10 = { isoWeek: '2026-W10', weekStart: '2026-03-02', dueOn: '2026-03-02' }; // recorded when the day was Monday
  const w11 = { isoWeek: '2026-W11', weekStart: '2026-03-09', dueOn: '2026-03-11' };
  const w12 = { isoWeek: '2026-W12', weekStart: '2026-03-16', dueOn: '2026-03-18' };

  it('lists the recorded periods still open (keeping their own due date), this period and the next', () => {
    expect(checkInsDue([w10], w11, 3, '2026-01-05', '2026-02-26')).toEqual([w10, w11, w12]);
  });

  it('a recorded period wins over the schedule for its week (the dispatcher wrote it with that day)', () => {
    const recordedW11 = { ...w11, dueOn: '2026-03-09' };
    expect(checkInsDue([recordedW11], w11, 3, '2026-01-05', null)).toEqual([recordedW11, w12]);
  });

  it('a check-in since a period began answers it, and every older one: only the next week is left', () => {
    expect(checkInsDue([w10, w11], w11, 3, '2026-01-05', '2026-03-10')).toEqual([w12]);
    // A check-in on Monday of W11, before its Wednesday due date, answers W11 too.
    expect(checkInsDue([w10, w11], w11, 3, '2026-01-05', '2026-03-09')).toEqual([w12]);
    // One on the last day of W10 answers W10 only.
    expect(checkInsDue([w10, w11], w11, 3, '2026-01-05', '2026-03-08')).toEqual([w11, w12]);
  });

  it('a priority starting later is due only from the first check-in day on or after its start', () => {
    expect(checkInsDue([], w11, 3, '2026-03-12', null)).toEqual([w12]);
    expect(checkInsDue([], w11, 3, '2026-03-11', null)).toEqual([w11, w12]);
    expect(checkInsDue([], w11, 3, '2026-03-19', null)).toEqual([]);
  });
});

describe('calendarFeed: check-ins due', () => {
  const priority = {
    priority_id: '0b7e2d0c-55aa-4c1e-8d3f-6a9e1c2b3d44',
    priority_title: 'Rebuild the pipeline',
    client_name: 'Acme Robotics',
    function: 'CRO',
    start_date: '2026-01-05',
    last_check_in_on: '2026-03-04',
    recorded: [],
    updated_at: new Date('2026-03-09T16:00:00Z'),
  };
  const w11 = { isoWeek: '2026-W11', weekStart: '2026-03-09', dueOn: '2026-03-11' };
  const w12 = { isoWeek: '2026-W12', weekStart: '2026-03-16', dueOn: '2026-03-18' };

  it('has one all-day event per check-in due, on its due date, with a UID naming the priority and the week', () => {
    const [event] = events(calendarFeed('Elena Vasquez', [], 'throughline.example', [{ priority, period: w11 }]));
    expect(event.uid).toBe('check-in-0b7e2d0c-55aa-4c1e-8d3f-6a9e1c2b3d44-2026-W11@throughline.example');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-03-11');
    expect(event.endDate.toString()).toBe('2026-03-12');
    expect(event.summary).toBe('Check-in due: Rebuild the pipeline (Acme Robotics)');
    expect(event.description).toBe('Weekly check-in on the CRO priority, week 2026-W11\nLast check-in: 2026-03-04');
  });

  it('the same period keeps its UID from one fetch to the next; the next week is another event', () => {
    const first = events(calendarFeed('E', [], 'h', [{ priority, period: w11 }]));
    const second = events(
      calendarFeed('E', [], 'h', [
        { priority, period: w11 },
        { priority, period: w12 },
      ]),
    );
    expect(second.map((e) => e.uid)).toEqual([first[0].uid, `check-in-${priority.priority_id}-2026-W12@h`]);
    expect(second[1].startDate.toString()).toBe('2026-03-18');
  });

  it('without any check-in yet, says when the priority started', () => {
    const [event] = events(
      calendarFeed('E', [], 'h', [{ priority: { ...priority, last_check_in_on: null }, period: w11 }]),
    );
    expect(event.description).toBe(
      'Weekly check-in on the CRO priority, week 2026-W11\nNo check-in yet (started 2026-01-05)',
    );
  });

  it('milestones and check-ins side by side, with distinct UIDs', () => {
    const uids = events(calendarFeed('E', [milestone], 'h', [{ priority, period: w11 }])).map((e) => e.uid);
    expect(uids).toEqual([`milestone-${milestone.id}@h`, `check-in-${priority.priority_id}-2026-W11@h`]);
  });
});
