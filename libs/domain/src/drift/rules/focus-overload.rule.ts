import type { Detection, ScanFacts } from '../drift-types';

/** How far over the cap before it is critical: a couple over is a warning, more means focus is gone. */
const CRITICAL_OVER_CAP_BY = 2;

/** An engagement with more active priorities than the organization's focus cap. */
export function focusOverloadRule(facts: ScanFacts): Detection[] {
  const { focusCap } = facts;
  return facts.engagements
    .filter((e) => e.activePriorities > focusCap)
    .map((e): Detection => ({
      rule: 'focus_overload',
      subjectType: 'engagement',
      subjectId: e.id,
      engagementId: e.id,
      severity: e.activePriorities > focusCap + CRITICAL_OVER_CAP_BY ? 'critical' : 'warning',
      // EngagementFacts carries no name; the alert is shown under its engagement, so "this engagement" reads well.
      message: `This engagement has ${e.activePriorities} active priorities, above its focus cap of ${focusCap}`,
      details: { activePriorities: e.activePriorities, focusCap, overBy: e.activePriorities - focusCap },
    }));
}
