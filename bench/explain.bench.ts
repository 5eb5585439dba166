import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { validateEnvironment } from '@app/config';
import { createApiApp } from '../apps/api/src/bootstrap';
import { buildScenarios, captureSql, login } from './api/scenarios';
import { isTransactionEnd, isTransactionStart } from './api/captured-sql';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { emailOf } from './scale/data-set';
import { resultsDir } from './paths';

/**
 * `npm run bench:explain` — EXPLAIN (ANALYZE, BUFFERS) of every statement the hot requests run (captured from the
 * real API module, with their real parameters) on the scale data set (bench/scale; BENCH_SIZE=small for a small one), flagging sequential scans on large tables.
 * Writes bench/results/explain-latest.json with the full plans. Same database options as bench:api.
 */

/** A table is "large" from this many rows (pg_class.reltuples after ANALYZE). */
const LARGE_TABLE_ROWS = 10_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  let db: BenchDatabase | null = null;
  let client: Client | null = null;
  try {
    db = await openBenchDatabase('scale', log);
    client = new Client({ connectionString: db.url, application_name: 'throughline-bench-explain' });
    await client.connect();

    // PUBLIC_URL: required by the API; no link is followed here.
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://localhost:3000',
    };
    const app = await createApiApp(validateEnvironment({ ...env, PORT: '0' }, { require: ['PUBLIC_URL'] }), {
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const tokens = [
      await login(base, emailOf(db.set, 'large', 'am', 1)),
      await login(base, emailOf(db.set, 'large', 'viewer', 1)),
    ];
    await app.close();
    const captured = await captureSql(env, await buildScenarios(client, db.set, tokens[0], tokens[1]));

    const sizes = new Map<string, number>(
      (
        await client.query(
          `SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
        )
      ).rows.map((r: { relname: string; n: string }) => [r.relname, Number(r.n)]),
    );
    const report: Array<{
      scenario: string;
      statement: number;
      sql: string;
      executionMs: number;
      largeSeqScans: string[];
      plan: string;
    }> = [];
    for (const route of captured) {
      log(`\n${route.name}`);
      for (const [index, statement] of route.statements.entries()) {
        const sql = statement.sql.trim();
        // Bookkeeping, not a query to plan: transaction control and the tenant settings each transaction starts with.
        if (
          isTransactionStart(sql) ||
          isTransactionEnd(sql) ||
          /^SET\b/i.test(sql) ||
          /^SELECT set_config\(/i.test(sql)
        )
          continue;
        // Inside a transaction rolled back afterwards: EXPLAIN ANALYZE really runs an INSERT.
        await client.query('BEGIN');
        let plan: string;
        try {
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, statement.params);
          plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        } finally {
          await client.query('ROLLBACK');
        }
        const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
        const largeSeqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)]
          .map((m) => m[1])
          .filter((t) => (sizes.get(t) ?? 0) >= LARGE_TABLE_ROWS);
        report.push({
          scenario: route.name,
          statement: index + 1,
          sql: sql.replace(/\s+/g, ' '),
          executionMs,
          largeSeqScans,
          plan,
        });
        const flag = largeSeqScans.length ? `  SEQ SCAN on large table: ${[...new Set(largeSeqScans)].join(', ')}` : '';
        log(
          `  #${String(index + 1).padEnd(2)} ${executionMs.toFixed(2).padStart(8)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}${flag}`,
        );
      }
    }
    const flagged = report.filter((r) => r.largeSeqScans.length);
    log(
      `\n${flagged.length ? `${flagged.length} statement(s) scan a large table sequentially` : 'no sequential scan on a large table'} (large: ≥ ${LARGE_TABLE_ROWS.toLocaleString('en-US')} rows)`,
    );
    const file = join(resultsDir(), 'explain-latest.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify({ benchmark: 'explain', at: new Date().toISOString(), largeTableRows: LARGE_TABLE_ROWS, statements: report }, null, 2)}\n`,
    );
    log(`plans written to ${file}`);
  } finally {
    await client?.end().catch(() => undefined);
    if (db) await closeBenchDatabase(db).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `explain benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
