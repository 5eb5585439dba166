import type { Rag } from '../check-ins/check-in.entity';
import type { Health } from './portfolio.dto';

// Outcomes rank below on_track: a finished priority never makes its engagement look worse.
const HEALTH_ORDER: Record<Health, number> = {
  achieved: -1,
  dropped: -1,
  on_track: 0,
  at_risk: 1,
  off_track: 2,
  overdue: 3,
};
const RAG_ORDER: Record<Rag, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** An engagement is as healthy as its least healthy active priority. */
export function worstHealth(values: readonly Health[]): Health | null {
  return values.reduce<Health | null>((w, h) => (w === null || HEALTH_ORDER[h] > HEALTH_ORDER[w] ? h : w), null);
}

export function worstRag(values: readonly Rag[]): Rag | null {
  return values.reduce<Rag | null>((w, r) => (w === null || RAG_ORDER[r] > RAG_ORDER[w] ? r : w), null);
}

/** "Reported green, computed red": the people report better than the numbers say. Overdue counts as off track. */
export function ragDisagrees(reported: Rag | null, computed: Health | null): boolean {
  if (!reported || !computed) return false;
  return RAG_ORDER[reported] < Math.min(HEALTH_ORDER[computed], 2);
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** How many of the ascending ISO dates come before `day`. */
export function countBefore(ascending: readonly string[], day: string): number {
  let n = 0;
  while (n < ascending.length && ascending[n] < day) n++;
  return n;
}
