import type { FindingKind } from './types';

/** The last standardized residuals (ring buffer), to tell a spike from a shift and date its start. */
export type RecentResiduals = { time: Float64Array; residual: Float64Array; next: number; size: number };

const capacity = 32;
/** |residual| below this is "normal" when walking back to where a deviation began */
const deviating = 1;

export function createRecentResiduals(): RecentResiduals {
  return { time: new Float64Array(capacity), residual: new Float64Array(capacity), next: 0, size: 0 };
}

export function rememberResidual(recent: RecentResiduals, time: number, residual: number): void {
  recent.time[recent.next] = time;
  recent.residual[recent.next] = residual;
  recent.next = (recent.next + 1) % capacity;
  if (recent.size < capacity) recent.size += 1;
}

/**
 * Names a deviation from the run of same-signed residuals that ends at the latest deviating point:
 * one or two points are a spike or dip, a run that keeps growing is a trend change, any other run a
 * level shift. `since` is the time of the run's first point.
 */
export function classifyDeviation(recent: RecentResiduals, novel: boolean): { kind: FindingKind; since: number } {
  const at = (back: number) => (recent.next - 1 - back + capacity) % capacity;
  let start = 0;
  while (start < recent.size && Math.abs(recent.residual[at(start)] ?? 0) < deviating) start += 1;
  if (start >= recent.size) {
    const latest = recent.residual[at(0)] ?? 0;
    return { kind: latest < 0 ? 'dip' : 'spike', since: recent.time[at(0)] ?? 0 };
  }
  const sign = Math.sign(recent.residual[at(start)] ?? 0);
  let end = start;
  while (end + 1 < recent.size) {
    const residual = recent.residual[at(end + 1)] ?? 0;
    if (Math.sign(residual) !== sign || Math.abs(residual) < deviating) break;
    end += 1;
  }
  const length = end - start + 1;
  const since = recent.time[at(end)] ?? 0;
  if (length <= 2 || (novel && length <= 3)) return { kind: sign < 0 ? 'dip' : 'spike', since };
  const half = length >> 1;
  let recentHalf = 0;
  let earlierHalf = 0;
  for (let back = start; back <= end; back += 1) {
    const size = Math.abs(recent.residual[at(back)] ?? 0);
    if (back - start < half) recentHalf += size;
    else earlierHalf += size;
  }
  const growing = length >= 6 && recentHalf / half > 1.5 * (earlierHalf / (length - half));
  return { kind: growing ? 'trend_change' : 'level_shift', since };
}
