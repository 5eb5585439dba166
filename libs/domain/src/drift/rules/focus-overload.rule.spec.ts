import { focusOverloadRule } from './focus-overload.rule';
import { engagementFacts, scanFacts } from './scan-facts.fixture';

// focus cap 5: 6–7 active priorities warn, 8+ (more than cap + 2) is critical.
function overload(activePriorities: number) {
  return focusOverloadRule(scanFacts({ focusCap: 5, engagements: [engagementFacts({ activePriorities })] }));
}

describe('focusOverloadRule', () => {
  it('is silent at the cap', () => {
    expect(overload(5)).toEqual([]);
  });

  it('warns one past the cap', () => {
    expect(overload(6)).toEqual([
      {
        rule: 'focus_overload',
        subjectType: 'engagement',
        subjectId: 'e-1',
        engagementId: 'e-1',
        severity: 'warning',
        message: 'This engagement has 6 active priorities, above its focus cap of 5',
        details: { activePriorities: 6, focusCap: 5, overBy: 1 },
      },
    ]);
  });

  it('is critical more than two past the cap (7 → warning, 8 → critical)', () => {
    expect(overload(7)[0].severity).toBe('warning');
    expect(overload(8)[0].severity).toBe('critical');
  });
});
