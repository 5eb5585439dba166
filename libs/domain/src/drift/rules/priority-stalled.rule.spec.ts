import type { PriorityFacts } from '../drift-types';
import { priorityStalledRule } from './priority-stalled.rule';
import { priorityFacts, scanFacts } from './scan-facts.fixture';

// today is 2026-03-20; default stalledAfterDays 14, critical at 28.
const checkIn = (createdOn: string) => ({ createdOn, confidence: 7, rag: 'on_track' as const });

function stalled(overrides: Partial<PriorityFacts>) {
  return priorityStalledRule(scanFacts({ priorities: [priorityFacts(overrides)] }));
}

describe('priorityStalledRule', () => {
  it('is silent 13 days after the last check-in and warns at exactly 14', () => {
    expect(stalled({ recentCheckIns: [checkIn('2026-03-07')] })).toEqual([]);
    expect(stalled({ recentCheckIns: [checkIn('2026-03-06')] })).toEqual([
      {
        rule: 'priority_stalled',
        subjectType: 'priority',
        subjectId: 'p-1',
        engagementId: 'e-1',
        severity: 'warning',
        message: '‘Build the sales team’ has had no check-in for 14 days (last on 2026-03-06)',
        details: { daysWithoutCheckIn: 14, lastCheckInOn: '2026-03-06', startDate: '2026-01-01', stalledAfterDays: 14 },
      },
    ]);
  });

  it('is critical at twice the threshold (27 days → warning, 28 → critical)', () => {
    expect(stalled({ recentCheckIns: [checkIn('2026-02-21')] })[0].severity).toBe('warning');
    expect(stalled({ recentCheckIns: [checkIn('2026-02-20')] })[0].severity).toBe('critical');
  });

  it('uses the latest check-in', () => {
    expect(stalled({ recentCheckIns: [checkIn('2026-01-10'), checkIn('2026-03-16')] })).toEqual([]);
  });

  it('without check-ins, counts from the start date', () => {
    const [d] = stalled({ startDate: '2026-03-06', recentCheckIns: [] });
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      '‘Build the sales team’ has had no check-in for 14 days (none since it started on 2026-03-06)',
    );
    expect(d.details.lastCheckInOn).toBeNull();
  });

  it('does not call a young priority stalled (started 10 days ago, or not started yet)', () => {
    expect(stalled({ startDate: '2026-03-10', recentCheckIns: [] })).toEqual([]);
    expect(stalled({ startDate: '2026-04-01', recentCheckIns: [] })).toEqual([]);
  });

  it('follows the organization threshold', () => {
    const facts = scanFacts({ priorities: [priorityFacts({ recentCheckIns: [checkIn('2026-03-13')] })] });
    expect(
      priorityStalledRule({ ...facts, thresholds: { ...facts.thresholds, stalledAfterDays: 7 } })[0].severity,
    ).toBe('warning');
  });
});
