import { describe, expect, it } from 'vitest';
import { KeptInMemory } from './kept-in-memory';

describe('KeptInMemory', () => {
  it('drops the least recently used value when over its limit', () => {
    const kept = new KeptInMemory<string, number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    expect(kept.get('a')).toBe(1);
    kept.set('c', 3);
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toBe(1);
    expect(kept.get('c')).toBe(3);
  });

  it('makes a value only when none is kept', () => {
    const kept = new KeptInMemory<string, number[]>(1);
    const first = kept.getOrSet('a', () => [1]);
    expect(kept.getOrSet('a', () => [2])).toBe(first);
    kept.set('a', [3]);
    expect(kept.get('a')).toEqual([3]);
  });
});
