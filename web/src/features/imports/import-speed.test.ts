import { describe, expect, it } from 'vitest';
import { importSpeed } from './import-speed';

describe('importSpeed', () => {
  it('is the rows per second since the first reading, and the time left at that pace', () => {
    // 40,000 rows in 10 s: 4,000 rows/s; the 150,000 left take 37.5 s, rounded up.
    expect(importSpeed({ at: 0, processed: 10_000 }, { at: 10_000, processed: 50_000 }, 200_000)).toEqual({
      rowsPerSecond: 4000,
      secondsLeft: 38,
    });
  });

  it('counts only the rows this page saw written, not those before a resume', () => {
    expect(importSpeed({ at: 5_000, processed: 150_000 }, { at: 7_000, processed: 151_000 }, 200_000)).toEqual({
      rowsPerSecond: 500,
      secondsLeft: 98,
    });
  });

  it('is unknown until a second has passed and rows have moved', () => {
    expect(importSpeed({ at: 0, processed: 0 }, { at: 900, processed: 5_000 }, 10_000)).toBeUndefined();
    expect(importSpeed({ at: 0, processed: 5_000 }, { at: 3_000, processed: 5_000 }, 10_000)).toBeUndefined();
  });

  it('rounds the time left up and never below zero', () => {
    expect(importSpeed({ at: 0, processed: 0 }, { at: 3_000, processed: 10 }, 11)?.secondsLeft).toBe(1);
    expect(importSpeed({ at: 0, processed: 0 }, { at: 3_000, processed: 12 }, 11)?.secondsLeft).toBe(0);
  });
});
