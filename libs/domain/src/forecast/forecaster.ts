import { addDays, daysBetween } from '../health/calendar';

/**
 * Landing-date forecasts from an organization's own history (issue 20). Pure: no I/O, no clock.
 *
 * The measure: a completed milestone's slip as a share of its planned duration,
 *   ratio = (completed on − baseline due date) / planned duration,
 * where the planned duration runs from the milestone's planned start (the previous milestone's baseline due date in
 * its priority, or the priority's start for the first) to its baseline due date. An open milestone's landing date
 * for a ratio r is baseline + r × its own planned duration.
 *
 * Comparable milestones are those of the same planned-duration bucket whose final number of re-plans is at least the
 * open milestone's re-plans so far (capped at 3: a milestone re-planned 20 times is compared with those re-planned 3
 * times or more). Within that, three nested groups: the same executive and function, the same function, the whole
 * organization. Each group's samples count with weight n / (n + K) (K = SHRINK_K pseudo-samples) and leave the rest
 * to the wider group; the organization leaves its rest to GLOBAL_PRIOR_RATIOS, so a firm without history gets the
 * prior's wide range, and a group of 3 samples moves the forecast only a little.
 *
 * The open milestone is still open today: comparables that would have landed before today are dropped (the
 * distribution is conditioned on "not done yet"). If none remain, it is overdue beyond all its comparables: the
 * forecast becomes today + the prior's spread beyond its median. P50 and P80 are the weighted quantiles of what is
 * left, never before today.
 */

/** Pseudo-samples a group must have before it carries half the weight. */
export const SHRINK_K = 20;
/** A milestone without a planned duration (no start before its baseline) is taken to span this many days. */
export const DEFAULT_DURATION_DAYS = 30;
/** Re-plans so far beyond this are treated as this many. */
export const REPLAN_CAP = 3;
/**
 * The documented global prior: twenty equally likely slip ratios of a typical consulting milestone — a fifth land
 * early or on time, the median is 20% late, one in five lands 80% late or more. Deliberately wide.
 */
export const GLOBAL_PRIOR_RATIOS: readonly number[] = [
  -0.1, -0.05, 0, 0, 0.05, 0.05, 0.1, 0.1, 0.15, 0.2, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.3, 1.8,
];

export const DURATION_BUCKETS = [
  { upTo: 14, label: 'under 14 days' },
  { upTo: 30, label: '14–30 days' },
  { upTo: 60, label: '30–60 days' },
  { upTo: 120, label: '60–120 days' },
  { upTo: Infinity, label: '120 days or more' },
] as const;

export function durationBucket(days: number): number {
  return DURATION_BUCKETS.findIndex((b) => days < b.upTo);
}

/** A completed milestone of the organization. */
export interface HistorySample {
  function: string;
  executiveId: string;
  /** Planned duration in days, null when there is none (skipped: nothing to scale). */
  durationDays: number | null;
  /** Days from the baseline due date to completion (negative: early). */
  slipDays: number;
  /** Times its due date was changed. */
  replanCount: number;
  /**
   * When each re-plan was made (days after the planned start) and where it moved the due date (days after the
   * baseline), in order. Present, it lets the model compare an open milestone with what comparable milestones looked
   * like at the same point of their plan (see STATE_CHECKPOINTS).
   */
  replanLog?: ReadonlyArray<{ atDays: number; dueShiftDays: number }>;
}

/** An open milestone to forecast. */
export interface OpenMilestone {
  id: string;
  function: string;
  executiveId: string;
  baselineDueDate: string;
  durationDays: number | null;
  replanCount: number;
  /** Its due date now (after its re-plans so far). With it, the forecast is counted from it (state-matched). */
  currentDueDate?: string;
}

export interface Forecast {
  milestoneId: string;
  p50: string;
  p80: string;
  /** Comparable completed milestones behind it (0: the global prior alone). */
  sampleSize: number;
  /** One sentence on where the range comes from. */
  basis: string;
}

