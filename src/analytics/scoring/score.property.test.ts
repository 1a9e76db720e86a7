import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountInputs, ScoringCriterion, ScoringModel } from './model';
import { scoreAccount, scoreAxis, scorePortfolio } from './score';
import { modelProblems } from './validate';

// NOTE: the four rules of the issue, as laws over random models and accounts.

// NOTE: zero, or far enough from it that scaling never rounds a weight to zero.
const weights = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 100, noNaN: true }));

const ratingCriterion = (key: string) =>
  fc.record({
    key: fc.constant(key),
    weight: weights,
    source: fc
      .record({ min: fc.integer({ min: -5, max: 5 }), span: fc.integer({ min: 1, max: 20 }) })
      .map(({ min, span }) => ({ kind: 'rating' as const, min, max: min + span })),
  });

const factCriterion = (key: string) =>
  fc.record({
    key: fc.constant(key),
    weight: weights,
    source: fc
      .record({
        low: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        span: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        higherIsBetter: fc.boolean(),
      })
      .map(({ low, span, higherIsBetter }) => ({
        kind: 'fact' as const,
        fact: `fact.${key}`,
        low,
        high: low + span,
        higherIsBetter,
      })),
  });

const axisCriteria = (prefix: string) =>
  fc
    .array(fc.boolean(), { minLength: 1, maxLength: 8 })
    .chain((kinds) =>
      fc.tuple(...kinds.map((isRating, index) => (isRating ? ratingCriterion : factCriterion)(`${prefix}${index}`))),
    )
    .filter((criteria) => criteria.some((criterion) => criterion.weight > 0)) as fc.Arbitrary<ScoringCriterion[]>;

const models: fc.Arbitrary<ScoringModel> = fc.record({
  attractiveness: axisCriteria('a'),
  strength: axisCriteria('s'),
  thresholds: fc.record({
    attractiveness: fc.integer({ min: 0, max: 100 }),
    strength: fc.integer({ min: 0, max: 100 }),
  }),
});

/** Inputs for the model's criteria, each present or missing, within or beyond its scale or range. */
function inputsFor(model: ScoringModel): fc.Arbitrary<AccountInputs> {
  const criteria = [...model.attractiveness, ...model.strength];
  return fc
    .tuple(
      ...criteria.map((criterion) =>
        fc.option(
          criterion.source.kind === 'rating'
            ? fc.integer({ min: criterion.source.min, max: criterion.source.max })
            : fc.double({ min: criterion.source.low - 1e6, max: criterion.source.high + 1e6, noNaN: true }),
          { nil: undefined, freq: 4 },
        ),
      ),
    )
    .map((values) => {
      const ratings: Record<string, number | undefined> = {};
      const facts: Record<string, number | undefined> = {};
      criteria.forEach((criterion, index) => {
        if (criterion.source.kind === 'rating') ratings[criterion.key] = values[index];
        else facts[criterion.source.fact] = values[index];
      });
      return { ratings, facts };
    });
}

const modelWithInputs = models.chain((model) => fc.tuple(fc.constant(model), inputsFor(model)));
const tenths = (value: number) => Math.round(value * 10);

