import {
  checkInOutcome,
  checkInPeriodOf,
  followingCheckInPeriod,
  isCheckInMissed,
  isCheckInPeriodDone,
  reminderAt,
  reminderStatus,
} from './check-in-schedule';

describe('check-in schedule', () => {
  describe('checkInPeriodOf', () => {
    it('is the ISO week of the organization timezone, due on its check-in day', () => {
      // Tuesday 2026-03-10 12:00 UTC, check-in day Thursday.
      expect(checkInPeriodOf(new Date('2026-03-10T12:00:00Z'), 'Europe/London', 4)).toEqual({
        isoWeek: '2026-W11',
        weekStart: '2026-03-09',
        dueOn: '2026-03-12',
      });
    });

    it('takes the week of the local date: Sunday 23:30 UTC is already Monday of the next week in Berlin', () => {
      expect(checkInPeriodOf(new Date('2026-03-15T23:30:00Z'), 'Europe/Berlin', 1)).toMatchObject({
        isoWeek: '2026-W12',
        dueOn: '2026-03-16',
      });
      expect(checkInPeriodOf(new Date('2026-03-15T23:30:00Z'), 'America/New_York', 1)).toMatchObject({
        isoWeek: '2026-W11',
        dueOn: '2026-03-09',
      });
    });

    it('crosses a year boundary by ISO week-year (2026-01-01 is in 2026-W01, whose Monday is 2025-12-29)', () => {
      expect(checkInPeriodOf(new Date('2026-01-01T10:00:00Z'), 'UTC', 5)).toEqual({
        isoWeek: '2026-W01',
        weekStart: '2025-12-29',
        dueOn: '2026-01-02',
      });
    });
  });

  describe('reminderAt', () => {
    it('is 09:00 on the due date in the recipient timezone', () => {
      expect(reminderAt('2026-03-12', 'Europe/London').toISOString()).toBe('2026-03-12T09:00:00.000Z');
      expect(reminderAt('2026-03-12', 'America/New_York').toISOString()).toBe('2026-03-12T13:00:00.000Z');
      expect(reminderAt('2026-03-12', 'Asia/Tokyo').toISOString()).toBe('2026-03-12T00:00:00.000Z');
      expect(reminderAt('2026-03-12', 'Asia/Kolkata').toISOString()).toBe('2026-03-12T03:30:00.000Z');
    });

    it('follows daylight saving time: 09:00 local before and after the switch', () => {
      // New York springs forward on 2026-03-08 (EST −5 → EDT −4).
      expect(reminderAt('2026-03-06', 'America/New_York').toISOString()).toBe('2026-03-06T14:00:00.000Z');
      expect(reminderAt('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
      // London springs forward on 2026-03-29, falls back on 2026-10-25.
      expect(reminderAt('2026-03-27', 'Europe/London').toISOString()).toBe('2026-03-27T09:00:00.000Z');
      expect(reminderAt('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-30T08:00:00.000Z');
      expect(reminderAt('2026-10-26', 'Europe/London').toISOString()).toBe('2026-10-26T09:00:00.000Z');
      // On the switch day itself (Sunday), 09:00 is after the 01:00/02:00 change.
      expect(reminderAt('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T08:00:00.000Z');
      expect(reminderAt('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-25T09:00:00.000Z');
    });

    it('in the southern hemisphere the switch goes the other way (Sydney leaves DST on 2026-04-05)', () => {
      expect(reminderAt('2026-04-03', 'Australia/Sydney').toISOString()).toBe('2026-04-02T22:00:00.000Z');
      expect(reminderAt('2026-04-06', 'Australia/Sydney').toISOString()).toBe('2026-04-05T23:00:00.000Z');
    });
  });

  describe('reminderStatus', () => {
    it('is early before 09:00 local, due for a day after, then skipped', () => {
      const tz = 'America/New_York';
      expect(reminderStatus(new Date('2026-03-12T12:59:59Z'), '2026-03-12', tz)).toBe('early');
      expect(reminderStatus(new Date('2026-03-12T13:00:00Z'), '2026-03-12', tz)).toBe('due');
      expect(reminderStatus(new Date('2026-03-13T12:59:59Z'), '2026-03-12', tz)).toBe('due');
      expect(reminderStatus(new Date('2026-03-13T13:00:00Z'), '2026-03-12', tz)).toBe('skipped');
    });

    it('two recipients of one due date get it at their own 09:00', () => {
      const at = new Date('2026-03-12T10:00:00Z');
      expect(reminderStatus(at, '2026-03-12', 'Europe/London')).toBe('due');
      expect(reminderStatus(at, '2026-03-12', 'America/Los_Angeles')).toBe('early');
    });
  });

  describe('checkInOutcome', () => {
    const period = { weekStart: '2026-03-09', dueOn: '2026-03-12' };
    it('on time on or before the due date, late after it within the week', () => {
      expect(checkInOutcome(period, '2026-03-09', '2026-03-20')).toBe('on_time');
      expect(checkInOutcome(period, '2026-03-12', '2026-03-20')).toBe('on_time');
      expect(checkInOutcome(period, '2026-03-13', '2026-03-20')).toBe('late');
      expect(checkInOutcome(period, '2026-03-15', '2026-03-20')).toBe('late');
    });
    it('missed once the week is over without one; open before that', () => {
      expect(checkInOutcome(period, null, '2026-03-16')).toBe('missed');
      expect(checkInOutcome(period, '2026-03-16', '2026-03-16')).toBe('missed');
      expect(checkInOutcome(period, null, '2026-03-14')).toBe('open');
      expect(checkInOutcome(period, '2026-03-02', '2026-03-14')).toBe('open');
    });
  });

  describe('isCheckInMissed', () => {
    const period = { weekStart: '2026-03-09', dueOn: '2026-03-12' };
    it('is missed N days after the due date, not before', () => {
      expect(isCheckInMissed(period, null, '2026-03-13', 2)).toBe(false);
      expect(isCheckInMissed(period, null, '2026-03-14', 2)).toBe(true);
      expect(isCheckInMissed(period, '2026-03-05', '2026-03-14', 2)).toBe(true);
    });
    it('any check-in since the week began answers it, even a late one', () => {
      expect(isCheckInMissed(period, '2026-03-09', '2026-03-14', 2)).toBe(false);
      expect(isCheckInMissed(period, '2026-03-14', '2026-03-14', 2)).toBe(false);
    });
  });

  describe('followingCheckInPeriod', () => {
    it('is the next ISO week, due on the check-in day of that week', () => {
      expect(followingCheckInPeriod({ weekStart: '2026-03-09' }, 3)).toEqual({
        isoWeek: '2026-W12',
        weekStart: '2026-03-16',
        dueOn: '2026-03-18',
      });
    });
    it('crosses into a new ISO week-year: after 2026-W53 (Monday 2026-12-28) comes 2027-W01', () => {
      expect(followingCheckInPeriod({ weekStart: '2026-12-28' }, 7)).toEqual({
        isoWeek: '2027-W01',
        weekStart: '2027-01-04',
        dueOn: '2027-01-10',
      });
    });
  });

  describe('isCheckInPeriodDone', () => {
    const period = { weekStart: '2026-03-09' };
    it('is done by a check-in since the week began (before, on or after its due date)', () => {
      expect(isCheckInPeriodDone(period, '2026-03-09')).toBe(true);
      expect(isCheckInPeriodDone(period, '2026-03-20')).toBe(true);
    });
    it('is not done by an older check-in, nor without any', () => {
      expect(isCheckInPeriodDone(period, '2026-03-08')).toBe(false);
      expect(isCheckInPeriodDone(period, null)).toBe(false);
    });
  });
});
