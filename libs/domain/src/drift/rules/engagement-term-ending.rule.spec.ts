import { engagementTermEndingRule } from './engagement-term-ending.rule';
import { scanFacts, termFacts } from './scan-facts.fixture';

// today 2026-03-20; default window: the notice deadline within 30 days.
function ending(overrides: Parameters<typeof termFacts>[0], termEndingWithinDays?: number) {
  const facts = scanFacts({ terms: [termFacts(overrides)] });
  if (termEndingWithinDays !== undefined) facts.thresholds.termEndingWithinDays = termEndingWithinDays;
  return engagementTermEndingRule(facts);
}

describe('engagementTermEndingRule', () => {
  it('warns when the notice deadline is exactly 30 days away (term end 2026-05-19, 30 days notice → 2026-04-19)', () => {
    expect(ending({ termEndDate: '2026-05-19', noticePeriodDays: 30 })).toEqual([
      {
        rule: 'engagement_term_ending',
        subjectType: 'engagement',
        subjectId: 'e-1',
        engagementId: 'e-1',
        severity: 'warning',
        message:
          'The term ends on 2026-05-19 and the notice deadline is 2026-04-19 (in 30 days); it ends unless renewed',
        details: {
          termEndDate: '2026-05-19',
          noticePeriodDays: 30,
          noticeDeadline: '2026-04-19',
          daysToDeadline: 30,
          autoRenew: false,
          termEndingWithinDays: 30,
        },
      },
    ]);
  });

  it('is silent one day further out (deadline 2026-04-20, 31 days)', () => {
    expect(ending({ termEndDate: '2026-05-20', noticePeriodDays: 30 })).toEqual([]);
  });

  it('follows the organization setting (deadline in 31 days, window 45 → warning)', () => {
    expect(ending({ termEndDate: '2026-05-20', noticePeriodDays: 30 }, 45)).toHaveLength(1);
  });

  it('without a notice period the deadline is the term end itself', () => {
    const [d] = ending({ termEndDate: '2026-03-25', noticePeriodDays: 0, autoRenew: true });
    expect(d.details).toMatchObject({ noticeDeadline: '2026-03-25', daysToDeadline: 5 });
    expect(d.message).toContain('it renews by itself unless notice is given');
  });

  it('is critical once the deadline has passed while the term still runs, and says so', () => {
    const [d] = ending({ termEndDate: '2026-04-10', noticePeriodDays: 30 });
    expect(d.severity).toBe('critical');
    expect(d.details).toMatchObject({ noticeDeadline: '2026-03-11', daysToDeadline: -9 });
    expect(d.message).toContain('(9 days ago)');
  });

  it('reads "today" on the deadline itself', () => {
    expect(ending({ termEndDate: '2026-04-19', noticePeriodDays: 30 })[0].message).toContain('(today)');
  });

  it('is silent without a term end, and once the term has ended', () => {
    expect(ending({ termEndDate: null, noticePeriodDays: 30 })).toEqual([]);
    expect(ending({ termEndDate: '2026-03-19', noticePeriodDays: 30 })).toEqual([]);
    expect(ending({ termEndDate: '2026-03-20', noticePeriodDays: 0 })).toHaveLength(1);
  });
});
