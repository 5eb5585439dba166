import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { alertAge, plural } from './format';

describe('plural', () => {
  it('agrees the noun with the count', () => {
    expect(plural(0, 'active priority', 'active priorities')).toBe('0 active priorities');
    expect(plural(1, 'active priority', 'active priorities')).toBe('1 active priority');
    expect(plural(2, 'active priority', 'active priorities')).toBe('2 active priorities');
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
