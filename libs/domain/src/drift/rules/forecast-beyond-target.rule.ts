import { daysBetween } from '../../health';
import type { Detection, ScanFacts } from '../drift-types';
import { dayCount, quoted } from './rule-text';

/** Days beyond the target up to which the alert is a warning; later, critical. */
const WARNING_UP_TO_DAYS = 14;

/**
 * The priority's forecast (the latest P80 landing date of its open milestones, from the organization's own slip
 * history) lands after its target date, or after the engagement's term end when that comes first. The forecast is
 * recomputed by every scan, so the alert resolves on the first scan whose forecast comes back in time.
 */
export function forecastBeyondTargetRule(facts: ScanFacts): Detection[] {
  const detections: Detection[] = [];
  for (const p of facts.priorities) {
    if (!p.forecastP80) continue;
    const termEndsFirst = p.engagementEndDate !== null && p.engagementEndDate < p.targetDate;
    const limit = termEndsFirst ? p.engagementEndDate! : p.targetDate;
    const daysBeyond = daysBetween(limit, p.forecastP80);
    if (daysBeyond <= 0) continue;
    const what = termEndsFirst ? `the engagement's term end (${limit})` : `its target date (${limit})`;
    detections.push({
      rule: 'forecast_beyond_target',
      subjectType: 'priority',
      subjectId: p.id,
      engagementId: p.engagementId,
      severity: daysBeyond <= WARNING_UP_TO_DAYS ? 'warning' : 'critical',
      message: `${quoted(p.title)} is likely to land by ${p.forecastP80} (P80), ${dayCount(daysBeyond)} after ${what}`,
      details: {
        forecastP80: p.forecastP80,
        targetDate: p.targetDate,
        engagementEndDate: p.engagementEndDate,
        daysBeyond,
      },
    });
  }
  return detections;
}
