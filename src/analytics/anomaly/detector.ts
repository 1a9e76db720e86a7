// A streaming anomaly detector: one small state per series, fed one point at a time. The score of a
// point depends only on it and earlier points. See docs/decisions/0010-anomaly-detector.md.

import { candidateCycles, cycleLength } from './calendar';
import { classifyDeviation, createRecentResiduals, type RecentResiduals, rememberResidual } from './classify';
import { LevelModel, SeasonalModel } from './models';
import type { AnomalyFinding, DetectorOptions, DetectorResult, DetectorState, FindingKind, SeriesPoint } from './types';

/** The tuning used everywhere (chosen once on NAB; see the decision record). */
export const defaultDetectorOptions: DetectorOptions = Object.freeze({
  warmupMilliseconds: 12 * 60 * 60_000,
  minWarmupPoints: 20,
  maxWarmupPoints: 150,
  levelRate: 0.1,
  scaleRate: 0.02,
  updateClip: 4,
  profileRate: 0.3,
  profileScaleRate: 0.2,
  offsetRate: 0.11,
  profileScaleWeight: 0.5,
  phaseVisitsToPredict: 2,
  cyclesToChoose: 3,
  selectionRate: 0.005,
  seasonalPenalty: 0.95,
  residualClip: 3,
  sustainedRate: 0.06,
  pointOffset: 6.5,
  tailMass: 10,
  tailMinExtrapolate: 100,
  earlyEvidencePerScale: 1.3,
  maxEvidence: 40,
  noveltyTolerance: 0.025,
  noveltyEvidence: 10,
  noveltySlope: 1,
  noveltyMinResidual: 4,
  alertEvidence: 6.4,
  quietPoints: 10,
  suppressPoints: 100,
  suppressMargin: 4,
  suppressFactor: 0.5,
  scoreScale: 3,
  gapFactor: 3,
  scaleFloor: 1e-4,
  expectedWidth: 3,
});

/** Diffs used to estimate the sampling interval before seasonal models start. */
const intervalSampleSize = 8;
const noFindings: readonly AnomalyFinding[] = Object.freeze([]);

