import { describe, expect, it } from 'vitest';
import type { ScoringModel } from './model';
import { normaliseInput, quadrantOf, scoreAccount, scoreAxis, scorePortfolio } from './score';
import { modelProblems } from './validate';

const rating = { kind: 'rating', min: 1, max: 10 } as const;

const model: ScoringModel = {
  attractiveness: [
    { key: 'volume', weight: 3, source: rating },
    { key: 'fit', weight: 1, source: rating },
  ],
  strength: [
    { key: 'wallet', weight: 1, source: rating },
    {
      key: 'contacts',
      weight: 1,
      source: { kind: 'fact', fact: 'contacts.count', low: 0, high: 20, higherIsBetter: true },
    },
  ],
  thresholds: { attractiveness: 50, strength: 50 },
};

describe('normalising inputs', () => {
  it('maps a rating scale onto 0–100', () => {
    expect(normaliseInput(rating, 1)).toBe(0);
    expect(normaliseInput(rating, 10)).toBe(100);
    expect(normaliseInput(rating, 5.5)).toBe(50);
  });

  it('maps a fact linearly between low and high, clamped, in the fact’s direction', () => {
    const delay = { kind: 'fact', fact: 'finance.paymentDelay', low: 0, high: 60, higherIsBetter: false } as const;
    expect(normaliseInput(delay, 0)).toBe(100);
    expect(normaliseInput(delay, 30)).toBe(50);
    expect(normaliseInput(delay, 90)).toBe(0);
    expect(normaliseInput({ ...delay, higherIsBetter: true }, -5)).toBe(0);
  });
});

describe('scoring an account', () => {
  it('weights the criteria of each axis and explains the score point by point', () => {
    const score = scoreAccount(model, { ratings: { volume: 10, fit: 1, wallet: 10 }, facts: { 'contacts.count': 5 } });
    expect(score.attractiveness).toEqual({
      score: 75,
      complete: true,
      missing: [],
      contributions: [
        { key: 'volume', share: 0.75, input: 10, value: 100, points: 75 },
        { key: 'fit', share: 0.25, input: 1, value: 0, points: 0 },
      ],
    });
    expect(score.strength.score).toBe(62.5);
    expect(score.strength.contributions.map((part) => part.points)).toEqual([50, 12.5]);
    expect(score.quadrant).toBe('strategic');
    expect(score.complete).toBe(true);
  });

  it('shows a missing rating or fact as missing, and scores what is there instead of counting it as zero', () => {
    const score = scoreAccount(model, { ratings: { volume: 10, wallet: 1 }, facts: {} });
    expect(score.attractiveness.complete).toBe(false);
    expect(score.attractiveness.missing).toEqual(['fit']);
    expect(score.attractiveness.score).toBe(100);
    expect(score.attractiveness.contributions[1]).toEqual({
      key: 'fit',
      share: 0.25,
      input: null,
      value: null,
      points: null,
    });
    expect(score.strength.missing).toEqual(['contacts']);
    expect(score.quadrant).toBe('star');
    expect(score.complete).toBe(false);
  });

  it('has no score and no quadrant when nothing on an axis is known', () => {
    const score = scoreAccount(model, { ratings: { volume: 4 }, facts: {} });
    expect(score.strength.score).toBeNull();
    expect(score.strength.missing).toEqual(['wallet', 'contacts']);
    expect(score.quadrant).toBeNull();
  });

  it('does not count a criterion of weight zero as missing', () => {
    const zero: ScoringModel = {
      ...model,
      attractiveness: [
        { key: 'volume', weight: 1, source: rating },
        { key: 'fit', weight: 0, source: rating },
      ],
    };
    const score = scoreAxis(zero.attractiveness, { ratings: { volume: 4 }, facts: {} });
    expect(score).toMatchObject({ score: 33.3, complete: true, missing: [] });
  });

  it('ignores values that are not finite numbers', () => {
    expect(
      scoreAxis(model.strength, { ratings: { wallet: 10 }, facts: { 'contacts.count': Number.NaN } }).missing,
    ).toEqual(['contacts']);
  });

  it('rounds points so that they still add up to the rounded score', () => {
    const thirds: ScoringModel['attractiveness'] = [
      { key: 'a', weight: 1, source: rating },
      { key: 'b', weight: 1, source: rating },
      { key: 'c', weight: 1, source: rating },
    ];
    const score = scoreAxis(thirds, { ratings: { a: 10, b: 10, c: 10 }, facts: {} });
    expect(score.score).toBe(100);
    expect(score.contributions.map((part) => part.points)).toEqual([33.4, 33.3, 33.3]);
  });
});

