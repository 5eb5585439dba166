import { DRIFT_RULES, type Detection, type DriftRule, type ScanFacts } from '../drift-types';
import { allocationMismatchRule } from './allocation-mismatch.rule';
import { checkInMissedRule } from './check-in-missed.rule';
import { confidenceFallingRule } from './confidence-falling.rule';
import { engagementTermEndingRule } from './engagement-term-ending.rule';
import { forecastBeyondTargetRule } from './forecast-beyond-target.rule';
import { focusOverloadRule } from './focus-overload.rule';
import { milestoneForecastSlipRule } from './milestone-forecast-slip.rule';
import { milestoneOverdueRule } from './milestone-overdue.rule';
import { milestoneReplannedRule } from './milestone-replanned.rule';
import { ownerMissingRule } from './owner-missing.rule';
import { ownerOverloadRule } from './owner-overload.rule';
import { priorityBehindPlanRule } from './priority-behind-plan.rule';
import { priorityStalledRule } from './priority-stalled.rule';
import { renewalAtRiskRule } from './renewal-at-risk.rule';

export { resolveDriftThresholds } from './resolve-drift-thresholds';
export {
  allocationMismatchRule,
  checkInMissedRule,
  confidenceFallingRule,
  engagementTermEndingRule,
  focusOverloadRule,
  forecastBeyondTargetRule,
  milestoneForecastSlipRule,
  milestoneOverdueRule,
  milestoneReplannedRule,
  ownerMissingRule,
  ownerOverloadRule,
  priorityBehindPlanRule,
  priorityStalledRule,
  renewalAtRiskRule,
};

/** Every rule by name; a Record so that adding a name to DRIFT_RULES without a rule fails to compile. */
export const DRIFT_RULE_FUNCTIONS: Record<DriftRule, (facts: ScanFacts) => Detection[]> = {
  milestone_overdue: milestoneOverdueRule,
  milestone_forecast_slip: milestoneForecastSlipRule,
  milestone_replanned: milestoneReplannedRule,
  priority_behind_plan: priorityBehindPlanRule,
  priority_stalled: priorityStalledRule,
  confidence_falling: confidenceFallingRule,
  focus_overload: focusOverloadRule,
  owner_overload: ownerOverloadRule,
  owner_missing: ownerMissingRule,
  allocation_mismatch: allocationMismatchRule,
  engagement_term_ending: engagementTermEndingRule,
  renewal_at_risk: renewalAtRiskRule,
  forecast_beyond_target: forecastBeyondTargetRule,
  check_in_missed: checkInMissedRule,
};

/** The rules that look at one milestone at a time: a scan feeds them its milestones in batches. */
export const MILESTONE_RULES: readonly DriftRule[] = [
  'milestone_overdue',
  'milestone_forecast_slip',
  'milestone_replanned',
];
const isMilestoneRule = (name: DriftRule) => MILESTONE_RULES.includes(name);

/** All detections for one organization's facts, in DRIFT_RULES order then input order. */
export function evaluateDriftRules(facts: ScanFacts): Detection[] {
  return DRIFT_RULES.flatMap((name) => DRIFT_RULE_FUNCTIONS[name](facts));
}

/** Detections of the milestone rules for `facts.milestones` only (one batch of them). */
export function evaluateMilestoneRules(facts: ScanFacts): Detection[] {
  return DRIFT_RULES.filter(isMilestoneRule).flatMap((name) => DRIFT_RULE_FUNCTIONS[name](facts));
}

/** Detections of every other rule (priorities, engagements, owners); they never read `facts.milestones`. */
export function evaluateAggregateRules(facts: ScanFacts): Detection[] {
  return DRIFT_RULES.filter((name) => !isMilestoneRule(name)).flatMap((name) => DRIFT_RULE_FUNCTIONS[name](facts));
}
