import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Environment } from './environment';

describe('.env.example', () => {
  it('documents every variable the processes read', () => {
    const example = readFileSync(resolve(__dirname, '../../../.env.example'), 'utf8');
    const variables = [...Object.keys(new Environment()), 'DATABASE_URL', 'DATABASE_APP_URL', 'DATABASE_APP_PASSWORD', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL', 'DIGEST_UNSUBSCRIBE_SECRET'];
    expect(variables.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([]);
  });
});
