/**
 * SQL for the allocation in force on `todayParam` for engagements alias `e`: the latest change effective
 * by then (future-dated scale-ups apply on their date without any job), else the stored value.
 */
export function allocationInForceSql(todayParam: string): string {
  return `COALESCE((SELECT ac.days_per_week FROM allocation_changes ac
     WHERE ac.organization_id = e.organization_id AND ac.engagement_id = e.id AND ac.effective_date <= ${todayParam}::date
     ORDER BY ac.effective_date DESC, ac.created_at DESC, ac.id DESC LIMIT 1), e.days_per_week)`;
}