describe('quadrants', () => {
  const thresholds = { attractiveness: 50, strength: 60 };
  it('are high at or above the threshold of each axis', () => {
    expect(quadrantOf(50, 60, thresholds)).toBe('strategic');
    expect(quadrantOf(50, 59.9, thresholds)).toBe('star');
    expect(quadrantOf(49.9, 60, thresholds)).toBe('status');
    expect(quadrantOf(0, 0, thresholds)).toBe('streamline');
    expect(quadrantOf(null, 80, thresholds)).toBeNull();
  });
});

describe('scoring a portfolio', () => {
  it('keeps the order and lists what each account misses', () => {
    const rows = scorePortfolio(model, [
      { ratings: { volume: 10, fit: 10, wallet: 10 }, facts: { 'contacts.count': 20 } },
      { ratings: {}, facts: {} },
    ]);
    expect(rows).toEqual([
      { attractiveness: 100, strength: 100, quadrant: 'strategic', complete: true, missing: [] },
      {
        attractiveness: null,
        strength: null,
        quadrant: null,
        complete: false,
        missing: ['volume', 'fit', 'wallet', 'contacts'],
      },
    ]);
  });
});

describe('model rules', () => {
  it('accept a sound model', () => {
    expect(modelProblems(model)).toEqual([]);
  });

  it('name the axis without criteria or whose weights are all zero, and the negative weight', () => {
    const broken: ScoringModel = {
      attractiveness: [],
      strength: [
        { key: 'a', weight: 0, source: rating },
        { key: 'b', weight: 0, source: rating },
      ],
      thresholds: { attractiveness: 50, strength: 50 },
    };
    expect(modelProblems(broken)).toEqual([
      { path: ['attractiveness'], code: 'noCriteria' },
      { path: ['strength'], code: 'allWeightsZero' },
    ]);
    const negative = {
      ...model,
      strength: [
        { key: 'a', weight: -1, source: rating },
        { key: 'b', weight: 2, source: rating },
      ],
    };
    expect(modelProblems(negative)).toEqual([{ path: ['strength', 0, 'weight'], code: 'negativeWeight' }]);
  });

  it('name empty scales and ranges, duplicate keys, and thresholds off the scale', () => {
    const broken: ScoringModel = {
      attractiveness: [
        { key: 'a', weight: 1, source: { kind: 'rating', min: 5, max: 5 } },
        { key: 'b', weight: 1, source: { kind: 'fact', fact: 'x', low: 3, high: 1, higherIsBetter: true } },
      ],
      strength: [{ key: 'a', weight: Number.POSITIVE_INFINITY, source: rating }],
      thresholds: { attractiveness: 50, strength: 101 },
    };
    expect(modelProblems(broken)).toEqual([
      { path: ['attractiveness', 0, 'source', 'max'], code: 'emptyScale' },
      { path: ['attractiveness', 1, 'source', 'high'], code: 'emptyRange' },
      { path: ['strength', 0, 'weight'], code: 'weightNotFinite' },
      { path: ['strength', 0, 'key'], code: 'duplicateKey' },
      { path: ['thresholds', 'strength'], code: 'thresholdOutOfRange' },
    ]);
  });
});
