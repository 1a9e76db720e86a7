import type {
  AccountInputs,
  AccountScore,
  Axis,
  AxisScore,
  Contribution,
  CriterionSource,
  Quadrant,
  ScoringCriterion,
  ScoringModel,
} from './model';

const clampPercent = (value: number) => Math.max(0, Math.min(100, value));

/** Maps a criterion's raw input onto 0–100 (see `CriterionSource`). */
export function normaliseInput(source: CriterionSource, input: number): number {
  if (source.kind === 'rating') return clampPercent(((input - source.min) / (source.max - source.min)) * 100);
  const position = clampPercent(((input - source.low) / (source.high - source.low)) * 100);
  return source.higherIsBetter ? position : 100 - position;
}

/** The raw input of a criterion for an account; undefined when it has none (or not a finite number). */
export function inputOf(criterion: ScoringCriterion, inputs: AccountInputs): number | undefined {
  const value =
    criterion.source.kind === 'rating' ? inputs.ratings[criterion.key] : inputs.facts[criterion.source.fact];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The quadrant of two axis scores under the thresholds; null unless both are known. */
export function quadrantOf(
  attractiveness: number | null,
  strength: number | null,
  thresholds: ScoringModel['thresholds'],
): Quadrant | null {
  if (attractiveness === null || strength === null) return null;
  const attractive = attractiveness >= thresholds.attractiveness;
  const strong = strength >= thresholds.strength;
  if (attractive) return strong ? 'strategic' : 'star';
  return strong ? 'status' : 'streamline';
}

/**
 * Rounds exact points to tenths so that they still add up to the rounded total (largest
 * remainders get the spare tenths; ties go to the earlier criterion): explanations never disagree
 * with the score they explain.
 */
function apportionTenths(exact: readonly (number | null)[]): { total: number; parts: (number | null)[] } {
  let sum = 0;
  for (const value of exact) if (value !== null) sum += value;
  const totalTenths = Math.round(sum * 10);
  const floors = exact.map((value) => (value === null ? null : Math.floor(value * 10)));
  let spare = totalTenths;
  for (const floor of floors) if (floor !== null) spare -= floor;
  const order = exact
    .map((value, index) => ({ index, remainder: value === null ? -1 : value * 10 - Math.floor(value * 10) }))
    .filter((entry) => entry.remainder >= 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let rank = 0; rank < spare && rank < order.length; rank += 1) {
    const index = (order[rank] as { index: number }).index;
    floors[index] = (floors[index] as number) + 1;
  }
  return { total: totalTenths / 10, parts: floors.map((tenths) => (tenths === null ? null : tenths / 10)) };
}

/** Scores one axis of one account: deterministic, and explained criterion by criterion. */
export function scoreAxis(criteria: readonly ScoringCriterion[], inputs: AccountInputs): AxisScore {
  let totalWeight = 0;
  for (const criterion of criteria) totalWeight += criterion.weight;
  const values: (number | null)[] = [];
  const rawInputs: (number | null)[] = [];
  const missing: string[] = [];
  let presentWeight = 0;
  for (const criterion of criteria) {
    const input = inputOf(criterion, inputs);
    rawInputs.push(input ?? null);
    if (input === undefined) {
      values.push(null);
      if (criterion.weight > 0) missing.push(criterion.key);
    } else {
      values.push(normaliseInput(criterion.source, input));
      presentWeight += criterion.weight;
    }
  }
  // NOTE: the mean is taken over the criteria that have a value, never by counting a missing one
  // as zero; the score then says it is incomplete and which criteria are missing.
  const exact = criteria.map((criterion, index) => {
    const value = values[index];
    if (value === null || value === undefined || presentWeight <= 0) return null;
    return (criterion.weight / presentWeight) * value;
  });
  const { total, parts } = apportionTenths(exact);
  const contributions: Contribution[] = criteria.map((criterion, index) => ({
    key: criterion.key,
    share: totalWeight > 0 ? criterion.weight / totalWeight : 0,
    input: rawInputs[index] ?? null,
    value: values[index] ?? null,
    points: parts[index] ?? null,
  }));
  return { score: presentWeight > 0 ? total : null, complete: missing.length === 0, missing, contributions };
}

/** Both axes and the quadrant of one account under the model. */
export function scoreAccount(model: ScoringModel, inputs: AccountInputs): AccountScore {
  const attractiveness = scoreAxis(model.attractiveness, inputs);
  const strength = scoreAxis(model.strength, inputs);
  return {
    attractiveness,
    strength,
    quadrant: quadrantOf(attractiveness.score, strength.score, model.thresholds),
    complete: attractiveness.complete && strength.complete,
  };
}

/** The criteria of one axis. */
export function criteriaOf(model: ScoringModel, axis: Axis): readonly ScoringCriterion[] {
  return axis === 'attractiveness' ? model.attractiveness : model.strength;
}

/** A portfolio row: both scores and the quadrant, without the per-criterion explanation. */
export type PortfolioScore = {
  attractiveness: number | null;
  strength: number | null;
  quadrant: Quadrant | null;
  complete: boolean;
  /** Keys of the criteria (with weight) that have no value, on either axis. */
  missing: string[];
};

/**
 * The score of one axis without its explanation: the same arithmetic as `scoreAxis`, in the same
 * order (so the same result to the last bit), without allocating per criterion.
 */
function axisTotal(
  criteria: readonly ScoringCriterion[],
  inputs: AccountInputs,
  values: Float64Array,
  missing: string[],
): number | null {
  let presentWeight = 0;
  criteria.forEach((criterion, index) => {
    const input = inputOf(criterion, inputs);
    if (input === undefined) {
      values[index] = Number.NaN;
      if (criterion.weight > 0) missing.push(criterion.key);
    } else {
      values[index] = normaliseInput(criterion.source, input);
      presentWeight += criterion.weight;
    }
  });
  if (presentWeight <= 0) return null;
  let sum = 0;
  criteria.forEach((criterion, index) => {
    const value = values[index] as number;
    if (!Number.isNaN(value)) sum += (criterion.weight / presentWeight) * value;
  });
  return Math.round(sum * 10) / 10;
}

/** Scores many accounts (the whole portfolio) under one model, in the order given. */
export function scorePortfolio(model: ScoringModel, accounts: readonly AccountInputs[]): PortfolioScore[] {
  const values = new Float64Array(Math.max(model.attractiveness.length, model.strength.length));
  return accounts.map((inputs) => {
    const missing: string[] = [];
    const attractiveness = axisTotal(model.attractiveness, inputs, values, missing);
    const strength = axisTotal(model.strength, inputs, values, missing);
    return {
      attractiveness,
      strength,
      quadrant: quadrantOf(attractiveness, strength, model.thresholds),
      complete: missing.length === 0,
      missing,
    };
  });
}
