// Seeded synthetic series for tests and for the business-KPI check of the benchmark: a level, a
// trend, weekly and yearly seasons, noise, and injected events whose start is known.

import { day } from './calendar';
import type { SeriesPoint } from './types';

/** A small seeded generator (mulberry32): same seed, same series. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export type SyntheticEvent =
  | { kind: 'spike' | 'dip'; at: number; size: number }
  | { kind: 'level_shift'; at: number; size: number }
  | { kind: 'trend_change'; at: number; slope: number };

export type SyntheticSpec = {
  seed: number;
  length: number;
  /** milliseconds between points (default one day) */
  interval?: number;
  start?: number;
  level?: number;
  /** added per point */
  trend?: number;
  /** amplitude of a weekly pattern (weekends low) */
  weekly?: number;
  /** amplitude of a daily pattern (for sub-daily series) */
  daily?: number;
  /** amplitude of a yearly sine */
  yearly?: number;
  noise?: number;
  /** noise proportional to the level instead of constant */
  multiplicative?: boolean;
  events?: SyntheticEvent[];
  /** indices of points left out (a gap) */
  missing?: readonly [number, number][];
};

/** Points of a synthetic series (gaps removed) in time order. */
export function syntheticSeries(spec: SyntheticSpec): SeriesPoint[] {
  const random = createRandom(spec.seed);
  const interval = spec.interval ?? day;
  const start = spec.start ?? Date.UTC(2022, 0, 3);
  const points: SeriesPoint[] = [];
  let shift = 0;
  let slope = spec.trend ?? 0;
  let drift = 0;
  for (let index = 0; index < spec.length; index += 1) {
    const time = start + index * interval;
    let pulse = 0;
    for (const event of spec.events ?? []) {
      if (event.at !== index) continue;
      if (event.kind === 'trend_change') slope = event.slope;
      else if (event.kind === 'level_shift') shift += event.size;
      else pulse += event.kind === 'spike' ? event.size : -event.size;
    }
    drift += slope;
    const dayOfWeek = Math.floor(time / day + 3) % 7;
    const weekly = (spec.weekly ?? 0) * (dayOfWeek >= 5 ? -1 : 0.4);
    const daily = (spec.daily ?? 0) * Math.sin((2 * Math.PI * (time % day)) / day);
    const yearly = (spec.yearly ?? 0) * Math.sin((2 * Math.PI * time) / (365.2425 * day));
    const base = (spec.level ?? 100) + drift + shift + weekly + daily + yearly;
    const noise = (spec.noise ?? 1) * gaussian(random) * (spec.multiplicative ? base / (spec.level ?? 100) : 1);
    const skipped = (spec.missing ?? []).some(([from, to]) => index >= from && index <= to);
    if (!skipped) points.push({ time, value: base + noise + pulse });
  }
  return points;
}
