import type { FindingKind } from './types';

/** The last residuals (ring buffer), to tell a spike from a shift or a bend and date its start. */
export type RecentResiduals = {
  time: Float64Array;
  /** value minus prediction */
  residual: Float64Array;
  /** the scale the residual was judged by */
  scale: Float64Array;
  next: number;
  size: number;
};

const capacity = 32;
/** residuals within this many scales are "normal" when walking back to where a deviation began */
const deviating = 1;
/** a run this long or longer whose residuals keep growing is a change of trend */
const minTrendRun = 6;

export function createRecentResiduals(): RecentResiduals {
  return {
    time: new Float64Array(capacity),
    residual: new Float64Array(capacity),
    scale: new Float64Array(capacity),
    next: 0,
    size: 0,
  };
}

export function rememberResidual(recent: RecentResiduals, time: number, residual: number, scale: number): void {
  recent.time[recent.next] = time;
  recent.residual[recent.next] = residual;
  recent.scale[recent.next] = scale;
  recent.next = (recent.next + 1) % capacity;
  if (recent.size < capacity) recent.size += 1;
}

/**
 * Names a deviation from the run of same-signed residuals that ends at the latest deviating point:
 * one or two points are a spike or dip; a run whose residuals grow along it (least-squares slope
 * across the run above half their mean) is a trend change; any other run a level shift. `since` is
 * the time of the run's first point.
 */
export function classifyDeviation(recent: RecentResiduals, novel: boolean): { kind: FindingKind; since: number } {
  const at = (back: number) => (recent.next - 1 - back + capacity) % capacity;
  const standardized = (back: number) => (recent.residual[at(back)] ?? 0) / (recent.scale[at(back)] || 1);
  let start = 0;
  while (start < recent.size && Math.abs(standardized(start)) < deviating) start += 1;
  if (start >= recent.size) {
    const latest = recent.residual[at(0)] ?? 0;
    return { kind: latest < 0 ? 'dip' : 'spike', since: recent.time[at(0)] ?? 0 };
  }
  const sign = Math.sign(recent.residual[at(start)] ?? 0);
  let end = start;
  while (end + 1 < recent.size) {
    const next = standardized(end + 1);
    if (Math.sign(next) !== sign || Math.abs(next) < deviating) break;
    end += 1;
  }
  const length = end - start + 1;
  const since = recent.time[at(end)] ?? 0;
  if (length <= 2 || (novel && length <= 3)) return { kind: sign < 0 ? 'dip' : 'spike', since };
  if (length < minTrendRun) return { kind: 'level_shift', since };
  // slope of |residual| against position along the run (oldest first), relative to its mean
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let back = start; back <= end; back += 1) {
    const x = end - back;
    const y = Math.abs(recent.residual[at(back)] ?? 0);
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }
  const slope = (length * sumXY - sumX * sumY) / (length * sumXX - sumX * sumX);
  const growth = (slope * (length - 1)) / (sumY / length);
  return { kind: growth > 0.5 ? 'trend_change' : 'level_shift', since };
}
