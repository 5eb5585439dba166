import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../api/client';
import { formatShortDate } from '../lib/format';

type DriftPoint = Schemas['DriftPointView'];

export function DriftTrendChart({ points }: { points: DriftPoint[] }) {
  if (points.length === 0)
    return <p className="state state-empty">No drift history yet: the worker records a score every day.</p>;
  return (
    <div
      className="chart"
      role="img"
      aria-label={`Drift score over ${points.length} days, from ${points[0].score} to ${points[points.length - 1].score}`}
    >
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -18 }}>
          <CartesianGrid stroke="#e4e7ec" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={formatShortDate}
            minTickGap={24}
            tick={{ fontSize: 12, fill: '#475467' }}
          />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: '#475467' }} />
          <Tooltip labelFormatter={(d) => formatShortDate(String(d))} />
          <ReferenceLine y={50} stroke="#b42318" strokeDasharray="4 4" />
          <Line
            type="monotone"
            dataKey="score"
            name="Drift"
            stroke="#1d4ed8"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ConfidenceTrend({ points }: { points: Schemas['ConfidencePointView'][] }) {
  if (points.length === 0) return <span className="muted">no check-ins yet</span>;
  return (
    <span
      role="img"
      aria-label={`Confidence trend: ${points.map((p) => p.confidence).join(', ')} (out of 10)`}
      className="sparkline"
    >
      <LineChart width={110} height={32} data={points} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
        <YAxis hide domain={[0, 10]} />
        <Line
          type="monotone"
          dataKey="confidence"
          stroke="#1d4ed8"
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
