import type { SurpriseTailState } from './surprise-tail';

/** One observation: time in milliseconds since the epoch (UTC) and its value. */
export type SeriesPoint = { time: number; value: number };

export type FindingKind = 'spike' | 'dip' | 'level_shift' | 'trend_change' | 'missing_data';

/** What the detector reports when it alerts. Times are milliseconds since the epoch. */
export type AnomalyFinding = {
  kind: FindingKind;
  /** the detector's anomaly score at the alert, in [0, 1] */
  score: number;
  /** when the alert fired (the time of the point that triggered it) */
  at: number;
  /** when the anomaly started: the first point of a shift, the first missing slot of a gap */
  since: number;
  /** the value that triggered the alert */
  observed: number;
  /** the range the detector expected for that point */
  expectedLow: number;
  expectedHigh: number;
  /** number of expected points that never arrived (missing data only, else 0) */
  missingPoints: number;
};

export type DetectorResult = {
  /** raw anomaly score in [0, 1]; it uses only this point and earlier ones */
  score: number;
  /** the expected range for this point (null while the detector is still learning) */
  expectedLow: number | null;
  expectedHigh: number | null;
  /** alerts raised by this point (usually none; repeated alerts are suppressed) */
  findings: readonly AnomalyFinding[];
};

/** Tuning of the detector; one set serves every series (the defaults were chosen on NAB). */
export type DetectorOptions = {
  /** points of history before any alert, as a duration, clamped to [minWarmupPoints, maxWarmupPoints] */
  warmupMilliseconds: number;
  minWarmupPoints: number;
  maxWarmupPoints: number;
  /** EWMA rate of the level of the non-seasonal model */
  levelRate: number;
  /** EWMA rate of the mean absolute residual (the scale) */
  scaleRate: number;
  /** residuals beyond this many scales are clipped before they update the models (Huber) */
  updateClip: number;
  /** seasonal models: rate of the per-phase profile, of its scale, of the shared offset */
  profileRate: number;
  profileScaleRate: number;
  offsetRate: number;
  /** weight of the per-phase scale against the model's overall scale */
  profileScaleWeight: number;
  /** visits of a phase before it predicts */
  phaseVisitsToPredict: number;
  /** full cycles of calibrated history before a seasonal model may be chosen */
  cyclesToChoose: number;
  /** EWMA rate of each model's error, used to choose the model */
  selectionRate: number;
  /** a seasonal model is chosen only when its error times this is below the others' */
  seasonalPenalty: number;
  /** standardized residuals are clipped to ± this before the sustained-deviation view */
  residualClip: number;
  /** EWMA rate of the sustained-deviation view */
  sustainedRate: number;
  /** nats a single point's surprise must exceed to count (lone outliers are common in real data) */
  pointOffset: number;
  /** values in the extreme tail used to extrapolate surprise beyond the largest seen */
  tailMass: number;
  /** calibrated values needed before surprise is extrapolated beyond the largest seen (and before novelty counts) */
  tailMinExtrapolate: number;
  /** until then, evidence per scale of a single point's residual (a robust z-score) */
  earlyEvidencePerScale: number;
  /** evidence is capped here (nats): beyond it nothing is more certain, and suppression stays sane */
  maxEvidence: number;
  /** a value beyond the range seen so far by this fraction of the range is novel… */
  noveltyTolerance: number;
  /** …and carries this much evidence (nats), plus noveltySlope · ln(excess / tolerance) */
  noveltyEvidence: number;
  noveltySlope: number;
  /** …if its standardized residual is at least this (a trend alone makes new highs) */
  noveltyMinResidual: number;
  /** evidence (nats, −ln p) at which the detector alerts */
  alertEvidence: number;
  /** points less than quietPoints after an alert score 0; points less than suppressPoints after it
   *  are damped by suppressFactor unless their evidence exceeds the alert's by suppressMargin */
  quietPoints: number;
  suppressPoints: number;
  suppressMargin: number;
  suppressFactor: number;
  /** score = 1 − exp(−evidence / scoreScale) */
  scoreScale: number;
  /** a time step longer than this many intervals is a gap (missing data) */
  gapFactor: number;
  /** the scale never drops below this fraction of the level's magnitude */
  scaleFloor: number;
  /** half-width of the expected range, in scales */
  expectedWidth: number;
};

export type LevelModelState = {
  level: number;
  scale: number;
  updates: number;
  error: number;
  views: number[];
  tails: SurpriseTailState[];
};

export type SeasonalModelState = {
  cycle: SeasonalCycle;
  profile: number[];
  deviation: number[];
  visits: number[];
  offset: number;
  scale: number;
  updates: number;
  error: number;
  views: number[];
  tails: SurpriseTailState[];
};

/** Calendar cycles a seasonal model can follow (UTC). */
export type SeasonalCycle =
  | { kind: 'day'; buckets: number }
  | { kind: 'week'; buckets: number }
  | { kind: 'month-day' }
  | { kind: 'year-week' }
  | { kind: 'year-month' };

/** Everything the detector remembers; plain JSON. */
export type DetectorState = {
  version: 1;
  count: number;
  lastTime: number | null;
  firstDiffs: number[];
  interval: number | null;
  warmup: number;
  minValue: number | null;
  maxValue: number | null;
  chosen: number;
  level: LevelModelState | null;
  seasonal: SeasonalModelState[];
  lastAlert: number;
  lastAlertEvidence: number;
  lastAlertKind: FindingKind | null;
  recent: { time: number[]; residual: number[]; scale: number[]; next: number; size: number };
};
