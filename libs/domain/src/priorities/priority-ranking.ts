/**
 * Ranks among active priorities stay 1..n with no gaps. Moving `id` to `position` (1-based, clamped)
 * shifts the others; returns the new rank of every active priority.
 */
export function rerank(
  activeIdsInRankOrder: readonly string[],
  id: string,
  position: number | null,
): Map<string, number> {
  const others = activeIdsInRankOrder.filter((x) => x !== id);
  const index = position === null ? others.length : Math.min(Math.max(position, 1), others.length + 1) - 1;
  const ordered = [...others.slice(0, index), id, ...others.slice(index)];
  return new Map(ordered.map((x, i) => [x, i + 1]));
}

/** Closes the gap a priority leaves when it stops being active. */
export function compact(activeIdsInRankOrder: readonly string[], leavingId: string): Map<string, number> {
  return new Map(activeIdsInRankOrder.filter((x) => x !== leavingId).map((x, i) => [x, i + 1]));
}
