import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * The synthetic slip histories bench:forecast backtests on (bench/README.md, "Forecast backtest"). Neither generator
 * knows the forecaster: they are written from how consulting work slips, not from the model, and were not tuned to
 * its figures. Each is deterministic (a seeded PRNG), so every run backtests the same history.
 *
 * Both lay, for every engagement of the chosen organizations, one chain of past milestones back to back (a
 * milestone's planned start is the previous one's baseline, as the forecaster reads it) from ~600 days ago up to
 * today, in `achieved` priorities of their own. A milestone whose drawn landing is before today is done (completed
 * 15:00 UTC that day), else it is still open (in progress) — as in life, the backtest never sees how those end.
 * Re-plans are spread evenly between the planned start and the landing, and are optimistic: the k-th of r moves the
 * due date k/(r+1) of the way to the landing, so a due date never gives the landing away.
 */
export interface GeneratedMilestone {
  id: string;
  baseline: string;
  completedOn: string | null;
  replans: Array<{ at: string; from: string; to: string }>;
}

export interface Generator {
  name: string;
  description: string;
  /** Draws one milestone of an engagement, given its planned start; `rng` is the run's PRNG. */
  draw(rng: Rng, context: { executive: ExecutiveTraits; fn: string; clientIndex: number }): Draw;
  /** Hidden traits of an executive (the forecaster sees only the id). */
  executiveTraits(rng: Rng): ExecutiveTraits;
}

export interface ExecutiveTraits {
  /** Generator A: a multiplier of how late this person's work runs. */
  lateness: number;
}

interface Draw {
  durationDays: number;
  /** Days from the baseline to the landing. */
  slipDays: number;
  /** How many times the due date is moved before it lands. */
  replans: number;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }
}

/**
 * Generator A ("scale"), on the large organization of the scale data. Planned durations log-uniform from 7 to 100
 * days. The landing, in days after the baseline, is the sum of: a lognormal overrun of the planned duration whose
 * median depends on the function (CRO 6%, CMO 10%, CPO 16%) times the executive's hidden lateness (lognormal, σ 0.35);
 * a normal ±3 days of noise; with probability 0.18 a blocker of 10–45 days (not proportional to the duration); with
 * probability 0.12 an early finish of 0–20% of the duration instead. Slips over 5 days are re-planned once, over 20
 * days twice, over 45 days three times.
 */
export const GENERATOR_A: Generator = {
  name: 'A (scale: lognormal overrun × executive lateness + blockers)',
  description:
    'durations log-uniform 7–100 d; overrun lognormal (median CRO 6%, CMO 10%, CPO 16% × executive lateness, σ 0.6) + N(0, 3 d) + blocker 10–45 d (p 0.18); early finish 0–20% (p 0.12); re-plans 1/2/3 above 5/20/45 d of slip',
  executiveTraits: (rng) => ({ lateness: Math.exp(0.35 * rng.normal()) }),
  draw(rng, { executive, fn }) {
    const durationDays = Math.round(Math.exp(Math.log(7) + rng.next() * (Math.log(100) - Math.log(7))));
    const median = ({ CRO: 0.06, CMO: 0.1, CPO: 0.16 } as Record<string, number>)[fn] ?? 0.1;
    let slip: number;
    if (rng.next() < 0.12) slip = -rng.next() * 0.2 * durationDays;
    else {
      slip = median * executive.lateness * Math.exp(0.6 * rng.normal()) * durationDays + 3 * rng.normal();
      if (rng.next() < 0.18) slip += rng.int(10, 45);
    }
    const slipDays = Math.round(slip);
    const replans = slipDays > 45 ? 3 : slipDays > 20 ? 2 : slipDays > 5 ? 1 : 0;
    return { durationDays, slipDays, replans };
  },
};

/**
 * Generator B ("differently shaped"), on the 100 small organizations: short milestones (durations uniform 5–40 days),
 * slips in days that do not scale with the duration: 35% land early or on time (0–5 days early), 45% a gamma-like
 * delay (sum of two exponentials, mean 8 days), 20% a Pareto tail (minimum 15 days, α 1.5, capped at 200 days). A
 * hidden client effect (every third client 1.5× later) that the forecaster cannot see, no executive effect. Every
 * slip over 3 days is re-planned once, over 20 days twice, and one milestone in ten is re-planned once more for
 * scope whatever its slip.
 */
export const GENERATOR_B: Generator = {
  name: 'B (small organizations: day-based mixture with a Pareto tail, hidden client effect)',
  description:
    'durations uniform 5–40 d; slip 35% early 0–5 d, 45% Exp+Exp (mean 8 d), 20% Pareto(15 d, α 1.5) ≤ 200 d; every third client ×1.5; re-plans above 3/20 d, +1 for scope (p 0.1)',
  executiveTraits: () => ({ lateness: 1 }),
  draw(rng, { clientIndex }) {
    const durationDays = rng.int(5, 40);
    const u = rng.next();
    let slip: number;
    if (u < 0.35) slip = -rng.next() * 5;
    else if (u < 0.8) slip = -4 * Math.log(Math.max(rng.next(), 1e-12)) - 4 * Math.log(Math.max(rng.next(), 1e-12));
    else slip = Math.min(200, 15 / Math.pow(Math.max(rng.next(), 1e-12), 1 / 1.5));
    if (clientIndex % 3 === 0 && slip > 0) slip *= 1.5;
    const slipDays = Math.round(slip);
    let replans = slipDays > 20 ? 2 : slipDays > 3 ? 1 : 0;
    if (rng.next() < 0.1) replans += 1;
    return { durationDays, slipDays, replans };
  },
};

