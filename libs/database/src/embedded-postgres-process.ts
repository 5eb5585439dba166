import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { RunningEmbeddedPostgres } from './embedded-postgres';

export interface EmbeddedPostgresRequest {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
}

export type EmbeddedPostgresMessage =
  { type: 'log'; line: string } | { type: 'ready'; url: string; port: number } | { type: 'failed'; message: string };

/** How long a stop may take before the server process is killed (PostgreSQL's fast shutdown takes well under a second). */
const STOP_TIMEOUT_MS = 20_000;

/**
 * Embedded PostgreSQL in a process of its own, detached from the terminal's process group (compiled entry point:
 * embedded-postgres-server.js). A Ctrl+C signals the whole foreground group at once; were PostgreSQL in it, it
 * would shut down while the API and the worker still hold connections, and they would print `57P01` errors. Out
 * of the group, it stops only when `stop()` says so: after them.
 */
export function startEmbeddedPostgresProcess(
  request: EmbeddedPostgresRequest,
  log: (line: string) => void,
): Promise<RunningEmbeddedPostgres> {
  const child = spawn(process.execPath, [resolve(__dirname, 'embedded-postgres-server.js'), JSON.stringify(request)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send('stop');
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolveStart, rejectStart) => {
    child.on('message', (message: EmbeddedPostgresMessage) => {
      if (message.type === 'log') log(message.line);
      else if (message.type === 'ready') resolveStart({ url: message.url, port: message.port, stop });
      else rejectStart(new Error(`embedded PostgreSQL did not start: ${message.message}`));
    });
    void exited.then(() =>
      rejectStart(
        new Error(`embedded PostgreSQL's process exited (${child.exitCode ?? child.signalCode}) before it was ready`),
      ),
    );
    child.once('error', rejectStart);
  });
}