interface WeightedRatio {
  ratio: number;
  weight: number;
}

/**
 * The points of a plan (elapsed share of the planned duration, from the planned start) at which the history is
 * indexed by state: at each, a completed milestone that was still open then had made some number of re-plans and had
 * some due date. An open milestone is compared at the latest checkpoint it has passed.
 */
export const STATE_CHECKPOINTS: readonly number[] = [
  0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.35, 1.5, 1.75, 2, 2.5, 3,
];

/** The index of the latest checkpoint at or before `elapsed` (a share of the planned duration). */
export function checkpointIndex(elapsed: number): number {
  let i = 0;
  while (i + 1 < STATE_CHECKPOINTS.length && STATE_CHECKPOINTS[i + 1]! <= elapsed + 1e-9) i += 1;
  return i;
}

/**
 * What a completed milestone looked like at each checkpoint it was still open at: the re-plans made by then (capped)
 * and its residual, (landing − due date then) / planned duration. Pure; worked examples in the spec.
 */
export function statesOf(sample: HistorySample): Array<{ checkpoint: number; replans: number; residual: number }> {
  const duration = sample.durationDays;
  if (duration === null || duration <= 0 || !sample.replanLog) return [];
  const landedAt = 1 + sample.slipDays / duration;
  const out: Array<{ checkpoint: number; replans: number; residual: number }> = [];
  STATE_CHECKPOINTS.forEach((c, checkpoint) => {
    if (landedAt <= c) return; // done by then
    let replans = 0;
    let shift = 0;
    for (const r of sample.replanLog!) {
      if (r.atDays / duration > c + 1e-9) break;
      replans += 1;
      shift = r.dueShiftDays;
    }
    out.push({ checkpoint, replans: Math.min(replans, REPLAN_CAP), residual: (sample.slipDays - shift) / duration });
  });
  return out;
}

/** Indexes history by (bucket, function, executive) once, so each forecast is a few binary searches. */
export class ForecastModel {
  /** Per group key: the sorted ratios of samples with at least r re-plans, for r = 0 … REPLAN_CAP. */
  private readonly groups = new Map<string, number[][]>();
  /** Per group key, [checkpoint][re-plans by then]: the sorted residuals of the samples open at that checkpoint. */
  private readonly states = new Map<string, number[][][]>();

  constructor(history: readonly HistorySample[]) {
    const byReplansOf = new Map<string, number[][]>();
    for (const s of history) {
      if (s.durationDays === null || s.durationDays <= 0) continue;
      const ratio = s.slipDays / s.durationDays;
      const bucket = durationBucket(s.durationDays);
      const r = Math.min(Math.max(0, s.replanCount), REPLAN_CAP);
      const keys = [`o|${bucket}`, `f|${bucket}|${s.function}`, `e|${bucket}|${s.function}|${s.executiveId}`];
      for (const key of keys) {
        let lists = byReplansOf.get(key);
        if (!lists) byReplansOf.set(key, (lists = Array.from({ length: REPLAN_CAP + 1 }, () => [])));
        lists[r]!.push(ratio);
      }
      const states = statesOf(s);
      if (states.length === 0) continue;
      for (const key of keys) {
        let table = this.states.get(key);
        if (!table)
          this.states.set(key, (table = STATE_CHECKPOINTS.map(() => Array.from({ length: REPLAN_CAP + 1 }, () => []))));
        for (const state of states) table[state.checkpoint]![state.replans]!.push(state.residual);
      }
    }
    for (const table of this.states.values())
      for (const row of table) for (let r = 0; r < row.length; r++) row[r] = sortedNumbers(row[r]!);
    for (const [key, lists] of byReplansOf) {
      const atLeast: number[][] = [];
      let acc: number[] = [];
      for (let r = REPLAN_CAP; r >= 0; r--) atLeast[r] = acc = sortedNumbers(acc.concat(lists[r]!));
      this.groups.set(key, atLeast);
    }
  }

