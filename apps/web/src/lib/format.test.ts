import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { alertAge, dateRange, plural } from './format';

describe('plural', () => {
  it('agrees the noun with the count', () => {
    expect(plural(0, 'active priority', 'active priorities')).toBe('0 active priorities');
    expect(plural(1, 'active priority', 'active priorities')).toBe('1 active priority');
    expect(plural(2, 'active priority', 'active priorities')).toBe('2 active priorities');
  });
});

describe('dateRange', () => {
  it('says a forecast range the short way', () => {
    expect(dateRange('2026-05-12', '2026-05-19', '2026-04-01')).toBe('12–19 May');
    expect(dateRange('2026-05-28', '2026-06-03', '2026-04-01')).toBe('28 May – 3 Jun');
    expect(dateRange('2026-12-28', '2027-01-04', '2026-04-01')).toBe('28 Dec 2026 – 4 Jan 2027');
    expect(dateRange('2026-05-12', '2026-05-12', '2026-04-01')).toBe('12 May');
    expect(dateRange('2027-05-12', '2027-05-19', '2026-04-01')).toBe('12–19 May 2027');
  });
});

describe('alertAge', () => {
  const now = DateTime.fromISO('2026-06-01T10:00:00');
  it('says since when the condition has held, not when the scan first saw it', () => {
    expect(alertAge({ conditionSince: '2026-05-07', firstSeenAt: '2026-06-01T08:00:00.000Z' }, now)).toBe(
      'since 7 May 2026 (25 days)',
    );
  });
  it('falls back to the first sighting when the rule cannot tell', () => {
    expect(alertAge({ conditionSince: null, firstSeenAt: '2026-05-30T08:00:00.000Z' }, now)).toBe(
      'first seen 30 May 2026',
    );
  });
});
