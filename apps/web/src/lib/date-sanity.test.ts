import { describe, expect, it } from 'vitest';
import { unusualDueDate } from './date-sanity';

describe('due dates that ask for confirmation', () => {
  const today = '2026-12-07';
  it('a date years in the past', () => {
    expect(unusualDueDate('2023-03-01', today, '2027-06-30')).toBe('1 Mar 2023 is over 3 years ago.');
    expect(unusualDueDate('2025-12-01', today, '2027-06-30')).toBe('1 Dec 2025 is over a year ago.');
  });
  it('a date after the priority’s target date', () => {
    expect(unusualDueDate('2027-08-01', today, '2027-06-30')).toBe(
      '1 Aug 2027 is after the priority’s target date (30 Jun 2027).',
    );
  });
  it('an ordinary date, a recent past one, or a half-typed one: nothing to ask', () => {
    expect(unusualDueDate('2027-01-15', today, '2027-06-30')).toBeNull();
    expect(unusualDueDate('2026-11-01', today, '2027-06-30')).toBeNull();
    expect(unusualDueDate('2027-06-30', today, '2027-06-30')).toBeNull();
    expect(unusualDueDate('0002-01-01'.slice(0, 7), today, null)).toBeNull();
  });
});
