import type { Detection, ScanFacts } from '../drift-types';

/** One owner carrying more active priorities (across engagements) than the organization allows. */
export function ownerOverloadRule(facts: ScanFacts): Detection[] {
  const max = facts.thresholds.ownerMaxActivePriorities;
  return facts.owners
    .filter((o) => o.activePriorities > max)
    .map((o): Detection => ({
      rule: 'owner_overload',
      subjectType: 'owner',
      subjectId: o.id,
      engagementId: null, // the load spans engagements, so the alert belongs to none of them
      severity: o.activePriorities > 2 * max ? 'critical' : 'warning',
      message: `${o.name} owns ${o.activePriorities} active priorities, more than the limit of ${max}`,
      details: { activePriorities: o.activePriorities, ownerMaxActivePriorities: max },
    }));
}
