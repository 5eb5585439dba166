import Fastify from 'fastify';
import { Pool } from 'pg';

/** The table the benchmark fills with each portfolio scenario's items, in page order (bench/api.bench.ts). */
export const PRECOMPUTED_TABLE = 'bench_precomputed_portfolio';

/**
 * The practical limit of a dashboard page (issue 16): bare Fastify + `pg` serving the same portfolio page from
 * precomputed, indexed rows, the items exactly as our API answered them, stored one row each with their position.
 * A page is an index range scan on (scenario, n) plus an index-only count, no authentication, no validation, no
 * computing: what any implementation of the page costs at least. Routes `/s<index>/api/v1/portfolio` (the
 * scenario's index in bench/api/scenarios.ts), `limit` and `offset` as ours.
 * argv: <port> <comma-separated scenario indexes>. Env: DATABASE_URL, DATABASE_POOL_SIZE.
 */
async function main(): Promise<void> {
  const [port, indexes] = process.argv.slice(2);
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    application_name: 'throughline-bench-precomputed',
  });
  const app = Fastify({ logger: false });
  for (const index of indexes.split(',').map(Number)) {
    app.get(`/s${index}/api/v1/portfolio`, async (request) => {
      const query = request.query as { limit?: string; offset?: string };
      const limit = Math.min(100, Math.max(1, Number(query.limit ?? 25)));
      const offset = Math.max(0, Number(query.offset ?? 0));
      const { rows } = await pool.query({
        name: `precomputed-page-${index}`,
        text: `SELECT (SELECT count(*) FROM ${PRECOMPUTED_TABLE} WHERE scenario = $1) AS total,
                      (SELECT coalesce(json_agg(p.item ORDER BY p.n), '[]') FROM (
                         SELECT item, n FROM ${PRECOMPUTED_TABLE} WHERE scenario = $1 AND n > $2 ORDER BY n LIMIT $3) p) AS items`,
        values: [index, offset, limit],
      });
      return { items: rows[0].items as unknown[], total: Number(rows[0].total), limit, offset };
    });
  }
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.send?.('ready');
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .finally(() => process.exit(0)),
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(
      `precomputed server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
