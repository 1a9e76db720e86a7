import { axes, type ScoringModel } from './model';

export type ModelProblemCode =
  | 'noCriteria'
  | 'negativeWeight'
  | 'weightNotFinite'
  | 'allWeightsZero'
  | 'emptyScale'
  | 'emptyRange'
  | 'duplicateKey'
  | 'thresholdOutOfRange';

/** What is wrong with a model, and where: `strength`, `attractiveness.2.weight`, `thresholds.strength`. */
export type ModelProblem = { path: (string | number)[]; code: ModelProblemCode };

/**
 * The rules a scoring model must follow before anything is scored with it: each axis has
 * criteria, no weight is negative, not all are zero (so they can be normalised), every scale and
 * range has room, criterion keys are unique across both axes.
 */
export function modelProblems(model: ScoringModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const seen = new Set<string>();
  for (const axis of axes) {
    const criteria = model[axis];
    if (criteria.length === 0) {
      problems.push({ path: [axis], code: 'noCriteria' });
      continue;
    }
    let positive = false;
    let weightsValid = true;
    criteria.forEach((criterion, index) => {
      if (!Number.isFinite(criterion.weight)) {
        problems.push({ path: [axis, index, 'weight'], code: 'weightNotFinite' });
        weightsValid = false;
      } else if (criterion.weight < 0) {
        problems.push({ path: [axis, index, 'weight'], code: 'negativeWeight' });
        weightsValid = false;
      } else if (criterion.weight > 0) {
        positive = true;
      }
      const { source } = criterion;
      if (source.kind === 'rating' && !(source.max > source.min)) {
        problems.push({ path: [axis, index, 'source', 'max'], code: 'emptyScale' });
      }
      if (source.kind === 'fact' && !(source.high > source.low)) {
        problems.push({ path: [axis, index, 'source', 'high'], code: 'emptyRange' });
      }
      if (seen.has(criterion.key)) problems.push({ path: [axis, index, 'key'], code: 'duplicateKey' });
      seen.add(criterion.key);
    });
    if (weightsValid && !positive) problems.push({ path: [axis], code: 'allWeightsZero' });
    const threshold = model.thresholds[axis];
    if (!(threshold >= 0 && threshold <= 100))
      problems.push({ path: ['thresholds', axis], code: 'thresholdOutOfRange' });
  }
  return problems;
}
