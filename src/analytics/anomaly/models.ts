// The detector's models of "normal". Each predicts a value and a scale for the next point and keeps
// its own sustained-deviation views with their own calibration (surprise tails), so switching models
// never judges one model's residuals by another's history.

import { bucketCount, type PhaseOf, phaseOf } from './calendar';
import {
  createSurpriseTail,
  observeTail,
  restoreTail,
  type SurpriseTail,
  type SurpriseTailState,
  snapshotTail,
} from './surprise-tail';
import type { DetectorOptions, LevelModelState, SeasonalCycle, SeasonalModelState } from './types';

function clamp(value: number, limit: number): number {
  return Math.min(limit, Math.max(-limit, value));
}

/**
 * Views of one model: an EWMA of its clipped standardized residual (a sustained deviation) and the
 * unclipped residual itself (a single point), each judged by its own surprise tail.
 */
class DeviationViews {
  sustained: number;
  readonly sustainedTail: SurpriseTail;
  readonly pointTail: SurpriseTail;

  constructor(state?: { views: number[]; tails: SurpriseTailState[] }) {
    this.sustained = state?.views[0] ?? 0;
    const [sustainedTail, pointTail] = state?.tails ?? [];
    this.sustainedTail = sustainedTail ? restoreTail(sustainedTail) : createSurpriseTail();
    this.pointTail = pointTail ? restoreTail(pointTail) : createSurpriseTail();
  }

  /**
   * Moves the views by one standardized residual; returns the evidence (nats) when `judge` (only the
   * chosen model's evidence is used, so the others skip that work), else 0.
   */
  observe(raw: number, options: DetectorOptions, judge: boolean, learn: boolean): number {
    const magnitude = raw < 0 ? -raw : raw;
    const pointSurprise = observeTail(this.pointTail, magnitude, judge, learn, options);
    let evidence = Math.max(0, pointSurprise - options.pointOffset);
    // NOTE: until the tail is calibrated, a short series still flags a point far outside its scale.
    if (judge && this.pointTail.total < options.tailMinExtrapolate) {
      evidence = Math.max(evidence, magnitude * options.earlyEvidencePerScale);
    }
    const residual = Math.min(options.residualClip, Math.max(-options.residualClip, raw));
    this.sustained += options.sustainedRate * (residual - this.sustained);
    const sustained = observeTail(this.sustainedTail, Math.abs(this.sustained), judge, learn, options);
    return Math.max(evidence, sustained);
  }

  calibrated(): number {
    return this.sustainedTail.total;
  }

  snapshot(): { views: number[]; tails: SurpriseTailState[] } {
    return { views: [this.sustained], tails: [snapshotTail(this.sustainedTail), snapshotTail(this.pointTail)] };
  }
}

/** An exponentially weighted level with a robust scale: the model for series without seasons. */
export class LevelModel {
  level: number;
  scale: number;
  /** points learned so far: the scale is a plain mean until 1/scaleRate of them */
  updates: number;
  error: number;
  readonly views: DeviationViews;
  prediction = 0;
  predictedScale = 0;

  /** the smallest scale allowed at the current level (scaleFloor of its magnitude) */
  floor: number;

  constructor(first: number, options: DetectorOptions, state?: LevelModelState) {
    this.level = state?.level ?? first;
    this.floor = options.scaleFloor * (Math.abs(this.level) + 1e-3);
    this.scale = state?.scale ?? 0;
    this.updates = state?.updates ?? 0;
    this.error = state?.error ?? 0;
    this.views = new DeviationViews(state);
  }

  /** Evidence against the point from this model's views (before the model learns the point). */
  judge(value: number, options: DetectorOptions, chosen: boolean, learn: boolean): number {
    const scale = Math.max(this.scale, this.floor);
    this.prediction = this.level;
    this.predictedScale = scale;
    return this.views.observe((value - this.level) / scale, options, chosen, learn);
  }

  learn(value: number, options: DetectorOptions): void {
    const scale = Math.max(this.scale, this.floor);
    const residual = value - this.level;
    const clipped = clamp(residual, options.updateClip * scale);
    const size = clipped < 0 ? -clipped : clipped;
    this.error += options.selectionRate * (size - this.error);
    // NOTE: the first residual is not clipped (there is no scale yet to clip it by).
    const learned = this.updates === 0 ? (residual < 0 ? -residual : residual) : size;
    this.scale += Math.max(options.scaleRate, 1 / (this.updates + 1)) * (learned - this.scale);
    this.updates += 1;
    this.level += options.levelRate * clipped;
    this.floor = options.scaleFloor * (Math.abs(this.level) + 1e-3);
  }

