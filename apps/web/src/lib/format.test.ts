import { describe, expect, it } from 'vitest';
import { dateRange, plural } from './format';

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