  /** Ratios of a group with at least `replans` re-plans, sorted. */
  samples(key: string, replans: number): readonly number[] {
    return this.groups.get(key)?.[Math.min(Math.max(0, replans), REPLAN_CAP)] ?? [];
  }

  /** Residuals of a group's milestones open at a checkpoint with exactly that many re-plans by then, sorted. */
  stateSamples(key: string, checkpoint: number, replans: number): readonly number[] {
    return this.states.get(key)?.[checkpoint]?.[Math.min(Math.max(0, replans), REPLAN_CAP)] ?? [];
  }

  private readonly quantileMemo = new Map<string, readonly [number | null, number | null]>();

  /**
   * mixtureQuantile at 0.5 and at 0.8 of the groups `groupsKey` names (the same key, the same groups and weights).
   * The answer depends on the floor only through how many samples of each group lie below it, so it is remembered
   * by that: the many open milestones compared with the same groups share one computation.
   */
  quantiles(
    groupsKey: string,
    groups: ReadonlyArray<readonly number[]>,
    weights: readonly number[],
    from: number,
  ): readonly [number | null, number | null] {
    const below = groups.map((g) => countBelow(g, from));
    const key = `${groupsKey}|${below.join(',')}`;
    let found = this.quantileMemo.get(key);
    if (!found) {
      found = [quantileAbove(groups, weights, below, 0.5), quantileAbove(groups, weights, below, 0.8)];
      this.quantileMemo.set(key, found);
    }
    return found;
  }
}

/**
 * The numbers in ascending order, as a new array. Long lists go through a typed array's native numeric sort (no
 * comparator calls); short ones, most of the model's, are cheaper to sort with a comparator than to copy twice.
 */
export function sortedNumbers(values: readonly number[]): number[] {
  if (values.length <= 64) return values.slice().sort((a, b) => a - b);
  return Array.from(Float64Array.from(values).sort());
}

/** How many of the sorted values are below x (strictly), by binary search. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted values are at most x. */
function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The q-quantile of a mixture of sorted samples (group g weighs weights[g], shared equally by its samples), keeping
 * only samples of at least `from`. Null when nothing is left. The same rule as weightedQuantile, by binary search.
 */
export function mixtureQuantile(
  groups: ReadonlyArray<readonly number[]>,
  weights: readonly number[],
  from: number,
  q: number,
): number | null {
  // Each group's count below the floor, once (not once per probe of the binary searches below).
  return quantileAbove(
    groups,
    weights,
    groups.map((g) => countBelow(g, from)),
    q,
  );
}

/** mixtureQuantile, given how many samples of each group lie below the floor (they are left out). */
function quantileAbove(
  groups: ReadonlyArray<readonly number[]>,
  weights: readonly number[],
  below: readonly number[],
  q: number,
): number | null {
  const mass = (x: number) => {
    let sum = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (g.length) sum += (weights[i]! * (countAtMost(g, x) - below[i]!)) / g.length;
    }
    return sum;
  };
  let total = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.length) total += (weights[i]! * (g.length - below[i]!)) / g.length;
  }
  if (total <= 1e-12) return null;
  const target = q * total - 1e-9;
  let best: number | null = null;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    // The smallest value of this group (at least `from`) whose cumulative mass reaches the target.
    let lo = below[i]!;
    let hi = g.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mass(g[mid]!) >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo < g.length && (best === null || g[lo]! < best)) best = g[lo]!;
  }
  return best;
}

/** Weighted quantile: the smallest value whose cumulative weight reaches q of the total. */
export function weightedQuantile(points: readonly WeightedRatio[], q: number): number {
  const sorted = [...points].sort((a, b) => a.ratio - b.ratio);
  const total = sorted.reduce((sum, p) => sum + p.weight, 0);
  if (total <= 0) throw new Error('weightedQuantile of nothing');
  let cumulative = 0;
  for (const p of sorted) {
    cumulative += p.weight;
    if (cumulative >= q * total - 1e-9) return p.ratio;
  }
  return sorted[sorted.length - 1]!.ratio;
}

