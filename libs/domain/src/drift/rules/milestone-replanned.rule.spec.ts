import { milestoneReplannedRule } from './milestone-replanned.rule';
import { milestoneFacts, scanFacts } from './scan-facts.fixture';

// defaults: more than 2 re-plans or more than 30 days pushed in total.
function replanned(replanCount: number, replanTotalDays: number) {
  return milestoneReplannedRule(
    scanFacts({
      milestones: [
        milestoneFacts({ baselineDueDate: '2026-03-31', dueDate: '2026-04-30', replanCount, replanTotalDays }),
      ],
    }),
  );
}

describe('milestoneReplannedRule', () => {
  it('is silent exactly at both limits (2 re-plans, 30 days)', () => {
    expect(replanned(2, 30)).toEqual([]);
    expect(replanned(0, 0)).toEqual([]);
  });

  it('warns one past the count limit', () => {
    expect(replanned(3, 10)).toEqual([
      {
        rule: 'milestone_replanned',
        subjectType: 'milestone',
        subjectId: 'm-1',
        engagementId: 'e-1',
        severity: 'warning',
        message:
          '‘Hire two AEs’ has been re-planned 3 times, pushing it 10 days in total (baseline 2026-03-31, now 2026-04-30)',
        details: {
          replanCount: 3,
          replanTotalDays: 10,
          baselineDueDate: '2026-03-31',
          dueDate: '2026-04-30',
          replanMaxCount: 2,
          replanMaxTotalDays: 30,
        },
      },
    ]);
  });

  it('warns one past the days limit, even for a single move', () => {
    const [d] = replanned(1, 31);
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('re-planned once, pushing it 31 days in total');
  });

  it('is critical when both limits are broken', () => {
    expect(replanned(3, 31)[0].severity).toBe('critical');
  });

  it('is critical when the total is beyond twice the days limit (60 → warning, 61 → critical)', () => {
    expect(replanned(1, 60)[0].severity).toBe('warning');
    expect(replanned(1, 61)[0].severity).toBe('critical');
  });
});