export type AnomalyDetector = {
  push(point: SeriesPoint): DetectorResult;
  snapshot(): DetectorState;
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

class StreamingDetector implements AnomalyDetector {
  private readonly options: DetectorOptions;
  private count = 0;
  private lastTime: number | null = null;
  private firstDiffs: number[] = [];
  private interval: number | null = null;
  private warmup: number;
  private minValue = Number.POSITIVE_INFINITY;
  private maxValue = Number.NEGATIVE_INFINITY;
  /** −1: the level model; otherwise an index into `seasonal` */
  private chosen = -1;
  private level: LevelModel | null = null;
  private seasonal: SeasonalModel[] = [];
  /** calibrated points a seasonal model needs before it may be chosen */
  private calibrationNeeded: number[] = [];
  private lastAlert = Number.NEGATIVE_INFINITY;
  private lastAlertEvidence = 0;
  private lastAlertKind: FindingKind | null = null;
  private readonly recent: RecentResiduals;

  constructor(options: DetectorOptions, state?: DetectorState) {
    this.options = options;
    this.warmup = options.maxWarmupPoints;
    this.recent = createRecentResiduals();
    if (state) this.load(state);
  }

  push(point: SeriesPoint): DetectorResult {
    const { time, value } = point;
    if (!Number.isFinite(value) || !Number.isFinite(time)) {
      return { score: 0, expectedLow: null, expectedHigh: null, findings: noFindings };
    }
    const options = this.options;
    const gap = this.trackTime(time);
    const index = this.count;
    this.count += 1;
    const level = this.level;
    if (!level) {
      this.level = new LevelModel(value, options);
      this.minValue = value;
      this.maxValue = value;
      return { score: 0, expectedLow: null, expectedHigh: null, findings: noFindings };
    }

    const learning = index > this.warmup;
    let evidence = level.judge(value, options, this.chosen < 0, learning);
    let prediction = level.prediction;
    let scale = level.predictedScale;
    for (let model = 0; model < this.seasonal.length; model += 1) {
      const seasonal = this.seasonal[model] as SeasonalModel;
      const seasonalEvidence = seasonal.judge(time, value, level, options, model === this.chosen, learning);
      if (model === this.chosen) {
        evidence = seasonalEvidence;
        prediction = seasonal.prediction;
        scale = seasonal.predictedScale;
      }
    }
    const residual = (value - prediction) / scale;
    rememberResidual(this.recent, time, value - prediction, scale);

    let novel = false;
    if (index > this.warmup + options.tailMinExtrapolate) {
      const range = this.maxValue - this.minValue;
      const tolerance = options.noveltyTolerance * range;
      const beyond = value > this.maxValue + tolerance || value < this.minValue - tolerance;
      if (range > 0 && beyond && Math.abs(residual) >= options.noveltyMinResidual) {
        const excess = (value > this.maxValue ? value - this.maxValue : this.minValue - value) / range;
        const noveltyEvidence =
          options.noveltyEvidence + options.noveltySlope * Math.log(excess / options.noveltyTolerance);
        if (noveltyEvidence > evidence) {
          evidence = noveltyEvidence;
          novel = true;
        }
      }
    }
    if (index <= this.warmup) evidence = 0;
    if (evidence > options.maxEvidence) evidence = options.maxEvidence;

    const sinceAlert = index - this.lastAlert;
    const quiet = sinceAlert < options.quietPoints;
    const unsuppressed = evidence;
    if (quiet) {
      evidence = 0;
    } else if (sinceAlert < options.suppressPoints && evidence < this.lastAlertEvidence + options.suppressMargin) {
      evidence *= options.suppressFactor;
    }
    const score = 1 - Math.exp(-evidence / options.scoreScale);

    let findings = noFindings;
    const halfWidth = options.expectedWidth * 1.2533 * scale;
    const expectedLow = prediction - halfWidth;
    const expectedHigh = prediction + halfWidth;
    if (!quiet && evidence >= options.alertEvidence) {
      this.lastAlert = index;
      this.lastAlertEvidence = evidence;
      const { kind, since } = classifyDeviation(this.recent, novel);
      this.lastAlertKind = kind;
      findings = [{ kind, score, at: time, since, observed: value, expectedLow, expectedHigh, missingPoints: 0 }];
    } else if (
      sinceAlert < options.suppressPoints &&
      unsuppressed >= options.alertEvidence &&
      this.lastAlertKind !== 'trend_change'
    ) {
      // NOTE: a jump first looks like a spike, a bend like a shift; as it persists, say once what it is.
      const { kind, since } = classifyDeviation(this.recent, false);
      const upgrade = kind === 'trend_change' || (kind === 'level_shift' && this.lastAlertKind !== 'level_shift');
      if (upgrade) {
        this.lastAlertKind = kind;
        const upgradedScore = 1 - Math.exp(-unsuppressed / options.scoreScale);
        findings = [
          { kind, score: upgradedScore, at: time, since, observed: value, expectedLow, expectedHigh, missingPoints: 0 },
        ];
      }
    }
    if (gap) findings = [gapFinding(gap, options.gapFactor, value, expectedLow, expectedHigh), ...findings];

    this.learn(value, level);
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    return { score, expectedLow, expectedHigh, findings };
  }

  private learn(value: number, level: LevelModel): void {
    const options = this.options;
    const baseScale = Math.max(level.scale, level.floor);
    const baseResidual = value - level.level;
    level.learn(value, options);
    let best = level.error;
    let chosen = -1;
    for (let model = 0; model < this.seasonal.length; model += 1) {
      const seasonal = this.seasonal[model] as SeasonalModel;
      seasonal.learn(value, level, baseResidual, baseScale, options);
      const error = seasonal.error * options.seasonalPenalty;
      if (error < best && seasonal.calibrated() >= (this.calibrationNeeded[model] ?? 0)) {
        best = error;
        chosen = model;
      }
    }
    this.chosen = chosen;
  }

  /** Learns the sampling interval from the first diffs; returns a gap (missing points) if any. */
  private trackTime(time: number): { since: number; missing: number; at: number } | null {
    const last = this.lastTime;
    this.lastTime = time;
    if (last === null) return null;
    const step = time - last;
    if (this.interval === null) {
      if (step > 0) this.firstDiffs.push(step);
      if (this.firstDiffs.length >= intervalSampleSize) this.startSeasons(median(this.firstDiffs));
      return null;
    }
    if (step <= this.options.gapFactor * this.interval) return null;
    return { since: last + this.interval, missing: Math.round(step / this.interval) - 1, at: time };
  }

  private startSeasons(interval: number): void {
    const options = this.options;
    this.interval = interval;
    this.firstDiffs = [];
    const warmup = Math.round(options.warmupMilliseconds / interval);
    this.warmup = Math.min(options.maxWarmupPoints, Math.max(options.minWarmupPoints, warmup));
    this.seasonal = candidateCycles(interval)
      .filter((cycle) => cycleLength(cycle) >= 4 * interval)
      .map((cycle) => new SeasonalModel(cycle));
    this.calibrationNeeded = this.seasonal.map((model) => this.pointsToChoose(model));
  }

  /**
   * Calibrated points a seasonal model needs before it may be chosen: a few cycles, or one cycle when
   * a cycle holds fewer points than a calibrated tail needs anyway (yearly seasons of monthly series).
   */
  private pointsToChoose(model: SeasonalModel): number {
    const perCycle = cycleLength(model.cycle) / (this.interval ?? 1);
    return perCycle < this.options.tailMinExtrapolate ? perCycle : this.options.cyclesToChoose * perCycle;
  }

  snapshot(): DetectorState {
    return {
      version: 1,
      count: this.count,
      lastTime: this.lastTime,
      firstDiffs: [...this.firstDiffs],
      interval: this.interval,
      warmup: this.warmup,
      minValue: Number.isFinite(this.minValue) ? this.minValue : null,
      maxValue: Number.isFinite(this.maxValue) ? this.maxValue : null,
      chosen: this.chosen,
      level: this.level?.snapshot() ?? null,
      seasonal: this.seasonal.map((model) => model.snapshot()),
      lastAlert: Number.isFinite(this.lastAlert) ? this.lastAlert : -1e9,
      lastAlertEvidence: this.lastAlertEvidence,
      lastAlertKind: this.lastAlertKind,
      recent: {
        time: Array.from(this.recent.time),
        residual: Array.from(this.recent.residual),
        scale: Array.from(this.recent.scale),
        next: this.recent.next,
        size: this.recent.size,
      },
    };
  }

  private load(state: DetectorState): void {
    if (state.version !== 1) throw new Error(`Unknown detector state version ${String(state.version)}`);
    this.count = state.count;
    this.lastTime = state.lastTime;
    this.firstDiffs = [...state.firstDiffs];
    this.interval = state.interval;
    this.warmup = state.warmup;
    this.minValue = state.minValue ?? Number.POSITIVE_INFINITY;
    this.maxValue = state.maxValue ?? Number.NEGATIVE_INFINITY;
    this.chosen = state.chosen;
    this.level = state.level ? new LevelModel(state.level.level, this.options, state.level) : null;
    this.seasonal = state.seasonal.map((model) => new SeasonalModel(model.cycle, model));
    this.calibrationNeeded = this.seasonal.map((model) => this.pointsToChoose(model));
    this.lastAlert = state.lastAlert;
    this.lastAlertEvidence = state.lastAlertEvidence;
    this.lastAlertKind = state.lastAlertKind;
    this.recent.time.set(state.recent.time);
    this.recent.residual.set(state.recent.residual);
    this.recent.scale.set(state.recent.scale);
    this.recent.next = state.recent.next;
    this.recent.size = state.recent.size;
  }
}

function gapFinding(
  gap: { since: number; missing: number; at: number },
  gapFactor: number,
  observed: number,
  expectedLow: number,
  expectedHigh: number,
): AnomalyFinding {
  return {
    kind: 'missing_data',
    score: gap.missing / (gap.missing + gapFactor),
    at: gap.at,
    since: gap.since,
    observed,
    expectedLow,
    expectedHigh,
    missingPoints: gap.missing,
  };
}

/** A new detector; `options` override the defaults (one set for every series). */
export function createDetector(options: Partial<DetectorOptions> = {}): AnomalyDetector {
  return new StreamingDetector({ ...defaultDetectorOptions, ...options });
}

/** A detector that continues from a snapshot exactly as if it had never stopped. */
export function restoreDetector(state: DetectorState, options: Partial<DetectorOptions> = {}): AnomalyDetector {
  return new StreamingDetector({ ...defaultDetectorOptions, ...options }, state);
}

/**
 * Scores stored points (in time order) continuing from a saved state, or from scratch: what the
 * background job runs when points arrive. Returns one result per point and the state to save.
 */
export function scoreSeries(
  points: readonly SeriesPoint[],
  state: DetectorState | null = null,
  options: Partial<DetectorOptions> = {},
): { results: DetectorResult[]; state: DetectorState } {
  const detector = state ? restoreDetector(state, options) : createDetector(options);
  const results = points.map((point) => detector.push(point));
  return { results, state: detector.snapshot() };
}
