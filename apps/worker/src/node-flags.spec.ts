import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('WORKER_NODE_FLAGS', () => {
  it('are the flags of every other way the worker is started', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    for (const flag of WORKER_NODE_FLAGS) {
      expect(scripts['start:worker']).toContain(`node ${flag} dist/apps/worker/src/main.js`);
      // The benchmarks run the worker module in their own process: with the same flags, or their figures lie.
      expect(scripts['bench:drift']).toContain(flag);
      expect(scripts['bench:digest']).toContain(flag);
      expect(read('docker-compose.yml')).toContain(`command: ["node", "${flag}", "dist/apps/worker/src/main.js"]`);
      expect(read('Dockerfile')).toContain(`node ${flag} dist/apps/worker/src/main.js`);
    }
  });
});
