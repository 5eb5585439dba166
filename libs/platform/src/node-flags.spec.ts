import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS, WORKER_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const scripts = () => JSON.parse(read('package.json')).scripts as Record<string, string>;

describe('API_NODE_FLAGS', () => {
  it('are the flags of every other way the API is started', () => {
    const launcher = read('apps/launcher/src/main.ts');
    const bench = read('bench/api.bench.ts');
    for (const flag of API_NODE_FLAGS) {
      expect(scripts()['start:api']).toContain(`node ${flag} dist/apps/api/src/main.js`);
      expect(read('docker-compose.yml')).toContain(`command: ["node", "${flag}", "dist/apps/api/src/main.js"]`);
      expect(read('Dockerfile')).toContain(`CMD ["node", "${flag}", "dist/apps/api/src/main.js"]`);
    }
    // The launcher and the API benchmark spawn the API with the constant itself, so they cannot drift.
    expect(launcher).toMatch(/app === 'api' \? \[\.\.\.API_NODE_FLAGS\]/);
    expect(bench).toContain('[...API_NODE_FLAGS, ');
  });
});

describe('WORKER_NODE_FLAGS', () => {
  it('are the flags of every other way the worker is started', () => {
    for (const flag of WORKER_NODE_FLAGS) {
      expect(scripts()['start:worker']).toContain(`node ${flag} dist/apps/worker/src/main.js`);
      // The benchmarks run the worker module in their own process: with the same flags, or their figures lie.
      expect(scripts()['bench:drift']).toContain(flag);
      expect(scripts()['bench:digest']).toContain(flag);
      expect(read('docker-compose.yml')).toContain(`command: ["node", "${flag}", "dist/apps/worker/src/main.js"]`);
      expect(read('Dockerfile')).toContain(`node ${flag} dist/apps/worker/src/main.js`);
    }
  });
});
