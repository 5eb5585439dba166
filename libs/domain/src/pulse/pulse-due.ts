import type { PulseReason } from './pulse.entity';

export interface PulseDueFacts {
  today: string;
  /** The reader's latest answer for this engagement: its day (organization's timezone) and instant; null: never. */
  lastAnswer: { on: string; at: string } | null;
  /** When priorities of the engagement were achieved (ISO instants). */
  achievedAt: readonly string[];
}

/**
 * Whether the client is asked the pulse question now, and why: a priority achieved after their last answer asks
 * at once; otherwise once a calendar month (never answered, or last answered in an earlier month).
 */
export function pulseDue(f: PulseDueFacts): PulseReason | null {
  const last = f.lastAnswer;
  if (f.achievedAt.some((at) => last === null || Date.parse(at) > Date.parse(last.at))) return 'priority_achieved';
  if (last === null || last.on.slice(0, 7) < f.today.slice(0, 7)) return 'monthly';
  return null;
}

/** The trend an account manager reads: the monthly mean scores, oldest first, and the direction of the last two. */
export function pulseTrend(pulses: readonly { day: string; score: number }[]): {
  months: Array<{ month: string; mean: number; answers: number }>;
  direction: 'up' | 'down' | 'flat' | null;
} {
  const byMonth = new Map<string, number[]>();
  for (const p of pulses) {
    const m = p.day.slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), p.score]);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, scores]) => ({
      month,
      mean: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
      answers: scores.length,
    }));
  if (months.length < 2) return { months, direction: null };
  const [prev, last] = months.slice(-2);
  return { months, direction: last.mean > prev.mean ? 'up' : last.mean < prev.mean ? 'down' : 'flat' };
}
