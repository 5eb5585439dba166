import { ownerOverloadRule } from './owner-overload.rule';
import { ownerFacts, scanFacts } from './scan-facts.fixture';

// default ownerMaxActivePriorities 4: 5–8 warn, 9+ (more than twice) is critical.
function overload(activePriorities: number) {
  return ownerOverloadRule(scanFacts({ owners: [ownerFacts({ activePriorities })] }));
}

describe('ownerOverloadRule', () => {
  it('is silent at the limit', () => {
    expect(overload(4)).toEqual([]);
  });

  it('warns one past the limit, under no engagement', () => {
    expect(overload(5)).toEqual([
      {
        rule: 'owner_overload',
        subjectType: 'owner',
        subjectId: 'o-1',
        engagementId: null,
        severity: 'warning',
        message: 'Dana Reyes owns 5 active priorities, more than the limit of 4',
        details: { activePriorities: 5, ownerMaxActivePriorities: 4 },
      },
    ]);
  });

  it('is critical beyond twice the limit (8 → warning, 9 → critical)', () => {
    expect(overload(8)[0].severity).toBe('warning');
    expect(overload(9)[0].severity).toBe('critical');
  });
});
