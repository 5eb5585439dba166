import { DRIFT_RULES } from '../drift/drift-types';
import { alertAudience, ownerFacingRules } from './alert-audience';

describe('alertAudience', () => {
  it.each([
    ['milestone_overdue', 'owner'],
    ['milestone_forecast_slip', 'owner'],
    ['milestone_replanned', 'owner'],
    ['priority_behind_plan', 'owner'],
    // An executive's stale check-ins and falling confidence are the firm's business, not the client's owner's.
    ['priority_stalled', 'internal'],
    ['confidence_falling', 'internal'],
    ['focus_overload', 'internal'],
    ['owner_overload', 'internal'],
    ['owner_missing', 'internal'],
    ['allocation_mismatch', 'internal'],
    ['engagement_term_ending', 'internal'],
    ['renewal_at_risk', 'internal'],
    ['forecast_beyond_target', 'owner'],
  ] as const)('%s is for %s', (rule, audience) => {
    expect(alertAudience(rule)).toBe(audience);
  });

  it('covers every rule', () => {
    for (const rule of DRIFT_RULES) expect(['internal', 'owner']).toContain(alertAudience(rule));
  });

  it('lists the rules a client-side owner may hear about', () => {
    expect(ownerFacingRules()).toEqual([
      'milestone_overdue',
      'milestone_forecast_slip',
      'milestone_replanned',
      'priority_behind_plan',
      'forecast_beyond_target',
    ]);
  });
});
