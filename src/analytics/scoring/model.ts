// NOTE: pure data and functions only: no imports from platform or modules (ARCHITECTURE.md).

export const axes = ['attractiveness', 'strength'] as const;
export type Axis = (typeof axes)[number];

export const quadrants = ['strategic', 'star', 'status', 'streamline'] as const;
export type Quadrant = (typeof quadrants)[number];

/**
 * Where a criterion's value comes from: a person's rating on a scale, or a number Accord holds
 * about the account (a fact), mapped linearly onto 0–100 between `low` and `high` — `high` scores
 * 100 when more is better, 0 when more is worse; values outside the range are clamped.
 */
export type CriterionSource =
  | { kind: 'rating'; min: number; max: number }
  | { kind: 'fact'; fact: string; low: number; high: number; higherIsBetter: boolean };

export type ScoringCriterion = {
  /** Stable within the model; ratings and snapshots refer to it. */
  key: string;
  /** Relative weight within its axis (≥ 0); the engine normalises the weights of each axis. */
  weight: number;
  source: CriterionSource;
};

export type ScoringModel = {
  attractiveness: readonly ScoringCriterion[];
  strength: readonly ScoringCriterion[];
  /** An axis score at or above its threshold counts as high. */
  thresholds: { attractiveness: number; strength: number };
};

/** What is known about one account: ratings by criterion key, fact values by fact key. */
export type AccountInputs = {
  ratings: Readonly<Record<string, number | undefined>>;
  facts: Readonly<Record<string, number | undefined>>;
};

export type Contribution = {
  key: string;
  /** The criterion's weight as a share of its axis's total weight (0–1). */
  share: number;
  /** The raw input (the rating, or the fact's value); null when missing. */
  input: number | null;
  /** The input mapped onto 0–100; null when missing. */
  value: number | null;
  /** Points this criterion adds to the axis score (one decimal); they sum to the score. */
  points: number | null;
};

export type AxisScore = {
  /**
   * 0–100 with one decimal: the weighted mean of the criteria that have a value (weights
   * renormalised over them), or null when none with weight has one.
   */
  score: number | null;
  /** False when a criterion with weight has no value: the score is provisional. */
  complete: boolean;
  /** Keys of the criteria with weight that have no value (unrated, or no data). */
  missing: string[];
  contributions: Contribution[];
};

export type AccountScore = {
  attractiveness: AxisScore;
  strength: AxisScore;
  /** From both scores (provisional when either is incomplete); null when either is missing. */
  quadrant: Quadrant | null;
  complete: boolean;
};
