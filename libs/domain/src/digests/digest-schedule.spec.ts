import { digestWeekStatus, isoWeekOf, isValidIsoWeek, nextSlotAt, slotOf } from './digest-schedule';

const MONDAY_8 = { weekday: 1, hour: 8 };
const at = (iso: string) => new Date(iso);

describe('digest slots across timezones (pinned instants)', () => {
  it('Monday 08:00 in Berlin is 07:00 UTC in winter and 06:00 UTC in the week after the DST change', () => {
    // DST starts in the EU on Sunday 2026-03-29.
    expect(slotOf('2026-W13', { ...MONDAY_8, timezone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-03-23T07:00:00.000Z',
    );
    expect(slotOf('2026-W14', { ...MONDAY_8, timezone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-03-30T06:00:00.000Z',
    );
    // …and back to 07:00 UTC after it ends on 2026-10-25.
    expect(slotOf('2026-W44', { ...MONDAY_8, timezone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-10-26T07:00:00.000Z',
    );
  });

  it('a slot inside the DST gap (Sunday 02:30 in New York on 2026-03-08) moves to the first valid local time', () => {
    expect(slotOf('2026-W10', { weekday: 7, hour: 2, timezone: 'America/New_York' }).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('UTC+14 (Kiritimati) sends Monday 08:00 local on Sunday 18:00 UTC, in its own ISO week', () => {
    const zone = 'Pacific/Kiritimati';
    expect(isoWeekOf(at('2026-11-22T18:00:00Z'), zone)).toBe('2026-W48');
    expect(isoWeekOf(at('2026-11-22T18:00:00Z'), 'UTC')).toBe('2026-W47');
    const status = digestWeekStatus(at('2026-11-22T18:00:00Z'), { ...MONDAY_8, timezone: zone });
    expect(status).toEqual({ isoWeek: '2026-W48', slotAt: at('2026-11-22T18:00:00Z'), due: true, missed: false });
  });

  it('UTC+13 (Tongatapu) and UTC−10 (Honolulu) are 23 hours apart for the same local slot', () => {
    const tonga = slotOf('2026-W48', { ...MONDAY_8, timezone: 'Pacific/Tongatapu' });
    const honolulu = slotOf('2026-W48', { ...MONDAY_8, timezone: 'Pacific/Honolulu' });
    expect(tonga.toISOString()).toBe('2026-11-22T19:00:00.000Z');
    expect(honolulu.toISOString()).toBe('2026-11-23T18:00:00.000Z');
  });

  it('is due from the slot until a day later, then missed (not sent late)', () => {
    const slot = { ...MONDAY_8, timezone: 'UTC' };
    expect(digestWeekStatus(at('2026-11-23T07:59:59Z'), slot)).toMatchObject({ due: false, missed: false });
    expect(digestWeekStatus(at('2026-11-23T08:00:00Z'), slot)).toMatchObject({ due: true, missed: false });
    expect(digestWeekStatus(at('2026-11-24T07:59:59Z'), slot)).toMatchObject({ due: true, missed: false });
    expect(digestWeekStatus(at('2026-11-24T08:00:00Z'), slot)).toMatchObject({ due: false, missed: true });
    expect(digestWeekStatus(at('2026-11-26T10:00:00Z'), slot)).toMatchObject({
      isoWeek: '2026-W48',
      due: false,
      missed: true,
    });
  });

  it('gives the next slot: this week while it is ahead, else next week', () => {
    const slot = { weekday: 3, hour: 17, timezone: 'Asia/Kolkata' };
    expect(nextSlotAt(at('2026-11-23T00:00:00Z'), slot).toISOString()).toBe('2026-11-25T11:30:00.000Z');
    expect(nextSlotAt(at('2026-11-26T00:00:00Z'), slot).toISOString()).toBe('2026-12-02T11:30:00.000Z');
  });

  it('validates ISO week keys (2026 has 53 weeks, 2027 only 52)', () => {
    expect(['2026-W48', '2026-W53', '2027-W01'].map(isValidIsoWeek)).toEqual([true, true, true]);
    expect(['2027-W53', '2026-W00', '2026-48', 'x'].map(isValidIsoWeek)).toEqual([false, false, false, false]);
  });
});