/**
 * quantile() of values already in ascending order, without copying or sorting them: with equal weights the
 * cumulative weight of the k-th value is k, so it is the ⌈q·n − 10⁻⁹⌉-th value (the first when that is 0).
 */
export function sortedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('sortedQuantile of nothing');
  const k = Math.ceil(q * sorted.length - 1e-9);
  return sorted[Math.min(sorted.length - 1, Math.max(0, k - 1))]!;
}

/** Plain empirical quantile (the same rule with equal weights). */
export function quantile(values: readonly number[], q: number): number {
  return weightedQuantile(
    values.map((ratio) => ({ ratio, weight: 1 })),
    q,
  );
}

/** The global prior's median, 60th and 80th percentiles (computed once). */
const PRIOR_SORTED = sortedNumbers(GLOBAL_PRIOR_RATIOS);
const PRIOR_Q50 = sortedQuantile(PRIOR_SORTED, 0.5);
const PRIOR_Q60 = sortedQuantile(PRIOR_SORTED, 0.6);
const PRIOR_Q80 = sortedQuantile(PRIOR_SORTED, 0.8);

/** The shrinkage weights of the executive, function, organization groups and the prior (they sum to 1). */
export function shrinkageWeights(nExecutive: number, nFunction: number, nOrganization: number): number[] {
  const w = (n: number) => n / (n + SHRINK_K);
  const we = w(nExecutive);
  const wf = (1 - we) * w(nFunction);
  const wo = (1 - we - wf) * w(nOrganization);
  return [we, wf, wo, 1 - we - wf - wo];
}

const pct = (ratio: number) => {
  const p = Math.round(ratio * 100);
  return p === 0 ? 'on time' : p > 0 ? `${p}% late` : `${-p}% early`;
};

export function forecastMilestone(model: ForecastModel, m: OpenMilestone, today: string): Forecast {
  const durationKnown = m.durationDays !== null && m.durationDays > 0;
  const duration = durationKnown ? m.durationDays! : DEFAULT_DURATION_DAYS;
  const bucket = durationBucket(duration);
  const replans = Math.min(Math.max(0, m.replanCount), REPLAN_CAP);
  const keys = [`e|${bucket}|${m.function}|${m.executiveId}`, `f|${bucket}|${m.function}`, `o|${bucket}`] as const;
  if (m.currentDueDate && durationKnown) {
    const checkpoint = checkpointIndex(1 + daysBetween(m.baselineDueDate, today) / duration);
    const stateGroups = keys.map((k) => model.stateSamples(k, checkpoint, replans));
    if (stateGroups[2]!.length > 0)
      return forecastFromState(
        model,
        `s|${keys[0]}|${checkpoint}|${replans}`,
        m,
        m.currentDueDate,
        duration,
        bucket,
        replans,
        stateGroups,
        today,
      );
  }
  const executive = model.samples(keys[0], replans);
  const fn = model.samples(keys[1], replans);
  const org = model.samples(keys[2], replans);
  const weights = shrinkageWeights(executive.length, fn.length, org.length);
  const groups = [executive, fn, org, GLOBAL_PRIOR_RATIOS];

  // Conditioned on still being open today: a ratio landing before today is no longer possible.
  const elapsed = daysBetween(m.baselineDueDate, today) / duration;
  const [q50, q80] = model.quantiles(`r|${keys[0]}|${replans}`, groups, weights, elapsed);

  const landing = (ratio: number) => {
    const date = addDays(m.baselineDueDate, Math.round(ratio * duration));
    return date < today ? today : date;
  };
  let p50: string;
  let p80: string;
  if (q50 !== null && q80 !== null) {
    p50 = landing(q50);
    p80 = landing(q80);
  } else {
    // Overdue beyond every comparable: from today, the prior's spread beyond its median.
    p50 = addDays(today, Math.max(1, Math.round((PRIOR_Q60 - PRIOR_Q50) * duration)));
    p80 = addDays(today, Math.max(2, Math.round((PRIOR_Q80 - PRIOR_Q50) * duration)));
  }
  if (p80 < p50) p80 = p50;

  const sampleSize = org.length;
  return {
    milestoneId: m.id,
    p50,
    p80,
    sampleSize,
    basis: basisText({
      sampleSize,
      function: m.function,
      bucketLabel: DURATION_BUCKETS[bucket]!.label,
      strongest: [executive, fn, org],
      weights,
      durationKnown,
      replans,
      overdueBeyondHistory: q50 === null,
    }),
  };
}

