import { describe, expect, it } from 'vitest';
import { focusCapHint } from './focus-cap';

describe('the focus cap, said before it is hit', () => {
  it('counts the active priorities against the cap', () => {
    expect(focusCapHint(4, 5, 'active')).toBe('4 of 5 active: room for 1 more active priority.');
    expect(focusCapHint(1, 5, 'active')).toBe('1 of 5 active: room for 4 more active priorities.');
  });
  it('says what to do at the cap, and that a draft does not count', () => {
    expect(focusCapHint(5, 5, 'active')).toBe(
      '5 of 5 active: the focus cap is reached. Save this one as a draft, or achieve, drop or move one to draft first.',
    );
    expect(focusCapHint(5, 5, 'draft')).toBe('5 of 5 active; a draft does not count against the focus cap.');
  });
});
