import { daysBetween } from '../../health';
import type { Detection, ScanFacts } from '../drift-types';
import { dayCount } from './rule-text';

/**
 * A renewal `renewalWindowDays` away or less (60 by default) while the engagement shows what makes clients walk
 * away: a drift score above `renewalRiskDriftScore`, check-ins being missed (the latest is more than
 * `renewalMissedCheckInDays` old, or none for that long since the start), or a client who no longer reads them
 * (median time to acknowledge over the last 4 weeks above `renewalAckMedianDays`), or a client whose latest pulse
 * says they are not satisfied with progress (LOW_PULSE_SCORE or less of 5). Warning with one reason,
 * critical with two or more. A renewal date already past is the term rule's business, not this one's.
 */
/** A client pulse at or below this (of 5) is a reason the renewal is at risk. */
export const LOW_PULSE_SCORE = 2;

export function renewalAtRiskRule(facts: ScanFacts): Detection[] {
  const t = facts.thresholds;
  const detections: Detection[] = [];
  for (const e of facts.terms) {
    if (!e.renewalDate) continue;
    const daysToRenewal = daysBetween(facts.today, e.renewalDate);
    if (daysToRenewal < 0 || daysToRenewal > t.renewalWindowDays) continue;
    const reasons: string[] = [];
    if (e.driftScore !== null && e.driftScore > t.renewalRiskDriftScore) {
      reasons.push(`drift score ${e.driftScore} (above ${t.renewalRiskDriftScore})`);
    }
    const since = e.lastCheckInOn ?? (e.startDate <= facts.today ? e.startDate : null);
    const daysWithoutCheckIn = since ? daysBetween(since, facts.today) : 0;
    const checkInsMissed = daysWithoutCheckIn > t.renewalMissedCheckInDays;
    if (checkInsMissed) {
      reasons.push(
        e.lastCheckInOn
          ? `no check-in for ${dayCount(daysWithoutCheckIn)}`
          : `no check-in since the start ${dayCount(daysWithoutCheckIn)} ago`,
      );
    }
    if (e.ackMedianDays !== null && e.ackMedianDays > t.renewalAckMedianDays) {
      reasons.push(`the client takes ${e.ackMedianDays} days (median) to acknowledge check-ins`);
    }
    if (e.latestPulseScore != null && e.latestPulseScore <= LOW_PULSE_SCORE) {
      reasons.push(`the client's latest pulse is ${e.latestPulseScore} of 5`);
    }
    if (reasons.length === 0) continue;
    detections.push({
      rule: 'renewal_at_risk',
      subjectType: 'engagement',
      subjectId: e.id,
      engagementId: e.id,
      severity: reasons.length >= 2 ? 'critical' : 'warning',
      message: `The renewal on ${e.renewalDate} (${daysToRenewal === 0 ? 'today' : `in ${dayCount(daysToRenewal)}`}) is at risk: ${reasons.join('; ')}`,
      details: {
        renewalDate: e.renewalDate,
        daysToRenewal,
        driftScore: e.driftScore,
        daysWithoutCheckIn,
        ackMedianDays: e.ackMedianDays,
        ...(e.latestPulseScore != null ? { latestPulseScore: e.latestPulseScore } : {}),
        reasons: reasons.length,
        renewalWindowDays: t.renewalWindowDays,
        renewalRiskDriftScore: t.renewalRiskDriftScore,
        renewalMissedCheckInDays: t.renewalMissedCheckInDays,
        renewalAckMedianDays: t.renewalAckMedianDays,
      },
    });
  }
  return detections;
}
