/**
 * The dashboard's figures in plain words (issue 14, "a dashboard that explains itself"): one place for each
 * explanation, used as a tooltip (title) on the figure and listed in the "What these mean" legend.
 */
export const EXPLAIN = {
  drift:
    'Drift score, 0 to 100, higher is worse: how far the priorities are behind plan, with overdue and slipped milestones, weeks without a check-in and falling confidence added in. Recorded every day.',
  threshold: 'Dashed red line at 50: above it the engagement is drifting badly and needs attention.',
  expected:
    'Expected by today: the share of the time from the priority’s start to its target date that has passed. The black mark on the bar; the blue bar is the share of milestone weight done.',
  confidence:
    'Confidence: how sure the executive said they were, 0 to 10, in each of the last 8 check-ins (oldest on the left).',
  headline:
    'The first word is the worse of the computed health (from the numbers) and the status the executive reported; when they differ, the line beside them says why.',
} as const;

export function Legend({ items }: { items: ReadonlyArray<keyof typeof EXPLAIN> }) {
  return (
    <details className="legend">
      <summary>What these mean</summary>
      <ul>
        {items.map((key) => (
          <li key={key}>{EXPLAIN[key]}</li>
        ))}
      </ul>
    </details>
  );
}