/**
 * The state-matched forecast: the residuals, (landing − due date then) / planned duration, of the organization's
 * milestones that at the same point of their plan were still open with as many re-plans, shrunk executive → function
 * → organization → prior like the ratios, conditioned on landing no earlier than today, counted from the current
 * due date.
 */
function forecastFromState(
  model: ForecastModel,
  groupsKey: string,
  m: OpenMilestone,
  currentDueDate: string,
  duration: number,
  bucket: number,
  replans: number,
  [executive, fn, org]: ReadonlyArray<readonly number[]>,
  today: string,
): Forecast {
  const weights = shrinkageWeights(executive!.length, fn!.length, org!.length);
  const groups = [executive!, fn!, org!, GLOBAL_PRIOR_RATIOS];
  const floor = daysBetween(currentDueDate, today) / duration;
  const [q50, q80] = model.quantiles(groupsKey, groups, weights, floor);
  const landing = (ratio: number) => {
    const date = addDays(currentDueDate, Math.round(ratio * duration));
    return date < today ? today : date;
  };
  let p50: string;
  let p80: string;
  if (q50 !== null && q80 !== null) {
    p50 = landing(q50);
    p80 = landing(q80);
  } else {
    p50 = addDays(today, Math.max(1, Math.round((PRIOR_Q60 - PRIOR_Q50) * duration)));
    p80 = addDays(today, Math.max(2, Math.round((PRIOR_Q80 - PRIOR_Q50) * duration)));
  }
  if (p80 < p50) p80 = p50;
  const sampleSize = org!.length;
  return {
    milestoneId: m.id,
    p50,
    p80,
    sampleSize,
    basis: stateBasisText({
      sampleSize,
      function: m.function,
      bucketLabel: DURATION_BUCKETS[bucket]!.label,
      strongest: [executive!, fn!, org!],
      weights,
      replans,
      currentDueDate,
      baselineDueDate: m.baselineDueDate,
      overdueBeyondHistory: q50 === null,
    }),
  };
}

/**
 * "from 214 similar milestones at the same point of their plan; CRO milestones of 30–60 days then landed 5% later
 * than their due date at the median; counted from the current due date 2026-05-12 (re-planned 2 times)".
 */
export function stateBasisText(b: {
  sampleSize: number;
  function: string;
  bucketLabel: string;
  /** The executive's, function's and organization's samples, each sorted ascending (as ForecastModel keeps them). */
  strongest: ReadonlyArray<readonly number[]>;
  weights: number[];
  replans: number;
  currentDueDate: string;
  baselineDueDate: string;
  overdueBeyondHistory: boolean;
}): string {
  const [we, wf, wo, wp] = b.weights as [number, number, number, number];
  const best = Math.max(we, wf, wo, wp);
  const similar = `${b.sampleSize} similar milestone${b.sampleSize === 1 ? '' : 's'} at the same point of their plan`;
  const parts: string[] = [];
  if (best === wp) {
    parts.push(
      `from ${similar}, too few to stand alone: mostly a wide default range (typical milestones land ${pct(PRIOR_Q50)} at the median)`,
    );
  } else {
    const [executive, fn, org] = b.strongest as [readonly number[], readonly number[], readonly number[]];
    const [group, who] =
      best === we
        ? [executive, `this executive's ${b.function}`]
        : best === wf
          ? [fn, b.function]
          : [org, "the organization's"];
    const p = Math.round(sortedQuantile(group, 0.5) * 100);
    const said =
      p === 0
        ? 'on the due date they had then'
        : `${Math.abs(p)}% of their planned duration ${p > 0 ? 'after' : 'before'} the due date they had then`;
    parts.push(`from ${similar}; ${who} milestones of ${b.bucketLabel} landed ${said}, at the median`);
  }
  parts.push(
    b.currentDueDate === b.baselineDueDate
      ? `counted from the due date ${b.currentDueDate}`
      : `counted from the current due date ${b.currentDueDate} (re-planned ${b.replans === REPLAN_CAP ? `${REPLAN_CAP} or more times` : b.replans === 1 ? 'once' : `${b.replans} times`})`,
  );
  if (b.overdueBeyondHistory) parts.push('already later than every comparable milestone landed');
  return parts.join('; ');
}

