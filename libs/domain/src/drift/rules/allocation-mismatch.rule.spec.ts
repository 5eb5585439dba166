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

  describe('against the allocation in force on each due date', () => {
    const withBooked = (daysPerWeek: number, dueSoonAllocations: number[]) =>
      allocationMismatchRule(
        scanFacts({
          engagements: [
            engagementFacts({ openMilestonesNext30Days: dueSoonAllocations.length, daysPerWeek, dueSoonAllocations }),
          ],
        }),
      );

    it('counts a booked scale-down before it starts: 8 due on 2 days/week is fine, 4 of them after a drop to 0.5 is not', () => {
      // Today's allocation only: 8 / 2 = 4 ≤ 6.
      expect(withBooked(2, [2, 2, 2, 2, 2, 2, 2, 2])).toEqual([]);
      // 4 due while 2 days/week are in force (4 × 0.5 = 2) and 4 after the scale-down to 0.5 (4 × 2 = 8): 10 > 6.
      const [d] = withBooked(2, [2, 2, 2, 2, 0.5, 0.5, 0.5, 0.5]);
      expect(d.severity).toBe('warning');
      expect(d.message).toBe(
        'This engagement has 8 milestones due in the next 30 days on 2 days a week, 0.5 from a booked change before some fall due (10 per allocated day, limit 6)',
      );
      expect(d.details).toMatchObject({ milestonesPerAllocatedDay: 10, lowestDaysPerWeekOnDueDates: 0.5 });
    });

    it('lets a booked scale-up relieve the milestones due after it (14 on 2 → 7; with 8 of them on 4 → 5)', () => {
      expect(
        withBooked(
          2,
          Array.from({ length: 14 }, () => 2),
        )[0].details.milestonesPerAllocatedDay,
      ).toBe(7);
      expect(withBooked(2, [2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4])).toEqual([]);
    });

    it('is critical when a booked change leaves no days at all for a milestone due', () => {
      const [d] = withBooked(2, [2, 0]);
      expect(d.severity).toBe('critical');
      expect(d.details.milestonesPerAllocatedDay).toBeNull();
    });
  });
});
