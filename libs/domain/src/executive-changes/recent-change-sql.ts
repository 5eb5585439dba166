/** Days after an executive change during which the portfolio marks the engagement. */
export const RECENT_EXECUTIVE_CHANGE_DAYS = 30;

/**
 * SQL for engagements alias `e`: the effective date (YYYY-MM-DD) of its latest executive change in force for fewer
 * than 30 days on `todaySql`, else null.
 */
export function recentExecutiveChangeSql(todaySql: string): string {
  return `(SELECT to_char(max(ec.effective_date), 'YYYY-MM-DD') FROM executive_changes ec
     WHERE ec.organization_id = e.organization_id AND ec.engagement_id = e.id AND ec.applied_at IS NOT NULL
       AND ec.effective_date <= ${todaySql}::date AND ec.effective_date > ${todaySql}::date - ${RECENT_EXECUTIVE_CHANGE_DAYS})`;
}
