import { ownerMissingRule } from './owner-missing.rule';
import { priorityFacts, scanFacts } from './scan-facts.fixture';

describe('ownerMissingRule', () => {
  it('is silent for a reachable owner', () => {
    expect(ownerMissingRule(scanFacts({ priorities: [priorityFacts()] }))).toEqual([]);
  });

  it('warns when the priority has no owner', () => {
    const facts = scanFacts({ priorities: [priorityFacts({ ownerId: null, ownerReachable: false })] });
    expect(ownerMissingRule(facts)).toEqual([
      {
        rule: 'owner_missing',
        subjectType: 'priority',
        subjectId: 'p-1',
        engagementId: 'e-1',
        severity: 'warning',
        message: '‘Build the sales team’ has no owner',
        details: { ownerId: null, ownerReachable: false },
      },
    ]);
  });

  it('warns when the owner exists but cannot be reached', () => {
    const [d] = ownerMissingRule(scanFacts({ priorities: [priorityFacts({ ownerReachable: false })] }));
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('‘Build the sales team’ has an owner who cannot be reached (no email and no user account)');
    expect(d.details).toEqual({ ownerId: 'o-1', ownerReachable: false });
  });
});