  snapshot(): LevelModelState {
    return { level: this.level, scale: this.scale, updates: this.updates, error: this.error, ...this.views.snapshot() };
  }
}

/**
 * A calendar profile learned across cycles (one value and one scale per phase) plus a shared,
 * fast offset that follows the level between cycles.
 */
export class SeasonalModel {
  readonly cycle: SeasonalCycle;
  private readonly phase: PhaseOf;
  readonly profile: Float64Array;
  readonly deviation: Float64Array;
  readonly visits: Float64Array;
  offset: number;
  scale: number;
  updates: number;
  error: number;
  readonly views: DeviationViews;
  prediction = 0;
  predictedScale = 0;
  private bucket = 0;

  constructor(cycle: SeasonalCycle, state?: SeasonalModelState) {
    this.cycle = cycle;
    this.phase = phaseOf(cycle);
    const buckets = bucketCount(cycle);
    this.profile = state ? Float64Array.from(state.profile) : new Float64Array(buckets);
    this.deviation = state ? Float64Array.from(state.deviation) : new Float64Array(buckets);
    this.visits = state ? Float64Array.from(state.visits) : new Float64Array(buckets);
    this.offset = state?.offset ?? 0;
    this.scale = state?.scale ?? 0;
    this.updates = state?.updates ?? 0;
    this.error = state?.error ?? 0;
    this.views = new DeviationViews(state);
  }

  /** Evidence against the point; phases seen too rarely fall back on the level model. */
  judge(
    time: number,
    value: number,
    base: LevelModel,
    options: DetectorOptions,
    chosen: boolean,
    learn: boolean,
  ): number {
    const bucket = this.phase.bucket(time);
    this.bucket = bucket;
    const visits = this.visits[bucket] ?? 0;
    let prediction = base.prediction;
    let scale = base.predictedScale;
    if (visits >= options.phaseVisitsToPredict) {
      prediction = (this.profile[bucket] ?? 0) + this.offset;
      const weight = options.profileScaleWeight;
      scale = Math.max(weight * (this.deviation[bucket] ?? 0) + (1 - weight) * this.scale, base.floor);
    }
    this.prediction = prediction;
    this.predictedScale = scale;
    const calibrating = learn && visits > options.phaseVisitsToPredict;
    return this.views.observe((value - prediction) / scale, options, chosen, calibrating);
  }

  /** Learns the point judged last; `baseResidual`/`baseScale` are the level model's, before it learned. */
  learn(value: number, base: LevelModel, baseResidual: number, baseScale: number, options: DetectorOptions): void {
    const bucket = this.bucket;
    const scale = Math.max(this.updates > 0 ? this.scale : base.scale, base.floor);
    const visits = this.visits[bucket] ?? 0;
    const fallbackError = Math.min(baseResidual < 0 ? -baseResidual : baseResidual, options.updateClip * baseScale);
    if (visits === 0) {
      this.profile[bucket] = value - this.offset;
      this.deviation[bucket] = scale;
      this.visits[bucket] = 1;
      this.error += options.selectionRate * (fallbackError - this.error);
      return;
    }
    const residual = value - (this.profile[bucket] ?? 0) - this.offset;
    const limit = options.updateClip * scale;
    const clipped = clamp(residual, limit);
    const size = clipped < 0 ? -clipped : clipped;
    const error = visits >= options.phaseVisitsToPredict ? size : fallbackError;
    this.error += options.selectionRate * (error - this.error);
    this.scale += Math.max(options.scaleRate, 1 / (this.updates + 1)) * (size - this.scale);
    this.updates += 1;
    this.deviation[bucket] =
      (this.deviation[bucket] ?? 0) + options.profileScaleRate * (size - (this.deviation[bucket] ?? 0));
    this.offset += options.offsetRate * clipped;
    const absolute = residual < 0 ? -residual : residual;
    const weight = absolute > limit ? limit / absolute : 1;
    const current = this.profile[bucket] ?? 0;
    this.profile[bucket] = current + options.profileRate * (value - this.offset - current) * weight;
    this.visits[bucket] = visits + 1;
  }

  calibrated(): number {
    return this.views.calibrated();
  }

  snapshot(): SeasonalModelState {
    return {
      cycle: this.cycle,
      profile: Array.from(this.profile),
      deviation: Array.from(this.deviation),
      visits: Array.from(this.visits),
      offset: this.offset,
      scale: this.scale,
      updates: this.updates,
      error: this.error,
      ...this.views.snapshot(),
    };
  }
}
