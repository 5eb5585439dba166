import { createServer, type Server } from 'node:http';
import type { Queue } from 'bullmq';
import { runAsSystem, type Queryable } from '@app/database';

export interface HealthDependencies {
  /** Db.reader: the statement runs in a transaction carrying the system scope (row-level security). */
  database: Queryable;
  queue: Queue;
  backend: 'redis' | 'postgres';
}

/**
 * The worker serves no HTTP but this: GET /health answers 200 while the database and the queue answer,
 * 503 otherwise, with the time of the last successful drift scan.
 */
export function startHealthServer(port: number, deps: HealthDependencies, startedAt = Date.now()): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/health') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ statusCode: 404, code: 'ROUTE.NOT_FOUND' }));
      return;
    }
    void check(deps).then((report) => {
      const ok = report.database === 'up' && report.queue === 'up';
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: ok ? 'ok' : 'unavailable',
          ...report,
          queueBackend: deps.backend,
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        }),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function check(deps: HealthDependencies) {
  const timeout = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
  let database: 'up' | 'down' = 'down';
  let lastScanAt: string | null = null;
  try {
    const [row]: Array<{ last: Date | null }> = await timeout(
      runAsSystem('health', () => deps.database.query('SELECT max(last_drift_scan_at) AS last FROM organizations')),
    );
    database = 'up';
    lastScanAt = row?.last ? row.last.toISOString() : null;
  } catch {
    database = 'down';
  }
  let queue: 'up' | 'down' = 'down';
  try {
    await timeout(deps.queue.getJobCounts('waiting'));
    queue = 'up';
  } catch {
    queue = 'down';
  }
  return { database, queue, lastSuccessfulScanAt: lastScanAt };
}