const MS_PER_DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

export interface GenerateResult {
  priorities: number;
  milestones: number;
  done: number;
  replans: number;
}

/**
 * Writes one generator's history for the engagements of `organizationIds` (set-based: a few INSERT … SELECT unnest
 * per 5,000 milestones). Dates relative to `today` (YYYY-MM-DD).
 */
export async function generateHistory(
  client: Client,
  organizationIds: string[],
  generator: Generator,
  today: string,
  seed: number,
): Promise<GenerateResult> {
  const rng = new Rng(seed);
  const { rows: engagements } = await client.query(
    `SELECT e.organization_id, e.id, e.function, e.executive_id, e.client_id,
            (SELECT o.id FROM owners o WHERE o.organization_id = e.organization_id AND o.client_id = e.client_id ORDER BY o.id LIMIT 1) AS owner_id,
            dense_rank() OVER (PARTITION BY e.organization_id ORDER BY e.client_id) AS client_index
       FROM engagements e WHERE e.organization_id = ANY($1::uuid[]) ORDER BY e.organization_id, e.id`,
    [organizationIds],
  );
  const traits = new Map<string, ExecutiveTraits>();
  const priorities: Array<[string, string, string, string, string, string]> = [];
  const milestones: Array<[string, string, string, string, string, string | null, string]> = [];
  const changes: Array<[string, string, string, string, string]> = [];
  for (const e of engagements) {
    if (!e.owner_id) continue;
    const key = `${e.organization_id}:${e.executive_id}`;
    if (!traits.has(key)) traits.set(key, generator.executiveTraits(rng));
    const executive = traits.get(key)!;
    const priorityId = randomUUID();
    const start = addDays(today, -600 + rng.int(0, 30));
    let plannedStart = start;
    let lastBaseline = start;
    for (;;) {
      const d = generator.draw(rng, { executive, fn: e.function, clientIndex: Number(e.client_index) });
      const baseline = addDays(plannedStart, d.durationDays);
      if (baseline >= today) break;
      const lands = addDays(baseline, d.slipDays);
      const done = lands < today;
      const id = randomUUID();
      // Re-plans spread between the planned start and the landing. They are optimistic: the k-th of r moves the due
      // date k/(r+1) of the way to where the milestone will land (a scope re-plan of work landing early: a week).
      let due = baseline;
      const span = Math.max(1, Math.round((Date.parse(lands) - Date.parse(plannedStart)) / MS_PER_DAY));
      for (let k = 1; k <= d.replans; k++) {
        const at = addDays(plannedStart, Math.max(1, Math.round((span * k) / (d.replans + 1))));
        if (at >= today) break;
        const to = d.slipDays > 0 ? addDays(baseline, Math.round((d.slipDays * k) / (d.replans + 1))) : addDays(due, 7);
        if (to === due) continue;
        changes.push([e.organization_id, id, `${at}T12:00:00Z`, due, to]);
        due = to;
      }
      milestones.push([
        e.organization_id,
        id,
        priorityId,
        baseline,
        due,
        done ? `${lands}T15:00:00Z` : null,
        done ? 'done' : 'in_progress',
      ]);
      lastBaseline = baseline;
      plannedStart = baseline;
    }
    priorities.push([e.organization_id, priorityId, e.id, e.owner_id, start, lastBaseline]);
  }

  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO priorities (organization_id, id, engagement_id, owner_id, title, rank, status, start_date, target_date)
       SELECT o, id, e, ow, 'Past work (backtest history)', 9, 'achieved', s, t
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::date[]) AS x(o, id, e, ow, s, t)`,
      [0, 1, 2, 3, 4, 5].map((i) => priorities.map((p) => p[i])),
    );
    for (let i = 0; i < milestones.length; i += 5_000) {
      const chunk = milestones.slice(i, i + 5_000);
      await client.query(
        `INSERT INTO milestones (organization_id, id, priority_id, title, baseline_due_date, due_date, status, completed_at)
         SELECT o, id, p, 'Past milestone', b, d, s, c
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::date[], $6::timestamptz[], $7::text[]) AS x(o, id, p, b, d, c, s)`,
        [0, 1, 2, 3, 4, 5, 6].map((k) => chunk.map((m) => m[k])),
      );
    }
    for (let i = 0; i < changes.length; i += 5_000) {
      const chunk = changes.slice(i, i + 5_000);
      await client.query(
        // The category is required since issue 17; 'executive' is what the migration's backfill gives this reason.
        `INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_at, old_due_date, new_due_date, reason, category)
         SELECT o, m, at, f, t, 'Backtest history re-plan', 'executive'
           FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::date[], $5::date[]) AS x(o, m, at, f, t)
          ORDER BY at`,
        [0, 1, 2, 3, 4].map((k) => chunk.map((c) => c[k])),
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await client.query(`ANALYZE priorities, milestones, milestone_due_date_changes`);
  return {
    priorities: priorities.length,
    milestones: milestones.length,
    done: milestones.filter((m) => m[6] === 'done').length,
    replans: changes.length,
  };
}