describe('scoring laws', () => {
  it('normalises weights: scaling every weight of an axis changes no score', () => {
    fc.assert(
      fc.property(modelWithInputs, fc.double({ min: 0.01, max: 1000, noNaN: true }), ([model, inputs], factor) => {
        const scaled = model.attractiveness.map((criterion) => ({ ...criterion, weight: criterion.weight * factor }));
        const original = scoreAxis(model.attractiveness, inputs);
        const rescaled = scoreAxis(scaled, inputs);
        // NOTE: within a tenth: the two sums may round a …x.x5 differently.
        expect(rescaled.score === null).toBe(original.score === null);
        expect(Math.abs((rescaled.score ?? 0) - (original.score ?? 0))).toBeLessThanOrEqual(0.1 + 1e-9);
        const shares = original.contributions.reduce((sum, part) => sum + part.share, 0);
        expect(shares).toBeCloseTo(1, 9);
      }),
    );
  });

  it('is monotonic: raising one rating never lowers its axis’s score', () => {
    fc.assert(
      fc.property(modelWithInputs, fc.nat(), fc.integer({ min: 1, max: 20 }), ([model, inputs], pick, raise) => {
        const rated = model.attractiveness.filter((criterion) => criterion.source.kind === 'rating');
        const criterion = rated[pick % Math.max(1, rated.length)];
        if (criterion?.source.kind !== 'rating') return;
        const current = inputs.ratings[criterion.key];
        if (current === undefined) return;
        const raised = Math.min(criterion.source.max, current + raise);
        const before = scoreAxis(model.attractiveness, inputs);
        const after = scoreAxis(model.attractiveness, {
          ...inputs,
          ratings: { ...inputs.ratings, [criterion.key]: raised },
        });
        expect(after.score ?? 0).toBeGreaterThanOrEqual(before.score ?? 0);
      }),
    );
  });

  it('never counts a missing value as zero: the score is incomplete and names what is missing', () => {
    fc.assert(
      fc.property(modelWithInputs, ([model, inputs]) => {
        const score = scoreAccount(model, inputs);
        for (const axis of [score.attractiveness, score.strength]) {
          const missing = axis.contributions
            .filter((part) => part.value === null && part.share > 0)
            .map((part) => part.key);
          expect(axis.missing).toEqual(missing);
          expect(axis.complete).toBe(missing.length === 0);
          for (const part of axis.contributions) if (part.value === null) expect(part.points).toBeNull();
          if (axis.score !== null) {
            const present = axis.contributions.filter((part) => part.value !== null && part.share > 0);
            const values = present.map((part) => part.value as number);
            // a mean of what is known lies within what is known (a zero would drag it below)
            expect(tenths(axis.score)).toBeGreaterThanOrEqual(Math.floor(Math.min(...values) * 10) - 1);
            expect(tenths(axis.score)).toBeLessThanOrEqual(Math.ceil(Math.max(...values) * 10) + 1);
          }
        }
        expect(score.complete).toBe(score.attractiveness.complete && score.strength.complete);
      }),
    );
  });

  it('is deterministic and explainable: the same inputs give the same result, and points sum to the score', () => {
    fc.assert(
      fc.property(modelWithInputs, ([model, inputs]) => {
        const score = scoreAccount(model, inputs);
        expect(scoreAccount(model, structuredClone(inputs))).toEqual(score);
        for (const axis of [score.attractiveness, score.strength]) {
          if (axis.score === null) continue;
          const points = axis.contributions.reduce((sum, part) => sum + tenths(part.points ?? 0), 0);
          expect(points).toBe(tenths(axis.score));
          expect(axis.score).toBeGreaterThanOrEqual(0);
          expect(axis.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('scores a whole portfolio exactly as account by account', () => {
    fc.assert(
      fc.property(
        models.chain((model) => fc.tuple(fc.constant(model), fc.array(inputsFor(model), { maxLength: 5 }))),
        ([model, accounts]) => {
          const expected = accounts.map((inputs) => {
            const score = scoreAccount(model, inputs);
            return {
              attractiveness: score.attractiveness.score,
              strength: score.strength.score,
              quadrant: score.quadrant,
              complete: score.complete,
              missing: [...score.attractiveness.missing, ...score.strength.missing],
            };
          });
          expect(scorePortfolio(model, accounts)).toEqual(expected);
        },
      ),
    );
  });

  it('accepts every generated model, and rejects it once an axis loses its criteria or its weights', () => {
    fc.assert(
      fc.property(models, fc.boolean(), (model, emptyIt) => {
        expect(modelProblems(model)).toEqual([]);
        const broken = emptyIt
          ? { ...model, strength: [] }
          : { ...model, strength: model.strength.map((criterion) => ({ ...criterion, weight: 0 })) };
        expect(modelProblems(broken)).toEqual([
          { path: ['strength'], code: emptyIt ? 'noCriteria' : 'allWeightsZero' },
        ]);
      }),
    );
  });
});
