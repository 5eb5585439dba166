import { compact, rerank } from './priority-ranking';

describe('rerank', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('moves a priority up and shifts the ones in between down', () => {
    expect([...rerank(ids, 'd', 2)]).toEqual([
      ['a', 1],
      ['d', 2],
      ['b', 3],
      ['c', 4],
    ]);
  });
  it('moves a priority down', () => {
    expect([...rerank(ids, 'a', 3)]).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
      ['d', 4],
    ]);
  });
  it('appends a newly activated priority at the end by default, or inserts it at a position', () => {
    expect([...rerank(ids, 'e', null)].map(([, r]) => r)).toEqual([1, 2, 3, 4, 5]);
    expect(rerank(ids, 'e', 1).get('e')).toBe(1);
    expect(rerank(ids, 'e', 1).get('a')).toBe(2);
  });
  it('clamps positions past the end', () => {
    expect(rerank(ids, 'a', 99).get('a')).toBe(4);
  });
});

describe('compact', () => {
  it('closes the gap a leaving priority leaves', () => {
    expect([...compact(['a', 'b', 'c'], 'b')]).toEqual([
      ['a', 1],
      ['c', 2],
    ]);
  });
});
