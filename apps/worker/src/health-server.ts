import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';

/** The worker serves no HTTP but this: GET /health answers 200 while the database answers, 503 otherwise. */
export function startHealthServer(port: number, dataSource: DataSource, startedAt = Date.now()): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, code: 'ROUTE.NOT_FOUND' }));
      return;
    }
    dataSource
      .query('SELECT 1')
      .then(() => ({ status: 200, database: 'up' }))
      .catch(() => ({ status: 503, database: 'down' }))
      .then(({ status, database }) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(
          JSON.stringify({ status: status === 200 ? 'ok' : 'unavailable', database, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
        );
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