interface BasisInput {
  sampleSize: number;
  function: string;
  bucketLabel: string;
  /** The executive's, function's and organization's samples, each sorted ascending (as ForecastModel keeps them). */
  strongest: ReadonlyArray<readonly number[]>;
  weights: number[];
  durationKnown: boolean;
  replans: number;
  overdueBeyondHistory: boolean;
}

/**
 * "from 214 similar milestones; CRO milestones of 30–60 days landed 18% late at the median". The group named is the
 * one carrying the most weight (the executive's own, the function's, the organization's, or the prior).
 */
export function basisText(b: BasisInput): string {
  const parts: string[] = [];
  const [we, wf, wo, wp] = b.weights as [number, number, number, number];
  const best = Math.max(we, wf, wo, wp);
  if (b.sampleSize === 0 || best === wp) {
    const median = pct(PRIOR_Q50);
    parts.push(
      b.sampleSize === 0
        ? `no comparable completed milestones yet: a wide default range (typical milestones land ${median} at the median)`
        : `from ${b.sampleSize} similar milestone${b.sampleSize === 1 ? '' : 's'}, too few to stand alone: mostly a wide default range (typical milestones land ${median} at the median)`,
    );
  } else {
    const [executive, fn, org] = b.strongest as [readonly number[], readonly number[], readonly number[]];
    const [group, who] =
      best === we
        ? [executive, `this executive's ${b.function}`]
        : best === wf
          ? [fn, b.function]
          : [org, "the organization's"];
    parts.push(
      `from ${b.sampleSize} similar milestone${b.sampleSize === 1 ? '' : 's'}; ${who} milestones of ${b.bucketLabel} landed ${pct(sortedQuantile(group, 0.5))} at the median`,
    );
  }
  if (b.replans > 0)
    parts.push(
      `compared with milestones re-planned ${b.replans === REPLAN_CAP ? `${REPLAN_CAP} or more times` : b.replans === 1 ? 'at least once' : `at least ${b.replans} times`}`,
    );
  if (!b.durationKnown) parts.push(`no planned duration: taken as ${DEFAULT_DURATION_DAYS} days`);
  if (b.overdueBeyondHistory) parts.push('already later than every comparable milestone landed');
  return parts.join('; ');
}

/** Forecasts for many milestones from one history (one model, built once). */
export function forecastMilestones(
  history: readonly HistorySample[],
  open: readonly OpenMilestone[],
  today: string,
): Forecast[] {
  const model = new ForecastModel(history);
  return open.map((m) => forecastMilestone(model, m, today));
}

/**
 * A forecast "moved" when its P80 is more than this many days from the P80 it is measured from (issue 20: the digests
 * mention forecasts that moved by more than a week).
 */
export const FORECAST_MOVE_DAYS = 7;

/** Whether a P80 moved from `from` to `to` (more than FORECAST_MOVE_DAYS either way). The SQL of the refresh applies the same rule. */
export function forecastMoved(from: string, to: string): boolean {
  return Math.abs(daysBetween(from, to)) > FORECAST_MOVE_DAYS;
}

