import type { SqlParams } from '../shared/sql';
import type { Role } from '../users/user.entity';
import type { DriftRule } from './drift-types';

/**
 * Alert rules a role never sees. Allocation is commercial: client viewers never see it, so not its alerts either.
 * The term and its renewal are the firm's contract with the client, negotiated by the account manager: the client
 * is told by people, not by an alert saying its renewal is at risk.
 * What a role may not list it may not count or filter by either: every query that lists, counts or filters alerts
 * for a person applies visibleAlertRuleSql (the alert list, the portfolio's openAlerts, the digest's open alerts).
 */
const HIDDEN_ALERT_RULES: Record<Role, readonly DriftRule[]> = {
  admin: [],
  account_manager: [],
  executive: [],
  client_viewer: ['allocation_mismatch', 'engagement_term_ending', 'renewal_at_risk'],
};

export function hiddenAlertRules(role: Role): readonly DriftRule[] {
  return HIDDEN_ALERT_RULES[role];
}

/** Condition on a drift_alerts alias: its rule is one the role may see. */
export function visibleAlertRuleSql(role: Role, alias: string, p: SqlParams): string {
  const hidden = hiddenAlertRules(role);
  return hidden.length ? `${alias}.rule <> ALL(${p.add(hidden)}::text[])` : 'true';
}
