import { DateTime } from 'luxon';
import type { Schemas } from '../api/client';

type Item = Schemas['PortfolioItemView'];

/**
 * The portfolio's "needs attention" strip (issue 14, "a dashboard that explains itself"): why an engagement wants a
 * look this morning, counted by reason, each count one click from the filtered list. An engagement counts under
 * every reason that applies to it.
 */
export const ATTENTION_REASONS = ['critical', 'off_track', 'at_risk', 'overdue', 'no_check_in'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** No check-in for this long on an engagement with active priorities: the executive's update is missing. */
export const CHECK_IN_STALE_DAYS = 14;

export const ATTENTION_LABEL: Record<AttentionReason, (n: number) => string> = {
  critical: (n) => `${n} with critical alerts`,
  off_track: (n) => `${n} off track`,
  at_risk: (n) => `${n} at risk`,
  overdue: (n) => `${n} with overdue milestones`,
  no_check_in: (n) => `${n} without a check-in for ${CHECK_IN_STALE_DAYS} days`,
};

export function needsAttention(item: Item, reason: AttentionReason, now: DateTime = DateTime.now()): boolean {
  switch (reason) {
    case 'critical':
      return item.openAlerts.critical > 0;
    case 'off_track':
      // Overdue (past the target date) reads as off track to a person triaging.
      return item.headline === 'off_track' || item.headline === 'overdue';
    case 'at_risk':
      return item.headline === 'at_risk';
    case 'overdue':
      return item.overdueMilestones > 0;
    case 'no_check_in':
      return (
        item.status === 'active' &&
        item.priorityCounts.active > 0 &&
        (!item.lastCheckInAt || now.diff(DateTime.fromISO(item.lastCheckInAt), 'days').days >= CHECK_IN_STALE_DAYS)
      );
  }
}

export function attentionCounts(
  items: readonly Item[],
  now: DateTime = DateTime.now(),
): Record<AttentionReason, number> {
  const counts = Object.fromEntries(ATTENTION_REASONS.map((r) => [r, 0])) as Record<AttentionReason, number>;
  for (const item of items) for (const r of ATTENTION_REASONS) if (needsAttention(item, r, now)) counts[r] += 1;
  return counts;
}

export function isAttentionReason(value: string): value is AttentionReason {
  return (ATTENTION_REASONS as readonly string[]).includes(value);
}

/** The strip: a button per reason that has any engagement; pressed = the list shows only those. */
export function NeedsAttention({
  items,
  value,
  onChange,
}: {
  items: readonly Item[];
  value: string;
  onChange: (reason: AttentionReason | '') => void;
}) {
  const counts = attentionCounts(items);
  const reasons = ATTENTION_REASONS.filter((r) => counts[r] > 0 || r === value);
  return (
    <section className="needs-attention" aria-labelledby="needs-attention-title">
      <h2 id="needs-attention-title">Needs attention</h2>
      {reasons.length === 0 ? (
        <p className="muted">Nothing needs attention: no critical alerts, nothing off track or overdue.</p>
      ) : (
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>
              <button
                type="button"
                className={`attention attention-${reason}`}
                aria-pressed={value === reason}
                onClick={() => onChange(value === reason ? '' : reason)}
              >
                {ATTENTION_LABEL[reason](counts[reason])}
              </button>
            </li>
          ))}
          {value ? (
            <li>
              <button type="button" className="link" onClick={() => onChange('')}>
                Show all
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
