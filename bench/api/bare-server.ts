import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { Pool, type PoolClient } from 'pg';
import { isTransactionEnd, isTransactionStart, substitute, type CapturedRoute } from './captured-sql';

/**
 * The practical limit for our endpoints: bare Fastify + `pg`, replaying exactly the SQL our endpoint ran for
 * the same request (captured by bench/api.bench.ts), with the requested ids substituted, the statements of a
 * transaction on one connection. It does no authentication, validation or mapping: it answers the rows.
 * argv: <routes.json> <port>. Env: DATABASE_URL, DATABASE_POOL_SIZE.
 */
async function main(): Promise<void> {
  const [routesFile, port] = process.argv.slice(2);
  const routes = JSON.parse(readFileSync(routesFile, 'utf8')) as CapturedRoute[];
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    application_name: 'throughline-bench-bare',
  });
  const app = Fastify({ logger: false });

  const registered = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.route}`;
    if (registered.has(key)) continue; // two scenarios on one route (two roles) replay the first capture: same SQL shape
    registered.add(key);
    app.route({
      method: route.method,
      url: route.route,
      handler: async (request) => {
        const id = (request.params as { id?: string }).id;
        const replacements: Array<[string, string]> = route.capturedId && id ? [[route.capturedId, id]] : [];
        let tx: PoolClient | null = null;
        const results: unknown[] = [];
        let newIdReplaced = false;
        try {
          for (const statement of route.statements) {
            const params = substitute(statement.params, replacements);
            if (isTransactionStart(statement.sql)) tx = await pool.connect();
            const result = await (tx ?? pool).query(statement.sql, params);
            if (!newIdReplaced && route.capturedNewId && /^\s*INSERT\b/i.test(statement.sql) && result.rows[0]?.id) {
              replacements.push([route.capturedNewId, String(result.rows[0].id)]);
              newIdReplaced = true;
            }
            if (result.rows?.length) results.push(result.rows);
            if (tx && isTransactionEnd(statement.sql)) {
              tx.release();
              tx = null;
            }
          }
          if (tx) throw new Error(`the captured SQL of ${key} leaves a transaction open`);
        } catch (error) {
          if (tx) {
            await tx.query('ROLLBACK').catch(() => undefined);
            tx.release();
          }
          throw error;
        }
        return { results };
      },
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

main().catch((error: unknown) => {
  process.stderr.write(
    `bare server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
