import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('API_NODE_FLAGS', () => {
  it('are the flags of every other way the API is started', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    const launcher = read('apps/launcher/src/main.ts');
    const bench = read('bench/api.bench.ts');
    for (const flag of API_NODE_FLAGS) {
      expect(scripts['start:api']).toContain(`node ${flag} dist/apps/api/src/main.js`);
      expect(read('docker-compose.yml')).toContain(`command: ["node", "${flag}", "dist/apps/api/src/main.js"]`);
      expect(read('Dockerfile')).toContain(`CMD ["node", "${flag}", "dist/apps/api/src/main.js"]`);
    }
    // The launcher and the API benchmark spawn the API with the constant itself, so they cannot drift.
    expect(launcher).toMatch(/app === 'api' \? \[\.\.\.API_NODE_FLAGS\]/);
    expect(bench).toContain('[...API_NODE_FLAGS, ');
  });
});
