import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENVIRONMENT_VARIABLES } from './environment';

describe('.env.example', () => {
  it('documents every variable the processes read', () => {
    const example = readFileSync(resolve(__dirname, '../../../.env.example'), 'utf8');
    expect(ENVIRONMENT_VARIABLES.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([]);
  });
});
