import { expectedProgress, type HealthThresholds } from '../health/health';
import { engagementHealthStory, healthWords } from '../health/headline';
import { countBefore } from '../portfolio/engagement-health';
import type { PriorityAggregate } from '../portfolio/portfolio.repository';

/**
 * The engagement's headline health as one sentence for an alert email (issue 14, "one health story"): the same
 * word the dashboard and the digest show, from the same function (engagementHealthStory) over the same rollup, and
 * when reported and computed disagree, the line that says why.
 *
 *   "At risk — reported on track; computed at risk: 1 milestone 25 days overdue"
 *
 * Null when the engagement has no active priority (there is no headline to give).
 */
export function engagementHealthSentence(
  priorities: readonly PriorityAggregate[],
  today: string,
  thresholds: HealthThresholds,
): string | null {
  const active = priorities.filter((p) => p.status === 'active');
  const story = engagementHealthStory(
    active.map((p) => {
      const total = Number(p.total_weight);
      return {
        title: p.title,
        status: p.status,
        progress: total > 0 ? Number(p.done_weight) / total : 0,
        expected: expectedProgress(p.start_date, p.target_date, today),
        targetDate: p.target_date,
        reportedRag: p.latest_rag,
        oldestOpenDueDate: p.next_due,
        overdueMilestones: countBefore(p.open_due ?? [], today),
      };
    }),
    today,
    thresholds,
  );
  if (!story.headline) return null;
  const word = healthWords(story.headline);
  const label = word.charAt(0).toUpperCase() + word.slice(1);
  return story.note ? `${label} — ${story.note}` : label;
}
