import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '@app/database';
import {
  ForecastModel,
  ForecastRepository,
  ForecastService,
  forecastMilestone,
  type ForecastRefresh,
  toHistorySample,
  toOpenMilestone,
  type HistorySample,
  type MilestoneHistoryRow,
} from '@app/domain';
import { GENERATOR_A, GENERATOR_B, generateHistory, type Generator } from './forecast-history';
import { closeBenchDatabase, openBenchDatabase } from './scale/bench-database';
import { organizationId, type DataSet } from './scale/data-set';
import { resultsDir } from './paths';

/**
 * `npm run bench:forecast` — the landing-date forecaster backtested (issue 20; bench/README.md).
 *
 * On a copy of the scale data (bench/scale), two synthetic slip histories are laid over the engagements
 * (bench/forecast-history.ts): generator A on the large organization, generator B (differently shaped) on the small
 * ones. For each, the completions of the last 90 days are held out: every milestone completed since the cut and
 * under way at it is forecast from what was known at the cut (the history completed before it, its re-plans so far,
 * today = the cut), with the forecaster the worker runs. Reported: the share that landed by their P50 (target
 * 45–55%) and by their P80 (75–85%), and the mean absolute error in days of the P50 against the naive "it lands on
 * its due date as of the cut" (target: at least 30% lower). Then the cost the forecast adds to a drift scan: the
 * worker's own ForecastService.refresh on the large organization (one read of its history, the model, one write),
 * timed (target ≤ 1 s). Writes bench/results/forecast-latest.json. Exits 0 whether targets are met or not.
 */

const HOLD_OUT_DAYS = 90;
/**
 * Right-censoring: of the work under way at the cut, only what has landed by today can be held out, so milestones due
 * in the last weeks would be held out only when they landed early. Held out are those due (baseline) at least this
 * many days before today: nearly all of them have landed (the rest are counted in the results, `stillOpen`).
 */
const LANDED_WINDOW_DAYS = 45;
const TARGETS = { p50: [0.45, 0.55], p80: [0.75, 0.85], maeReduction: 0.3, costSeconds: 1 } as const;
const MS_PER_DAY = 86_400_000;
const log = (line: string) => process.stdout.write(`${line}\n`);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / MS_PER_DAY);

interface AtCutRow extends MilestoneHistoryRow {
  organizationId: string;
  replansBeforeCut: number;
  dueAtCut: string;
}

export interface BacktestResult {
  generator: string;
  description: string;
  organizations: number;
  generated: { priorities: number; milestones: number; done: number; replans: number };
  cut: string;
  historySamples: number;
  heldOut: number;
  /** Under way at the cut and due early enough to be held out, but still open today (censored). */
  stillOpen: number;
  meanDaysLandedAfterP50: number;
  shareByP50: number;
  shareByP80: number;
  maeDays: number;
  naiveMaeDays: number;
  maeReduction: number;
  verdict: { p50: 'PASS' | 'MISS'; p80: 'PASS' | 'MISS'; mae: 'PASS' | 'MISS' };
}

/** What was known at the cut about the generated milestones of these organizations: one statement. */
async function stateAtCut(client: Client, organizationIds: string[], cut: string): Promise<AtCutRow[]> {
  const { rows } = await client.query(
    `SELECT m.organization_id, m.id, m.status, e.function, e.executive_id,
            to_char(COALESCE(lag(m.baseline_due_date) OVER (PARTITION BY m.priority_id ORDER BY m.baseline_due_date, m.id), p.start_date), 'YYYY-MM-DD') AS planned_start,
            to_char(m.baseline_due_date, 'YYYY-MM-DD') AS baseline_due_date,
            to_char((m.completed_at AT TIME ZONE o.timezone)::date, 'YYYY-MM-DD') AS completed_on,
            count(h.id)::int AS replans,
            (count(h.id) FILTER (WHERE (h.changed_at AT TIME ZONE o.timezone)::date < $2::date))::int AS replans_before_cut,
            to_char(COALESCE((array_agg(h.new_due_date ORDER BY h.changed_at DESC, h.seq DESC)
                                FILTER (WHERE (h.changed_at AT TIME ZONE o.timezone)::date < $2::date))[1], m.baseline_due_date), 'YYYY-MM-DD') AS due_at_cut,
            COALESCE(json_agg(json_build_object('on', to_char((h.changed_at AT TIME ZONE o.timezone)::date, 'YYYY-MM-DD'),
                                                'newDueDate', to_char(h.new_due_date, 'YYYY-MM-DD')) ORDER BY h.changed_at, h.seq)
                       FILTER (WHERE (h.changed_at AT TIME ZONE o.timezone)::date < $2::date), '[]') AS replans_before_cut_log
       FROM milestones m
       JOIN priorities p ON p.organization_id = m.organization_id AND p.id = m.priority_id AND p.title = 'Past work (backtest history)'
       JOIN engagements e ON e.organization_id = p.organization_id AND e.id = p.engagement_id
       JOIN organizations o ON o.id = m.organization_id
       LEFT JOIN milestone_due_date_changes h ON h.organization_id = m.organization_id AND h.milestone_id = m.id
      WHERE m.organization_id = ANY($1::uuid[])
      GROUP BY m.organization_id, m.id, m.status, e.function, e.executive_id, p.start_date, o.timezone`,
    [organizationIds, cut],
  );
  return rows.map((r) => ({
    organizationId: r.organization_id,
    id: r.id,
    status: r.status,
    function: r.function,
    executiveId: r.executive_id,
    plannedStart: r.planned_start,
    baselineDueDate: r.baseline_due_date,
    completedOn: r.completed_on,
    replanCount: r.replans,
    replansBeforeCut: r.replans_before_cut,
    dueAtCut: r.due_at_cut,
    // What was known at the cut: the re-plans made before it (all of them, for a milestone completed before it).
    replans: r.replans_before_cut_log,
  }));
}

