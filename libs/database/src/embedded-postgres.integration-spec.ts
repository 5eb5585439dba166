import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { recoverStaleLock, startEmbeddedPostgres } from './embedded-postgres';

async function select1(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'throughline-embedded-'));
    chmodSync(dir, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('initialises, serves connections, stops and starts again on the same data', async () => {
    const dataDir = join(dir, 'pg');
    const first = await startEmbeddedPostgres({ dataDir });
    expect(await select1(first.url)).toBe(1);
    await first.stop();
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    const second = await startEmbeddedPostgres({ dataDir });
    expect(await select1(second.url)).toBe(1);
    await second.stop();
  });

  it('recovers a stale lock file left by a killed run', async () => {
    const dataDir = join(dir, 'pg');
    const first = await startEmbeddedPostgres({ dataDir });
    await first.stop();
    // A pid that cannot be alive, as after a crash and reboot.
    writeFileSync(join(dataDir, 'postmaster.pid'), '999999\n' + dataDir + '\n');
    const lines: string[] = [];
    const second = await startEmbeddedPostgres({ dataDir, log: (l) => lines.push(l) });
    expect(await select1(second.url)).toBe(1);
    expect(lines.join('\n')).toMatch(/stale postmaster\.pid/);
    await second.stop();
  });

  it('stops an orphaned server still holding the data directory', async () => {
    const dataDir = join(dir, 'pg');
    const orphan = await startEmbeddedPostgres({ dataDir });
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);
    const lines: string[] = [];
    // The process that started it "died" without stopping it; the next start must take over.
    await recoverStaleLock(dataDir, (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/orphaned PostgreSQL server/);
    await expect(select1(orphan.url)).rejects.toThrow();
    const next = await startEmbeddedPostgres({ dataDir });
    expect(await select1(next.url)).toBe(1);
    await next.stop();
  });
});
