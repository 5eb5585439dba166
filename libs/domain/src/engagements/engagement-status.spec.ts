import { ENGAGEMENT_STATUSES } from './engagement.entity';
import { allowedTransitions, canTransition, isEndedStatus } from './engagement-status';

describe('engagement status transitions', () => {
  it.each([
    ['proposed', 'active'],
    ['active', 'paused'],
    ['active', 'renewing'],
    ['paused', 'active'],
    ['renewing', 'active'],
    ['renewing', 'ended'],
    ['paused', 'ended'],
    ['active', 'ended'],
    ['active', 'completed'],
    ['proposed', 'cancelled'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['proposed', 'paused'],
    ['proposed', 'renewing'],
    ['paused', 'renewing'],
    ['renewing', 'paused'],
    ['ended', 'active'],
    ['completed', 'active'],
    ['cancelled', 'proposed'],
    ['active', 'proposed'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('lets every status stay where it is (a PATCH repeating the status is a no-op)', () => {
    for (const s of ENGAGEMENT_STATUSES) expect(canTransition(s, s)).toBe(true);
  });

  it('has nothing after an ending, and every status is reachable from proposed', () => {
    for (const s of ['ended', 'completed', 'cancelled'] as const) {
      expect(isEndedStatus(s)).toBe(true);
      expect(allowedTransitions(s)).toEqual([]);
    }
    const seen = new Set<string>(['proposed']);
    const queue = ['proposed'] as Array<(typeof ENGAGEMENT_STATUSES)[number]>;
    while (queue.length)
      for (const n of allowedTransitions(queue.shift()!)) if (!seen.has(n) && seen.add(n)) queue.push(n);
    expect([...seen].sort()).toEqual([...ENGAGEMENT_STATUSES].sort());
  });
});
