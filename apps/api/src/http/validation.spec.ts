import { exceedsDepth, findNulCharacters, MAX_INPUT_DEPTH } from './validation';

describe('input guards', () => {
  const nest = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('measures nesting iteratively, even 100,000 levels deep', () => {
    expect(exceedsDepth(nest(MAX_INPUT_DEPTH))).toBe(false);
    expect(exceedsDepth(nest(MAX_INPUT_DEPTH + 1))).toBe(true);
    expect(exceedsDepth(nest(100_000))).toBe(true);
    expect(exceedsDepth('flat')).toBe(false);
  });

  it('names fields holding NUL or an unpaired surrogate, and lets well-formed text through', () => {
    expect(findNulCharacters({ title: 'Launch 🦄', note: 'שלום\u200B' })).toEqual([]);
    expect(findNulCharacters({ title: 'a\uDC00b' }).map((p) => p.field)).toEqual(['title']);
    expect(findNulCharacters({ list: ['ok', '\uD83D'] }).map((p) => p.field)).toEqual(['list[1]']);
    expect(findNulCharacters({ name: 'a\u0000b' })[0].problems[0]).toMatch(/NUL/);
    expect(findNulCharacters({ ['k\uD800']: 1 })[0].problems[0]).toMatch(/property names/);
  });
});
