import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, type TestApi } from '@test/support';

/**
 * The OpenAPI document the API serves passes `redocly lint` with its recommended rules, with no errors (issue 19:
 * the API is a product for integrators). Redocly CLI runs offline here: telemetry and the update check are off,
 * the document is a local file, and the recommended ruleset ships inside the package.
 */
const run = promisify(execFile);
const REDOCLY = require.resolve('@redocly/cli/bin/cli.js');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

describe('OpenAPI document lint (Redocly recommended rules)', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    api = await startTestApi();
    dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  });
  afterAll(async () => {
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has no errors', async () => {
    const document = await (await fetch(`${api.baseUrl}/api/docs-json`)).text();
    const file = join(dir, 'openapi.json');
    await writeFile(file, document);
    const { stdout } = await run(
      process.execPath,
      [REDOCLY, 'lint', file, '--extends', 'recommended', '--format', 'json', '--max-problems', '1000'],
      {
        cwd: dir, // no redocly.yaml of ours: the recommended rules exactly
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_UPDATE_NOTIFIER: '1',
        },
        maxBuffer: 32 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`redocly lint did not run: ${error.stderr ?? String(error)}`);
      return { stdout: error.stdout };
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: LintProblem[];
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    const warnings = report.problems.filter((p) => p.severity === 'warn').map((p) => p.ruleId);
    process.stdout.write(
      `[openapi-lint] redocly recommended: ${report.totals.errors} errors, ${report.totals.warnings} warnings ${JSON.stringify(countBy(warnings))}\n`,
    );
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 120_000);
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
