import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Db } from '@app/database/transaction';
import { PlaybooksService, type Actor, type WritePlaybookDto } from '@app/domain';
import { migrateQueueSchema, selectQueueBackend } from '@app/queue';
import { recordStatements } from '../test/support/database-probe';
import { startTestWorker, type TestWorker } from '../test/support/worker-harness';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { resultsDir } from './paths';

/**
 * `npm run bench:playbooks` — on a copy of the scale data set (bench/scale): applying a 5-priority × 20-milestone
 * playbook to engagements of the largest organization (p50/p95 ms, and the data statements of one apply, which must
 * not grow with the milestones), then the effectiveness of every playbook version over the whole organization, after
 * every engagement of the scale data was linked to a playbook application (p50/p95 ms of the ONE statement).
 * Through PlaybooksService in the worker's Nest context (no HTTP in the figure). Results:
 * bench/results/playbooks-latest.json. Exits 0 whether the targets are met or not.
 */
const APPLIES = Number(process.env.BENCH_PLAYBOOK_APPLIES ?? 60);
const EFFECTIVENESS_RUNS = Number(process.env.BENCH_EFFECTIVENESS_RUNS ?? 30);
const TARGET_APPLY_P95_MS = 150;
const TARGET_EFFECTIVENESS_P95_MS = 500;
const log = (line: string) => process.stdout.write(`${line}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

const PLAYBOOK: WritePlaybookDto = {
  name: 'Bench 5 × 20',
  function: 'any',
  description: null,
  priorities: Array.from({ length: 5 }, (_, i) => ({
    title: `Bench priority ${i + 1}`,
    description: null,
    suggestedOwnerTitle: 'VP Sales',
    startOffsetDays: 0,
    targetOffsetDays: 200,
    milestones: Array.from({ length: 20 }, (_, j) => ({
      title: `Milestone ${i + 1}.${j + 1}`,
      offsetDays: 10 * (j + 1),
      weight: 1,
    })),
  })),
};

async function main(): Promise<void> {
  let db: BenchDatabase | null = null;
  let worker: TestWorker | null = null;
  let client: Client | null = null;
  try {
    db = await openBenchDatabase('scale', log);
    client = new Client({ connectionString: db.url, application_name: 'throughline-bench' });
    await client.connect();
    const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const redisUrl = process.env.BENCH_REDIS_URL || undefined;
    const isolation = { prefix: `bench-${tag}`, schema: `bullmq_bench_${tag}` };
    if (!redisUrl) await migrateQueueSchema(db.url, isolation.schema);
    const queue = selectQueueBackend({
      redisUrl,
      databaseUrl: db.url,
      prefix: isolation.prefix,
      poolSize: 4,
      schema: isolation.schema,
    });
    worker = await startTestWorker({ databaseUrl: db.url, queue });

    // The organization with the most engagements, one of its account managers, and its engagements with an owner.
    const [org] = (
      await client.query(
        `SELECT e.organization_id AS id, count(*)::int AS engagements,
                (SELECT u.id FROM users u WHERE u.organization_id = e.organization_id AND u.role IN ('account_manager', 'admin') ORDER BY u.role DESC LIMIT 1) AS user_id
           FROM engagements e GROUP BY e.organization_id ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows as Array<{ id: string; engagements: number; user_id: string }>;
    if (!org) throw new Error('the scale data has no engagement');
    const targets = (
      await client.query(
        `SELECT e.id, (SELECT o.id FROM owners o WHERE o.organization_id = e.organization_id AND o.client_id = e.client_id LIMIT 1) AS owner_id
           FROM engagements e WHERE e.organization_id = $1 ORDER BY e.id`,
        [org.id],
      )
    ).rows.filter((r: { owner_id: string | null }) => r.owner_id) as Array<{ id: string; owner_id: string }>;
    log(`organization ${org.id}: ${org.engagements} engagements, ${targets.length} with an owner`);

    const actor: Actor = {
      userId: org.user_id,
      organizationId: org.id,
      role: 'account_manager',
      email: 'bench@bench.throughline.test',
      executiveIds: [],
      clientIds: [],
    };
    const service = worker.app.get(PlaybooksService);
    const dbService = worker.app.get(Db);
    const dataSource = worker.app.get(DataSource);
    const asOrg = <T>(work: () => Promise<T>) => dbService.forOrganization(org.id, work);
    const playbook = await asOrg(() => service.create(actor, PLAYBOOK));

    const applyOnce = (i: number) => {
      const target = targets[i % targets.length]!;
      return asOrg(() =>
        service.apply(actor, target.id, { playbookId: playbook.id, ownerIds: Array(5).fill(target.owner_id) }, false),
      );
    };
    // The worker's processors would run the scans and deliveries the applies cause in this same process and pool:
    // paused, so the figures (and the statement count) are the apply's own. The jobs are still added.
    await Promise.all([worker.driftQueue.pause(), worker.notificationsQueue.pause(), worker.digestsQueue.pause()]);
    for (let i = 0; i < 5; i++) await applyOnce(targets.length - 1 - i); // warm-up
    const { dataStatements } = await recordStatements(dataSource, () => applyOnce(0));
    if (process.env.BENCH_SHOW_STATEMENTS)
      dataStatements.forEach((s) => log(`  ${s.slice(0, 120).replace(/\s+/g, ' ')}`));
    const applyMs: number[] = [];
    for (let i = 1; i <= APPLIES; i++) {
      const t = performance.now();
      await applyOnce(i);
      applyMs.push(performance.now() - t);
    }
    const previewMs: number[] = [];
    for (let i = 1; i <= APPLIES; i++) {
      const target = targets[i % targets.length]!;
      const t = performance.now();
      await asOrg(() =>
        service.apply(actor, target.id, { playbookId: playbook.id, ownerIds: Array(5).fill(target.owner_id) }, true),
      );
      previewMs.push(performance.now() - t);
    }
    const preview = { runs: APPLIES, p50Ms: percentile(previewMs, 50), p95Ms: percentile(previewMs, 95) };
    log(
      `dry run 5 × 20 (the same reads and planning, no writes, no jobs): p50 ${preview.p50Ms} ms, p95 ${preview.p95Ms} ms`,
    );
    const apply = {
      runs: APPLIES,
      p50Ms: percentile(applyMs, 50),
      p95Ms: percentile(applyMs, 95),
      statementsPerApply: dataStatements.length,
      milestonesPerApply: 100,
    };
    log(
      `apply 5 × 20: p50 ${apply.p50Ms} ms, p95 ${apply.p95Ms} ms, ${apply.statementsPerApply} data statements per apply, then 100 deadline jobs and one scan queued`,
    );

    // Every engagement of the scale data comes from a playbook: one per organization, one application per engagement.
    const linked = await client.query(
      `WITH pb AS (
         INSERT INTO playbooks (organization_id, current_version) SELECT id, 1 FROM organizations RETURNING id, organization_id),
       v AS (
         INSERT INTO playbook_versions (organization_id, playbook_id, version, name, function, plan)
         SELECT organization_id, id, 1, 'Scale playbook', 'any', '[]'::jsonb FROM pb RETURNING id, organization_id),
       a AS (
         INSERT INTO playbook_applications (organization_id, engagement_id, playbook_version_id, start_date)
         SELECT e.organization_id, e.id, v.id, e.start_date FROM engagements e JOIN v ON v.organization_id = e.organization_id
          WHERE NOT EXISTS (SELECT 1 FROM priorities p WHERE p.engagement_id = e.id AND p.playbook_application_id IS NOT NULL)
         RETURNING id, engagement_id)
       UPDATE priorities p SET playbook_application_id = a.id FROM a WHERE p.engagement_id = a.engagement_id`,
    );
    await client.query('ANALYZE playbook_applications; ANALYZE priorities; ANALYZE playbook_versions');
    const [sizes] = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM priorities p WHERE p.organization_id = $1 AND p.playbook_application_id IS NOT NULL) AS priorities,
                (SELECT count(*)::int FROM milestones m JOIN priorities p ON p.id = m.priority_id
                  WHERE p.organization_id = $1 AND p.playbook_application_id IS NOT NULL) AS milestones`,
        [org.id],
      )
    ).rows as Array<{ priorities: number; milestones: number }>;
    log(
      `linked ${linked.rowCount} priorities of the scale data to playbook applications; the organization measured: ${JSON.stringify(sizes)}`,
    );
    const effectivenessMs: number[] = [];
    let versions = 0;
    for (let i = 0; i < EFFECTIVENESS_RUNS; i++) {
      const t = performance.now();
      versions = (await asOrg(() => service.effectiveness(actor, null))).length;
      effectivenessMs.push(performance.now() - t);
    }
    const effectiveness = {
      runs: EFFECTIVENESS_RUNS,
      versions,
      ...sizes,
      p50Ms: percentile(effectivenessMs, 50),
      p95Ms: percentile(effectivenessMs, 95),
    };
    log(`effectiveness (all versions, one statement): p50 ${effectiveness.p50Ms} ms, p95 ${effectiveness.p95Ms} ms`);

    const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    const file = join(resultsDir(), 'playbooks-latest.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          benchmark: 'playbooks',
          at: new Date().toISOString(),
          machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
          queueBackend: redisUrl ? 'redis' : 'postgres',
          apply,
          preview,
          effectiveness,
          targets: { applyP95Ms: TARGET_APPLY_P95_MS, effectivenessP95Ms: TARGET_EFFECTIVENESS_P95_MS },
          verdict: {
            apply: verdict(apply.p95Ms <= TARGET_APPLY_P95_MS),
            effectiveness: verdict(effectiveness.p95Ms <= TARGET_EFFECTIVENESS_P95_MS),
          },
        },
        null,
        2,
      )}\n`,
    );
    log(`figures written to ${file}`);
  } finally {
    await worker?.close().catch(() => undefined);
    await client?.end().catch(() => undefined);
    if (db) await closeBenchDatabase(db).catch((e: unknown) => log(`could not drop ${db?.name}: ${String(e)}`));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:playbooks: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
