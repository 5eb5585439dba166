import { addDays } from '../../digests/digest-dates';
import { daysBetween } from '../../health';
import type { Detection, ScanFacts } from '../drift-types';
import { dayCount } from './rule-text';

/**
 * The notice deadline of a running engagement's term (term end − notice period) is `termEndingWithinDays` away or
 * less (the organization's setting, 30 by default): someone must decide now whether it renews. Warning until the
 * deadline, critical once it has passed while the term still runs (the chance to give notice is gone). Nothing once
 * the term has ended, and nothing for an engagement without a term end.
 */
export function engagementTermEndingRule(facts: ScanFacts): Detection[] {
  const { termEndingWithinDays: within } = facts.thresholds;
  const detections: Detection[] = [];
  for (const e of facts.terms) {
    if (!e.termEndDate || e.termEndDate < facts.today) continue;
    const noticeDeadline = addDays(e.termEndDate, -e.noticePeriodDays);
    const daysToDeadline = daysBetween(facts.today, noticeDeadline);
    if (daysToDeadline > within) continue;
    const renews = e.autoRenew ? 'it renews by itself unless notice is given' : 'it ends unless renewed';
    const when =
      daysToDeadline > 0
        ? `in ${dayCount(daysToDeadline)}`
        : daysToDeadline === 0
          ? 'today'
          : `${dayCount(-daysToDeadline)} ago`;
    detections.push({
      rule: 'engagement_term_ending',
      subjectType: 'engagement',
      subjectId: e.id,
      engagementId: e.id,
      severity: daysToDeadline < 0 ? 'critical' : 'warning',
      message: `The term ends on ${e.termEndDate} and the notice deadline is ${noticeDeadline} (${when}); ${renews}`,
      details: {
        termEndDate: e.termEndDate,
        noticePeriodDays: e.noticePeriodDays,
        noticeDeadline,
        daysToDeadline,
        autoRenew: e.autoRenew,
        termEndingWithinDays: within,
      },
    });
  }
  return detections;
}
