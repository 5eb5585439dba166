import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** FAULT_TEST_WORKER_MAIN runs the fault tests against another build of the worker (e.g. a patched copy of dist/). */
export const WORKER_MAIN = process.env.FAULT_TEST_WORKER_MAIN || join(ROOT, 'dist/apps/worker/src/main.js');

/**
 * The fault tests run the compiled worker: build once when dist/ is missing. A build older than the sources is
 * used as it is (run `npm run build` first), with a warning naming what changed since.
 */
export function ensureWorkerBuilt(): void {
  if (!existsSync(WORKER_MAIN)) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, timeout: 120_000, stdio: 'inherit' });
    return;
  }
  if (process.env.FAULT_TEST_WORKER_MAIN) return;
  const builtAt = statSync(WORKER_MAIN).mtimeMs;
  const newer = ['apps/worker/src', 'libs']
    .flatMap((dir) => sourcesUnder(join(ROOT, dir)))
    .filter((file) => statSync(file).mtimeMs > builtAt);
  if (newer.length) {
    process.stdout.write(
      `\n[faults] WARNING: dist/ is older than ${newer.length} source file(s) (e.g. ${newer
        .slice(0, 3)
        .map((f) => f.slice(ROOT.length + 1))
        .join(', ')}): the worker under test is the last build; run \`npm run build\` first\n`,
    );
  }
}

function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

export interface WorkerProcess {
  generation: number;
  child: ChildProcess;
  spawnedAt: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitedAt?: number;
  killedByTest: boolean;
  output: string[];
}

export interface WorkerSettings {
  /** The fault tests' own database: the worker's scheduled scan covers every organization in it. */
  databaseUrl: string;
  queuePrefix: string;
  queueSchema: string;
  smtpUrl: string;
  mailDir: string;
  logDir: string;
  mailMaxPerSecond: number;
  /** More variables for the worker (e.g. DIGEST_CONCURRENCY). */
  extraEnv?: Record<string, string>;
}

/**
 * The real worker entry point as a child process, configured only through its environment (nothing inherited
 * from Jest but PATH, HOME and TZ). Its output goes to `logDir/worker-<generation>.log` and is kept in memory.
 */
export function spawnWorkerProcess(generation: number, settings: WorkerSettings): WorkerProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    NODE_ENV: 'test',
    DATABASE_URL: settings.databaseUrl,
    QUEUE_PREFIX: settings.queuePrefix,
    QUEUE_SCHEMA: settings.queueSchema,
    SMTP_URL: settings.smtpUrl,
    MAIL_DIR: settings.mailDir,
    MAIL_MAX_PER_SECOND: String(settings.mailMaxPerSecond),
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'warn',
    // Required by the worker: the start of every link in its emails.
    PUBLIC_URL: 'http://localhost:3000',
    NOTIFICATION_ATTEMPTS: '6',
    // One email per alert and recipient: these tests need many separate deliveries to kill the worker among.
    ALERT_BATCH_ABOVE: '100000',
    DRIFT_SCAN_EVERY_MINUTES: '1440',
    JWT_SECRET: 'fault-test-secret-that-is-long-enough-0123456789',
    ...settings.extraEnv,
  };
  const child = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const log = createWriteStream(join(settings.logDir, `worker-${generation}.log`));
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    log.write(text);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const worker: WorkerProcess = {
    generation,
    child,
    spawnedAt: Date.now(),
    killedByTest: false,
    output,
    exited: new Promise((done) => {
      child.once('exit', (code, signal) => {
        worker.exitedAt = Date.now();
        log.end();
        done({ code, signal });
      });
    }),
  };
  return worker;
}

/** The name the worker's BullMQ workers store on the jobs they take (`job.processedBy`): host:pid. */
export function workerName(worker: WorkerProcess): string {
  return `${hostname()}:${worker.child.pid}`;
}

/** SIGKILL, as a crash: no shutdown hook runs, nothing is flushed, locks are simply abandoned. */
export async function crash(worker: WorkerProcess): Promise<void> {
  if (worker.exitedAt !== undefined) return;
  worker.killedByTest = true;
  worker.child.kill('SIGKILL');
  await worker.exited;
}

/** Throws (with the worker's output) when a worker died without being killed by the test. */
export function assertNoUnexpectedExit(workers: readonly WorkerProcess[]): void {
  for (const w of workers) {
    if (w.exitedAt !== undefined && !w.killedByTest) {
      throw new Error(`worker ${w.generation} exited on its own:\n${w.output.join('').slice(-4000)}`);
    }
  }
}
