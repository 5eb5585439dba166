import { MAX_ARRAY_ITEMS, MAX_INPUT_DEPTH, MAX_INPUT_ENTRIES, MAX_PROPERTIES_PER_OBJECT } from './input-limits';
import { inputShapeProblem } from './input-shape';
import { jsonShapeProblem } from './json-shape';

const wide = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));
const nest = (depth: number) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('jsonShapeProblem', () => {
  it('agrees with the check of the parsed value, on values within and past each limit', () => {
    const cases: unknown[] = [
      { email: 'jo@firm.test', password: 'x', nested: { list: [1, 'two', { three: [] }, null, true] } },
      wide(MAX_PROPERTIES_PER_OBJECT),
      wide(MAX_PROPERTIES_PER_OBJECT + 1),
      { clientIds: new Array(MAX_ARRAY_ITEMS).fill('0b0e9d3e-4a5b-4c57-9b0a-5a8b2c1d9e01') },
      { clientIds: new Array(MAX_ARRAY_ITEMS + 1).fill(0) },
      { a: [[], [[]], [1, [2, [3, wide(MAX_PROPERTIES_PER_OBJECT + 1)]]]] },
      { outer: { inner: wide(MAX_PROPERTIES_PER_OBJECT + 1) } },
      Array.from({ length: 40 }, () => wide(60)),
      nest(MAX_INPUT_DEPTH),
      nest(MAX_INPUT_DEPTH + 1),
      'a plain string',
      42,
      [],
      {},
    ];
    for (const value of cases) expect(jsonShapeProblem(JSON.stringify(value))).toEqual(inputShapeProblem(value));
  });

  it('names the offending object by its path, and counts everything at every level', () => {
    expect(jsonShapeProblem(JSON.stringify({ outer: { inner: wide(65) } }))?.field).toBe('outer.inner');
    expect(jsonShapeProblem(JSON.stringify({ a: [0, 1, { b: new Array(1_001).fill(1) }] }))?.field).toBe('a[2].b');
    expect(jsonShapeProblem(JSON.stringify(Array.from({ length: 40 }, () => wide(60))))?.problems[0]).toMatch(
      new RegExp(`more than ${MAX_INPUT_ENTRIES.toLocaleString('en-US')} properties and array items`),
    );
  });

  it('is not fooled by brackets, colons, commas, quotes and backslashes inside strings', () => {
    const tricky = '{[:,]}\\"\\\\'.repeat(5_000);
    expect(jsonShapeProblem(JSON.stringify({ note: tricky, [`${tricky}key`]: [tricky] }))).toBeNull();
    expect(jsonShapeProblem(JSON.stringify({ note: 'end with a backslash\\', ...wide(65) }))?.field).toBe('body');
  });

  it('stops at the first excess: 60,000 keys are refused after the 65th, a 1 MB string is skipped at once', () => {
    const many = JSON.stringify(wide(60_000));
    expect(jsonShapeProblem(many)?.problems[0]).toBe('body has more than 64 properties; no request has that many');
    const long = JSON.stringify({ note: 'x'.repeat(1_000_000) });
    expect(jsonShapeProblem(long)).toBeNull();
  });

  it('leaves malformed text to JSON.parse', () => {
    expect(jsonShapeProblem('{"oops"')).toBeNull();
    expect(jsonShapeProblem('{"unterminated: 1}')).toBeNull();
    expect(jsonShapeProblem(']]]}}}')).toBeNull();
    expect(jsonShapeProblem('['.repeat(50_000))?.problems[0]).toMatch(/deeper than 32 levels/);
  });
});
