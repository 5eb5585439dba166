import { DRIFT_RULES, type DriftRule } from '../drift/drift-types';

/**
 * Who an alert of each rule is for (issue 14, "alerts that go to the right people").
 *
 * - `internal`: about how the firm runs the engagement — an executive's stale check-ins or falling confidence,
 *   an owner carrying too much, too many priorities, an allocation that does not fit, a priority without an
 *   owner. Only the firm's people get them: the engagement's executive, the client's account manager, and an
 *   owner who is a firm user (admin, account manager or executive).
 * - `owner`: something the priority's owner can act on — a milestone overdue, slipping or re-planned, a priority
 *   behind plan. Besides the firm's people, a client-side owner (one without an account, or a client viewer)
 *   gets these about their own priorities, and only when the organization enables `notifyPeopleWithoutAccount`.
 */
export type AlertAudience = 'internal' | 'owner';

const AUDIENCE: Record<DriftRule, AlertAudience> = {
  milestone_overdue: 'owner',
  milestone_forecast_slip: 'owner',
  milestone_replanned: 'owner',
  priority_behind_plan: 'owner',
  priority_stalled: 'internal',
  confidence_falling: 'internal',
  focus_overload: 'internal',
  owner_overload: 'internal',
  owner_missing: 'internal',
  allocation_mismatch: 'internal',
  // the contract's term and renewal are the firm's commercial business
  engagement_term_ending: 'internal',
  renewal_at_risk: 'internal',
  // a priority's forecast passing its target is the owner's plan at risk, like being behind plan
  forecast_beyond_target: 'owner',
  // a missed check-in is for the account manager to chase (issue 18, item 3): the firm's business
  check_in_missed: 'internal',
};

export function alertAudience(rule: DriftRule): AlertAudience {
  return AUDIENCE[rule];
}

/** The rules a client-side owner may be mailed about (their own priorities only). */
export function ownerFacingRules(): DriftRule[] {
  return DRIFT_RULES.filter((rule) => AUDIENCE[rule] === 'owner');
}