function backtest(rows: AtCutRow[], cut: string, today: string) {
  const dueBy = addDays(today, -LANDED_WINDOW_DAYS);
  let stillOpen = 0;
  let bias = 0;
  const byOrganization = new Map<string, AtCutRow[]>();
  for (const r of rows) byOrganization.set(r.organizationId, [...(byOrganization.get(r.organizationId) ?? []), r]);
  let historySamples = 0;
  let heldOut = 0;
  let byP50 = 0;
  let byP80 = 0;
  let error = 0;
  let naiveError = 0;
  for (const orgRows of byOrganization.values()) {
    const history: HistorySample[] = [];
    for (const r of orgRows) {
      if (!r.completedOn || r.completedOn >= cut) continue;
      const sample = toHistorySample(r);
      if (sample) history.push(sample);
    }
    historySamples += history.length;
    const model = new ForecastModel(history);
    for (const r of orgRows) {
      // Held out: under way at the cut, due at least LANDED_WINDOW_DAYS before today, completed since the cut.
      if (!r.plannedStart || r.plannedStart >= cut || r.baselineDueDate > dueBy) continue;
      if (!r.completedOn) stillOpen += 1;
      if (!r.completedOn || r.completedOn < cut) continue;
      const open = toOpenMilestone({
        ...r,
        status: 'in_progress',
        completedOn: null,
        replanCount: r.replansBeforeCut,
        currentDueDate: r.dueAtCut,
      });
      if (!open) continue;
      const f = forecastMilestone(model, open, cut);
      heldOut += 1;
      if (r.completedOn <= f.p50) byP50 += 1;
      if (r.completedOn <= f.p80) byP80 += 1;
      error += Math.abs(days(f.p50, r.completedOn));
      bias += days(f.p50, r.completedOn);
      // The naive forecast: it lands on its due date as of the cut (never before the cut: it is still open then).
      naiveError += Math.abs(days(r.dueAtCut < cut ? cut : r.dueAtCut, r.completedOn));
    }
  }
  const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;
  const maeDays = heldOut ? round(error / heldOut, 2) : 0;
  const naiveMaeDays = heldOut ? round(naiveError / heldOut, 2) : 0;
  return {
    historySamples,
    heldOut,
    stillOpen,
    meanDaysLandedAfterP50: heldOut ? round(bias / heldOut, 2) : 0,
    shareByP50: heldOut ? round(byP50 / heldOut) : 0,
    shareByP80: heldOut ? round(byP80 / heldOut) : 0,
    maeDays,
    naiveMaeDays,
    maeReduction: naiveMaeDays > 0 ? round(1 - maeDays / naiveMaeDays) : 0,
  };
}

