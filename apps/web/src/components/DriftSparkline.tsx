import { curveMonotoneX, line } from 'd3-shape';
import type { Schemas } from '../api/client';

type DriftPoint = Schemas['DriftPointView'];

/**
 * The 8-week drift sparkline of a portfolio row. Hundreds render at once, so it is one SVG path drawn with
 * d3-shape (the curve code recharts itself uses) instead of a full chart per row.
 */
export function DriftSparkline({ points, label }: { points: DriftPoint[]; label: string }) {
  if (points.length < 2) return <span className="muted">no trend yet</span>;
  const width = 96;
  const height = 28;
  const scores = points.map((p) => p.score);
  const low = Math.min(...scores) - 5;
  const high = Math.max(...scores) + 5;
  const path = line<number>()
    .x((_, i) => 2 + (i / (scores.length - 1)) * (width - 4))
    .y((score) => height - 3 - ((score - low) / (high - low)) * (height - 6))
    .curve(curveMonotoneX)(scores);
  const rising = scores[scores.length - 1] > scores[0];
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={`${label}: drift ${scores.join(', ')} over ${points.length} weeks`}
    >
      <path d={path ?? ''} fill="none" stroke={rising ? '#b42318' : '#067647'} strokeWidth={2} />
    </svg>
  );
}
