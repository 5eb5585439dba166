import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body: signatures are verified against these exact characters, not re-serialised JSON. */
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:PORT/hook */
  url: string;
  requests: ReceivedWebhook[];
  /**
   * Status for every following request (200 at start), to simulate outages (500) or a dead URL (404);
   * `delayMs` holds the answer back, to exercise the sender's timeout.
   */
  respondWith(status: number, options?: { delayMs?: number }): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A real HTTP endpoint on loopback that records what it is sent, for webhook delivery tests. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  let status = 200;
  let delayMs = 0;
  const pendingAnswers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        json: parseJson(body),
      });
      for (const wake of waiters) wake();
      const answer = { status, delayMs };
      const timer = setTimeout(() => {
        pendingAnswers.delete(timer);
        if (res.destroyed) return; // the sender gave up and hung up
        res.writeHead(answer.status, { 'content-type': 'text/plain' });
        res.end(answer.status >= 200 && answer.status < 300 ? 'ok' : `status ${answer.status}`);
      }, answer.delayMs);
      pendingAnswers.add(timer);
    });
  });
  // Senders reuse connections; without this close() would wait for their idle keep-alive sockets.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    respondWith(next, options = {}) {
      status = next;
      delayMs = options.delayMs ?? 0;
    },
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise<ReceivedWebhook[]>((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(requests.slice());
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`Webhook receiver: expected ${count} request(s) within ${timeoutMs} ms, got ${requests.length}`),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close() {
      for (const timer of pendingAnswers) clearTimeout(timer);
      pendingAnswers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function parseJson(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
