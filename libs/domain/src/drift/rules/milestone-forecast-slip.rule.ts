import { daysBetween } from '../../health';
import type { Detection, ScanFacts, Severity } from '../drift-types';
import { dayCount, quoted } from './rule-text';

/** Forecast lateness (days) up to which the slip is only informational, and up to which it is a warning. */
const INFO_UP_TO_DAYS = 7;
const WARNING_UP_TO_DAYS = 21;

/**
 * The forecast lands at least `forecastSlipMinDays` after the due date. Once a milestone is overdue,
 * milestone_overdue speaks for it, so this rule stays quiet rather than alerting twice about one slip.
 */
export function milestoneForecastSlipRule(facts: ScanFacts): Detection[] {
  const { forecastSlipMinDays } = facts.thresholds;
  const detections: Detection[] = [];
  for (const m of facts.milestones) {
    if (!m.forecastDate || m.dueDate < facts.today) continue;
    const daysLate = daysBetween(m.dueDate, m.forecastDate);
    if (daysLate <= 0 || daysLate < forecastSlipMinDays) continue;
    const severity: Severity =
      daysLate <= INFO_UP_TO_DAYS ? 'info' : daysLate <= WARNING_UP_TO_DAYS ? 'warning' : 'critical';
    detections.push({
      rule: 'milestone_forecast_slip',
      subjectType: 'milestone',
      subjectId: m.id,
      engagementId: m.engagementId,
      severity,
      message: `${quoted(m.title)} is forecast ${dayCount(daysLate)} late (forecast ${m.forecastDate}, due ${m.dueDate})`,
      details: { daysLate, dueDate: m.dueDate, forecastDate: m.forecastDate, forecastSlipMinDays },
    });
  }
  return detections;
}
