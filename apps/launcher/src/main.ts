import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { launcherPublicUrl, loadEnvironmentOrExit, orExit } from '@app/config';
import { createDataSource, runMigrations, syncAppRolePassword } from '@app/database';
import { DEMO_LOGINS, DEMO_PASSWORD, hasDemoOrganization, seedDemoOrganization } from '@app/domain';
import { migrateQueueSchema } from '@app/queue';
import { API_NODE_FLAGS, WORKER_NODE_FLAGS } from '@app/platform';
import { resolveDatabase, type DatabaseTarget } from './database-target';
import { RestartPolicy } from './restart-policy';

type App = 'api' | 'worker';

/**
 * `npm start`: the whole product in one command. Resolves the database (embedded when DATABASE_URL is
 * unset), migrates, seeds the demo on an embedded database, then runs the API and the worker as child
 * processes and stops everything, embedded PostgreSQL last, on SIGINT/SIGTERM.
 *
 * A crashed API or worker is started again after a backoff (1 s, 2 s, 4 s … 30 s at most, back to 1 s after a minute
 * of uptime), said in the terminal; 5 crashes of one of them within 2 minutes stop everything with status 1
 * (apps/launcher/src/restart-policy.ts).
 *
 * Every child runs in a process group of its own, so a terminal's Ctrl+C (SIGINT to the whole foreground group)
 * reaches only the launcher, which then stops them in order: the API and the worker, then PostgreSQL once their
 * connections are closed. A second Ctrl+C (or SIGTERM) while stopping kills the API and the worker at once;
 * PostgreSQL still stops cleanly after them.
 */
async function main(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const publicUrl = orExit(() => launcherPublicUrl(env));
  const log = (line: string) => process.stdout.write(`[throughline] ${line}\n`);

  let stopping = false;
  let target: DatabaseTarget | undefined;
  const children = new Map<App, ChildProcess>();
  const restartTimers = new Set<NodeJS.Timeout>();
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${reason})`);
    for (const timer of restartTimers) clearTimeout(timer);
    await Promise.all([...children.values()].map((child) => stopChild(child)));
    if (target?.embedded) {
      await target.embedded.stop().catch(() => undefined);
      log('embedded PostgreSQL stopped');
    }
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) return void shutdown(signal, 0);
    log(`${signal} again: killing the API and the worker`);
    for (const child of children.values())
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  target = await resolveDatabase(env, log);

  try {
    const dataSource = await createDataSource({
      url: target.url,
      applicationName: 'throughline-launcher',
    }).initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    // The API and the worker connect as throughline_app; it gets the password they will derive (embedded: the owner's).
    await syncAppRolePassword(dataSource, {
      ownerUrl: target.url,
      appUrl: env.DATABASE_APP_URL,
      appPassword: env.DATABASE_APP_PASSWORD,
    });
    // BullMQ's own schema, migrated once here (not by every queue and worker) when queues live in PostgreSQL.
    if (!env.REDIS_URL) await migrateQueueSchema(target.url, env.QUEUE_SCHEMA);
    if (target.embedded && env.DEMO_SEED === 'auto' && !(await hasDemoOrganization(dataSource))) {
      await seedDemoOrganization(dataSource);
      log('demo organization seeded');
    }
    await dataSource.destroy();
  } catch (error) {
    log(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('start-up failure', 1);
    return;
  }

  const childEnv = { ...process.env, DATABASE_URL: target.url, PUBLIC_URL: publicUrl };
  const policies: Record<App, RestartPolicy> = { api: new RestartPolicy(), worker: new RestartPolicy() };
  const start = (app: App) => {
    const flags = app === 'api' ? [...API_NODE_FLAGS] : [...WORKER_NODE_FLAGS];
    // detached: a group of its own (see above); the launcher signals it. The IPC channel tells it when the launcher is gone.
    const child = spawn(process.execPath, [...flags, resolve(__dirname, `../../${app}/src/main.js`)], {
      env: childEnv,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    const startedAt = Date.now();
    children.set(app, child);
    log(`${app} started (pid ${child.pid})`);
    // Any exit the launcher did not ask for is a crash: started again after a backoff, unless it keeps crashing.
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      const decision = policies[app].onCrash(Date.now(), startedAt);
      if (!decision.restart) {
        log(
          `${app} exited with ${how}: ${decision.crashes} crashes within ${decision.withinMs / 60_000} minutes, giving up`,
        );
        void shutdown(`${app} keeps crashing`, 1);
        return;
      }
      log(`${app} exited with ${how}; restarting in ${decision.delayMs / 1000} s`);
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (!stopping) start(app);
      }, decision.delayMs);
      restartTimers.add(timer);
    });
  };
  start('api');
  start('worker');

  const healthy = await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`, 60_000);
  if (!healthy) {
    await shutdown('the API did not become healthy within 60 s', 1);
    return;
  }
  const lines = [
    '',
    `Throughline is running: http://localhost:${env.PORT}`,
    `  Dashboard: http://localhost:${env.PORT}/`,
    `  API docs:  http://localhost:${env.PORT}/api/docs`,
    `  Health:    http://localhost:${env.PORT}/api/health`,
    `  Database:  ${target.embedded ? `embedded PostgreSQL (${env.EMBEDDED_POSTGRES_DIR})` : 'DATABASE_URL'}`,
    `  Queues:    ${env.REDIS_URL ? 'Redis (REDIS_URL)' : 'BullMQ PostgreSQL backend (schema bullmq)'}`,
    `  Mail:      ${env.SMTP_URL ? 'SMTP_URL' : `.eml files in ${env.MAIL_DIR}`}`,
    `  Links in emails: ${publicUrl}${env.PUBLIC_URL ? ' (PUBLIC_URL)' : ''}`,
  ];
  if (target.embedded) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(20)} ${login.role}`);
  }
  lines.push('Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

main().catch((error: unknown) => {
  process.stderr.write(`[throughline] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
