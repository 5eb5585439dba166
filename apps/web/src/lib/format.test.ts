import { describe, expect, it } from 'vitest';
import { plural } from './format';

describe('plural', () => {
  it('agrees the noun with the count', () => {
    expect(plural(0, 'active priority', 'active priorities')).toBe('0 active priorities');
    expect(plural(1, 'active priority', 'active priorities')).toBe('1 active priority');
    expect(plural(2, 'active priority', 'active priorities')).toBe('2 active priorities');
  });
});