async function run(
  client: Client,
  generator: Generator,
  organizationIds: string[],
  today: string,
  seed: number,
): Promise<BacktestResult> {
  const t = performance.now();
  const generated = await generateHistory(client, organizationIds, generator, today, seed);
  log(
    `generator ${generator.name}: ${generated.milestones} milestones (${generated.done} done, ${generated.replans} re-plans) over ${organizationIds.length} organization(s) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const cut = addDays(today, -HOLD_OUT_DAYS);
  const figures = backtest(await stateAtCut(client, organizationIds, cut), cut, today);
  const within = (x: number, [lo, hi]: readonly [number, number]) => (x >= lo && x <= hi ? 'PASS' : 'MISS');
  return {
    generator: generator.name,
    description: generator.description,
    organizations: organizationIds.length,
    generated,
    cut,
    ...figures,
    verdict: {
      p50: within(figures.shareByP50, TARGETS.p50),
      p80: within(figures.shareByP80, TARGETS.p80),
      mae: figures.maeReduction >= TARGETS.maeReduction ? 'PASS' : 'MISS',
    },
  };
}

async function main(): Promise<void> {
  const db = await openBenchDatabase('scale', log);
  const set: DataSet = db.set;
  const client = new Client({ connectionString: db.url, application_name: 'throughline-bench-forecast' });
  await client.connect();
  try {
    const today = new Date().toISOString().slice(0, 10);
    const large = organizationId(set, 'large');
    const small = set.groups
      .filter((g) => g.tag === 'small')
      .flatMap((g) => Array.from({ length: g.count }, (_, i) => organizationId(set, g.tag, i + 1)));
    const backtests = [
      await run(client, GENERATOR_A, [large], today, 20_260_501),
      await run(client, GENERATOR_B, small, today, 20_260_502),
    ];
    for (const b of backtests) {
      log(`\nbacktest, generator ${b.generator} (cut ${b.cut}, ${b.historySamples} completed before it):`);
      log(
        `  held out: ${b.heldOut} milestones under way at the cut, due ${LANDED_WINDOW_DAYS}+ days ago, completed in the last ${HOLD_OUT_DAYS} days (${b.stillOpen} such still open, left out); landed ${b.meanDaysLandedAfterP50} days after their P50 on average`,
      );
      log(`  landed by P50: ${(b.shareByP50 * 100).toFixed(1)}%  (target 45–55%)  ${b.verdict.p50}`);
      log(`  landed by P80: ${(b.shareByP80 * 100).toFixed(1)}%  (target 75–85%)  ${b.verdict.p80}`);
      log(
        `  MAE of the P50: ${b.maeDays} days vs ${b.naiveMaeDays} days for "lands on its due date": ${(b.maeReduction * 100).toFixed(1)}% lower (target ≥ 30%)  ${b.verdict.mae}`,
      );
    }

    // The cost inside the drift scan: the worker's own refresh on the large organization (now with its history).
    const dataSource = await createDataSource({
      url: db.url,
      applicationName: 'throughline-bench-forecast',
    }).initialize();
    const service = new ForecastService(new ForecastRepository());
    const { rows: org } = await client.query(`SELECT timezone FROM organizations WHERE id = $1`, [large]);
    const runs: number[] = [];
    let refreshed: ForecastRefresh = {
      forecasts: 0,
      samples: 0,
      elapsedMs: 0,
      phasesMs: { read: 0, compute: 0, write: 0 },
    };
    const phases: Array<ForecastRefresh['phasesMs']> = [];
    try {
      for (let i = 0; i < 3; i++) {
        refreshed = await dataSource.transaction((tx) =>
          service.refresh(tx, large, today, org[0].timezone as string, new Date()),
        );
        runs.push(refreshed.elapsedMs);
        phases.push(refreshed.phasesMs);
        const ph = refreshed.phasesMs;
        log(
          `  refresh ${i + 1}: ${(refreshed.elapsedMs / 1000).toFixed(3)} s = read ${(ph.read / 1000).toFixed(3)} s + model and forecasts ${(ph.compute / 1000).toFixed(3)} s + write ${(ph.write / 1000).toFixed(3)} s`,
        );
      }
    } finally {
      await dataSource.destroy();
    }
    const costSeconds = Math.round(Math.min(...runs)) / 1000;
    const cost = {
      organization: 'large',
      forecasts: refreshed.forecasts,
      samples: refreshed.samples,
      secondsEachRun: runs.map((ms) => Math.round(ms) / 1000),
      phasesSecondsEachRun: phases.map((p) => ({
        read: Math.round(p.read) / 1000,
        compute: Math.round(p.compute) / 1000,
        write: Math.round(p.write) / 1000,
      })),
      seconds: costSeconds,
      verdict: costSeconds <= TARGETS.costSeconds ? 'PASS' : 'MISS',
    };
    log(
      `\nforecast cost inside the drift scan (large organization: ${cost.forecasts} open milestones forecast from ${cost.samples} completed): ${costSeconds} s (best of ${runs.length}: ${cost.secondsEachRun.join(', ')} s; target ≤ ${TARGETS.costSeconds} s)  ${cost.verdict}`,
    );

    const dir = resultsDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'forecast-latest.json');
    writeFileSync(
      file,
      `${JSON.stringify({ benchmark: 'forecast', at: new Date().toISOString(), size: set.key, holdOutDays: HOLD_OUT_DAYS, targets: TARGETS, backtests, cost }, null, 2)}\n`,
    );
    log(`figures written to ${file}`);
  } finally {
    await client.end().catch(() => undefined);
    if (process.env.BENCH_KEEP_DB !== '1') await closeBenchDatabase(db);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:forecast: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
