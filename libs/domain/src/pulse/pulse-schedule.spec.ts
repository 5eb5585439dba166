import { monthlyPulseMonth, pulseSlotOf } from './pulse-schedule';

describe('pulseSlotOf: the recipient’s month and 09:00 window', () => {
  it('UTC: 09:00 opens the window, 12:00 closes it', () => {
    expect(pulseSlotOf(new Date('2026-12-01T08:59:00Z'), 'UTC')).toMatchObject({ month: '2026-12', open: false });
    expect(pulseSlotOf(new Date('2026-12-01T09:00:00Z'), 'UTC')).toEqual({
      month: '2026-12',
      slotAt: new Date('2026-12-01T09:00:00Z'),
      open: true,
    });
    expect(pulseSlotOf(new Date('2026-12-01T11:59:00Z'), 'UTC').open).toBe(true);
    expect(pulseSlotOf(new Date('2026-12-01T12:00:00Z'), 'UTC').open).toBe(false);
  });
  it('Auckland (UTC+13 in December): 09:00 on 1 December is 20:00 UTC on 30 November, and that is December', () => {
    expect(pulseSlotOf(new Date('2026-11-30T20:05:00Z'), 'Pacific/Auckland')).toEqual({
      month: '2026-12',
      slotAt: new Date('2026-11-30T20:00:00Z'),
      open: true,
    });
  });
  it('New York across the DST change (1 November 2026): 09:00 EST is 14:00 UTC, 09:00 EDT the day before is 13:00', () => {
    expect(pulseSlotOf(new Date('2026-11-02T14:00:00Z'), 'America/New_York')).toMatchObject({
      month: '2026-11',
      slotAt: new Date('2026-11-02T14:00:00Z'),
      open: true,
    });
    expect(pulseSlotOf(new Date('2026-10-31T13:00:00Z'), 'America/New_York')).toMatchObject({
      month: '2026-10',
      slotAt: new Date('2026-10-31T13:00:00Z'),
      open: true,
    });
  });
});

describe('monthlyPulseMonth', () => {
  const at = (iso: string) => new Date(iso);
  it('never answered, at 09:05: asked for this month', () => {
    expect(
      monthlyPulseMonth({ now: at('2026-12-01T09:05:00Z'), timezone: 'UTC', today: '2026-12-01', lastAnswer: null }),
    ).toBe('2026-12');
  });
  it('answered last month: asked; answered this month: not', () => {
    const last = (on: string) => ({ on, at: `${on}T10:00:00.000Z` });
    expect(
      monthlyPulseMonth({
        now: at('2026-12-01T09:05:00Z'),
        timezone: 'UTC',
        today: '2026-12-01',
        lastAnswer: last('2026-11-20'),
      }),
    ).toBe('2026-12');
    expect(
      monthlyPulseMonth({
        now: at('2026-12-03T09:05:00Z'),
        timezone: 'UTC',
        today: '2026-12-03',
        lastAnswer: last('2026-12-02'),
      }),
    ).toBeNull();
  });
  it('outside the window: not now, whatever is due', () => {
    expect(
      monthlyPulseMonth({ now: at('2026-12-01T08:00:00Z'), timezone: 'UTC', today: '2026-12-01', lastAnswer: null }),
    ).toBeNull();
    expect(
      monthlyPulseMonth({ now: at('2026-12-01T15:00:00Z'), timezone: 'UTC', today: '2026-12-01', lastAnswer: null }),
    ).toBeNull();
  });
  it('Auckland viewer of a UTC firm who answered in November: the firm’s day is still 30 November, so not yet', () => {
    expect(
      monthlyPulseMonth({
        now: at('2026-11-30T20:05:00Z'),
        timezone: 'Pacific/Auckland',
        today: '2026-11-30',
        lastAnswer: { on: '2026-11-10', at: '2026-11-10T10:00:00.000Z' },
      }),
    ).toBeNull();
    // The next morning in Auckland the firm's day is 1 December: asked, for Auckland's December.
    expect(
      monthlyPulseMonth({
        now: at('2026-12-01T20:05:00Z'),
        timezone: 'Pacific/Auckland',
        today: '2026-12-01',
        lastAnswer: { on: '2026-11-10', at: '2026-11-10T10:00:00.000Z' },
      }),
    ).toBe('2026-12');
  });
});
