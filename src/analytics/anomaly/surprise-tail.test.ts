import { describe, expect, it } from 'vitest';
import { addToTail, createSurpriseTail, restoreTail, snapshotTail, tailSurprise } from './surprise-tail';
import { createRandom } from './synthetic-series';

const options = { tailMass: 10, tailMinExtrapolate: 100 };

describe('surprise tail', () => {
  it('knows nothing until it has seen enough values', () => {
    const tail = createSurpriseTail();
    expect(tailSurprise(tail, 5, options)).toBe(0);
    for (let index = 0; index < 9; index += 1) addToTail(tail, 1, options.tailMass);
    expect(tailSurprise(tail, 5, options)).toBe(0);
  });

  it('grows with the value, approximates −ln P(Z ≥ z), and extrapolates beyond the largest value', () => {
    const tail = createSurpriseTail();
    const random = createRandom(7);
    for (let index = 0; index < 10_000; index += 1) addToTail(tail, -Math.log(1 - random()), options.tailMass);
    // exponential(1): −ln P(Z ≥ z) = z
    expect(tailSurprise(tail, 2, options)).toBeCloseTo(2, 0);
    expect(tailSurprise(tail, 4, options)).toBeCloseTo(4, 0);
    let previous = 0;
    for (const value of [0.1, 0.5, 1, 2, 4, 8, 16, 32]) {
      const surprise = tailSurprise(tail, value, options);
      expect(surprise).toBeGreaterThanOrEqual(previous);
      previous = surprise;
    }
    expect(tailSurprise(tail, 32, options)).toBeGreaterThan(20);
  });

  it('survives a JSON round trip unchanged', () => {
    const tail = createSurpriseTail();
    for (let index = 1; index <= 500; index += 1) addToTail(tail, (index % 37) / 7, options.tailMass);
    const restored = restoreTail(JSON.parse(JSON.stringify(snapshotTail(tail))));
    for (const value of [0, 0.3, 2, 5.1, 9, 100]) {
      expect(tailSurprise(restored, value, options)).toBe(tailSurprise(tail, value, options));
    }
  });
});
