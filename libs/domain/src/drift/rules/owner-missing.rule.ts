import type { Detection, ScanFacts } from '../drift-types';
import { quoted } from './rule-text';

/** An active priority nobody can be held to: no owner, or an owner with no email and no user account. */
export function ownerMissingRule(facts: ScanFacts): Detection[] {
  return facts.priorities
    .filter((p) => p.ownerId === null || !p.ownerReachable)
    .map((p): Detection => ({
      rule: 'owner_missing',
      subjectType: 'priority',
      subjectId: p.id,
      engagementId: p.engagementId,
      severity: 'warning',
      message:
        p.ownerId === null
          ? `${quoted(p.title)} has no owner`
          : `${quoted(p.title)} has an owner who cannot be reached (no email and no user account)`,
      details: { ownerId: p.ownerId, ownerReachable: p.ownerId === null ? false : p.ownerReachable },
    }));
}
