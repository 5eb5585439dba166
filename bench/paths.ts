import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: from dist/bench/… the first ancestor with a package.json; else the working directory. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return existsSync(join(dir, 'package.json')) ? dir : process.cwd();
}

/** Where benchmarks write their JSON: BENCH_RESULTS_DIR, else bench/results of the repository. */
export function resultsDir(): string {
  return process.env.BENCH_RESULTS_DIR ? resolve(process.env.BENCH_RESULTS_DIR) : join(repoRoot(), 'bench', 'results');
}
