import { allocationMismatchRule } from './allocation-mismatch.rule';
import { engagementFacts, scanFacts } from './scan-facts.fixture';

// defaults: norm 3 milestones per allocated day/week × factor 2 → limit 6; critical beyond 12.
function mismatch(openMilestonesNext30Days: number, daysPerWeek = 2) {
  return allocationMismatchRule(
    scanFacts({ engagements: [engagementFacts({ openMilestonesNext30Days, daysPerWeek })] }),
  );
}

describe('allocationMismatchRule', () => {
  it('is silent exactly at the limit (12 milestones on 2 days/week = 6)', () => {
    expect(mismatch(12)).toEqual([]);
  });

  it('warns one past the limit (13 on 2 days/week = 6.5)', () => {
    expect(mismatch(13)).toEqual([
      {
        rule: 'allocation_mismatch',
        subjectType: 'engagement',
        subjectId: 'e-1',
        engagementId: 'e-1',
        severity: 'warning',
        message:
          'This engagement has 13 milestones due in the next 30 days on 2 days a week (6.5 per allocated day, limit 6)',
        details: {
          openMilestonesNext30Days: 13,
          daysPerWeek: 2,
          milestonesPerAllocatedDay: 6.5,
          limit: 6,
          allocationNormMilestonesPerDay: 3,
          allocationMismatchFactor: 2,
        },
      },
    ]);
  });

  it('is critical beyond twice the limit (24 → 12 warning, 25 → 12.5 critical)', () => {
    expect(mismatch(24)[0].severity).toBe('warning');
    expect(mismatch(25)[0].severity).toBe('critical');
  });

  it('handles fractional allocations (10 on 1.5 days/week = 6.67)', () => {
    expect(mismatch(10, 1.5)[0].details.milestonesPerAllocatedDay).toBe(6.67);
  });

  it('treats work due on a zero allocation as critical, and no work as fine', () => {
    const [d] = mismatch(1, 0);
    expect(d.severity).toBe('critical');
    expect(d.details.milestonesPerAllocatedDay).toBeNull();
    expect(d.message).toContain('(no allocated days, limit 6)');
    expect(mismatch(0, 0)).toEqual([]);
  });
});