/** What a stored forecast remembers of its moves (migrations/1766900000000-ForecastMoves.ts). */
export interface ForecastMoveState {
  /** The P80 the next move is measured from. */
  referenceP80: string;
  /** The P80 before the latest run of moves, null when it never moved. */
  previousP80: string | null;
  /** When the latest move was seen (ISO timestamp), null when it never moved. */
  movedAt: string | null;
}

/**
 * The move state after a scan computes `p80` at `now` (ISO timestamp). A P80 more than FORECAST_MOVE_DAYS from the
 * reference is a move: the reference becomes the new P80 and `movedAt` now. `previousP80` becomes the reference it
 * moved from — unless the move before was less than a week ago: moves in a run keep the P80 from before the run's
 * first, so a forecast sliding 05-04 → 04-18 → 04-10 in two scans reads "was 05-04". ForecastRepository.replace
 * applies the same rule in SQL, set-based; worked examples in the spec.
 */
export function nextMoveState(state: ForecastMoveState | null, p80: string, now: string): ForecastMoveState {
  if (!state) return { referenceP80: p80, previousP80: null, movedAt: null };
  if (!forecastMoved(state.referenceP80, p80)) return state;
  const inRun = state.movedAt !== null && Date.parse(state.movedAt) > Date.parse(now) - FORECAST_MOVE_DAYS * 86_400_000;
  return { referenceP80: p80, previousP80: inRun ? state.previousP80 : state.referenceP80, movedAt: now };
}

/** The latest P80 per key (a priority's or an engagement's forecast is the latest P80 of its open milestones). */
export function latestP80By<K>(forecasts: ReadonlyArray<Forecast & { key: K }>): Map<K, string> {
  const latest = new Map<K, string>();
  for (const f of forecasts) {
    const current = latest.get(f.key);
    if (!current || f.p80 > current) latest.set(f.key, f.p80);
  }
  return latest;
}

/** A milestone row as the repository reads it (dates are the organization's calendar dates). */
export interface MilestoneHistoryRow {
  id: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  function: string;
  executiveId: string;
  /** The previous milestone's baseline due date in its priority, or the priority's start. */
  plannedStart: string | null;
  baselineDueDate: string;
  /** Completion date in the organization's timezone, when done. */
  completedOn: string | null;
  replanCount: number;
  /** Its due date now. */
  currentDueDate?: string;
  /** Its re-plans in order: the day each was made (organization's timezone) and the due date it set. */
  replans?: ReadonlyArray<{ on: string; newDueDate: string }>;
}

function plannedDuration(row: MilestoneHistoryRow): number | null {
  if (!row.plannedStart) return null;
  const days = daysBetween(row.plannedStart, row.baselineDueDate);
  return days > 0 ? days : null;
}

/** A done milestone as a history sample; anything else (open, cancelled) is not one. */
export function toHistorySample(row: MilestoneHistoryRow): HistorySample | null {
  if (row.status !== 'done' || !row.completedOn) return null;
  const durationDays = plannedDuration(row);
  const sample: HistorySample = {
    function: row.function,
    executiveId: row.executiveId,
    durationDays,
    slipDays: daysBetween(row.baselineDueDate, row.completedOn),
    replanCount: row.replanCount,
  };
  if (row.replans && row.plannedStart && durationDays !== null)
    sample.replanLog = row.replans.map((r) => ({
      atDays: daysBetween(row.plannedStart!, r.on),
      dueShiftDays: daysBetween(row.baselineDueDate, r.newDueDate),
    }));
  return sample;
}

/** An open milestone to forecast; done and cancelled ones get no forecast. */
export function toOpenMilestone(row: MilestoneHistoryRow): OpenMilestone | null {
  if (row.status !== 'planned' && row.status !== 'in_progress') return null;
  return {
    id: row.id,
    function: row.function,
    executiveId: row.executiveId,
    baselineDueDate: row.baselineDueDate,
    durationDays: plannedDuration(row),
    replanCount: row.replanCount,
    ...(row.currentDueDate ? { currentDueDate: row.currentDueDate } : {}),
  };
}
