import { addDays, daysFrom } from './digest-dates';

describe('digest date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-23', -7)).toBe('2026-11-16');
    expect(addDays('2026-12-28', 14)).toBe('2027-01-11');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days, negative backwards', () => {
    expect(daysFrom('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysFrom('2026-11-23', '2026-11-20')).toBe(-3);
    expect(daysFrom('2026-03-28', '2026-03-30')).toBe(2);
  });
});
