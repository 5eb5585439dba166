/**
 * Entry point of the process that owns embedded PostgreSQL for `npm start` (see embedded-postgres-process.ts).
 * It runs in a session of its own, so a terminal's Ctrl+C reaches neither it nor PostgreSQL: the launcher stops
 * it (a "stop" message) once the API and the worker have closed their connections. Should the launcher vanish
 * (the IPC channel closes), it stops PostgreSQL too, so no server is left holding the data directory.
 */
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './embedded-postgres';
import type { EmbeddedPostgresMessage, EmbeddedPostgresRequest } from './embedded-postgres-process';

const send = (message: EmbeddedPostgresMessage) => {
  if (process.connected) process.send?.(message);
};

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as EmbeddedPostgresRequest;
  let server: RunningEmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number) => {
    stopping ??= (server?.stop() ?? Promise.resolve()).then(
      () => process.exit(code),
      () => process.exit(1),
    );
    return stopping;
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop(0);
  });
  // The API and the worker notice the launcher's end at the same time: give them time to close their connections.
  process.on(
    'disconnect',
    () => void (server ? whileClientsConnected(server.url, 15_000) : Promise.resolve()).then(() => stop(0)),
  );
  server = await startEmbeddedPostgres({
    dataDir: request.dataDir,
    port: request.port,
    log: (line) => send({ type: 'log', line }),
  });
  if (stopping) await server.stop(); // asked to stop while starting
  send({ type: 'ready', url: server.url, port: server.port });
}

/** Waits until no other client is connected (or the time is up). */
async function whileClientsConnected(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const client = new Client({ connectionString: url, application_name: 'throughline-embedded-stop' });
  try {
    await client.connect();
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch {
    /* stop anyway */
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
