import { addDays } from '../digests/digest-dates';
import { milestoneLoad } from '../drift/rules/allocation-mismatch.rule';

/** One allocation change as the history keeps it, in the order recorded. */
export interface AllocationStep {
  effectiveDate: string;
  daysPerWeek: number;
}

export interface WhatIfMilestone {
  id: string;
  priorityId: string;
  title: string;
  dueDate: string;
}

export interface OverloadedMilestone extends WhatIfMilestone {
  /** Milestones per allocated day/week in the 30 days up to this milestone's due date, as booked today… */
  loadBefore: number | null;
  /** …and with the change tried (null: no allocated days at all). */
  loadAfter: number | null;
}

/**
 * The allocation in force on `date`: the last step effective by then (of steps effective the same day, the one
 * recorded last), else `fallback` (the engagement's stored allocation).
 */
export function allocationOn(history: readonly AllocationStep[], fallback: number, date: string): number {
  let found: AllocationStep | undefined;
  for (const step of history) {
    if (step.effectiveDate <= date && (!found || step.effectiveDate >= found.effectiveDate)) found = step;
  }
  return found ? found.daysPerWeek : fallback;
}

/**
 * The open milestones an allocation change would overload, writing nothing. A milestone's load is that of the
 * allocation_mismatch rule over the 30 days up to its due date: Σ 1 / (allocation in force on each due date; an
 * overdue one: today's) for the open milestones due in [due − 29, due]. It becomes overloaded when that load is
 * within `limit` as booked and above it with `change` recorded after the history.
 */
export function milestonesOverloadedBy(
  milestones: readonly WhatIfMilestone[],
  history: readonly AllocationStep[],
  change: AllocationStep,
  fallback: number,
  limit: number,
  today: string,
): OverloadedMilestone[] {
  const after = [...history, change];
  const sorted = [...milestones].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const loadOf = (m: WhatIfMilestone, steps: readonly AllocationStep[]) => {
    const from = addDays(m.dueDate, -29);
    const window = sorted.filter((k) => k.dueDate >= from && k.dueDate <= m.dueDate);
    return milestoneLoad(window.map((k) => allocationOn(steps, fallback, k.dueDate < today ? today : k.dueDate)));
  };
  const shown = (load: number) => (Number.isFinite(load) ? Math.round(load * 100) / 100 : null);
  const overloaded: OverloadedMilestone[] = [];
  for (const m of sorted) {
    const before = loadOf(m, history);
    const afterLoad = loadOf(m, after);
    if (before <= limit && afterLoad > limit) {
      overloaded.push({ ...m, loadBefore: shown(before), loadAfter: shown(afterLoad) });
    }
  }
  return overloaded;
}
