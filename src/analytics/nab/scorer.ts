// The Numenta Anomaly Benchmark's scoring rules (see ../shared/benchmarks/nab/README.md), written
// from their description: probation, the scaled sigmoid, window credit, one global threshold per
// profile swept over every row of every file, and normalisation between the null and perfect detectors.

/** Weights of one application profile (config/profiles.json). */
export type NabProfile = { tpWeight: number; fpWeight: number; fnWeight: number };

export type NabProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

export const nabProfiles: Record<NabProfileName, NabProfile> = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
};

/** One scored file: timestamps as in the CSV, the detector's scores, and the labelled windows. */
export type NabFile = {
  name: string;
  timestamps: readonly string[];
  scores: ArrayLike<number>;
  windows: readonly (readonly [string, string])[];
};

export type NabProfileResult = {
  threshold: number;
  rawScore: number;
  normalizedScore: number;
  truePositives: number;
  falsePositives: number;
  windows: number;
  detectedWindows: number;
  perFile: Record<string, number>;
};

/** Rows before this index are the detector's to learn from and are not scored. */
export function probationLength(rowCount: number): number {
  return Math.min(Math.floor(0.15 * rowCount), 750);
}

/** NAB's scaled sigmoid: +1 far before a window's end, 0 at it, −1 long after. */
export function scaledSigmoid(position: number): number {
  if (position > 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/** Rows of one file after probation: each row's score, window (−1 outside), and unweighted credit. */
type ScorableRows = {
  scores: Float64Array;
  window: Int32Array;
  /** inside a window: σ(y)/σ(−1) in (0, 1]; outside: −1 or σ(distance after the previous window) */
  credit: Float64Array;
  windowCount: number;
};

function windowBounds(file: NabFile): [number, number][] {
  return file.windows.map(([start, end]) => {
    const from = start.slice(0, 19);
    const to = end.slice(0, 19);
    let left = -1;
    let right = -1;
    for (let index = 0; index < file.timestamps.length; index += 1) {
      const stamp = (file.timestamps[index] ?? '').slice(0, 19);
      if (stamp >= from && left < 0) left = index;
      if (stamp <= to) right = index;
    }
    if (left < 0 || right < left) throw new Error(`Window ${start}…${end} matches no rows of ${file.name}`);
    return [left, right];
  });
}

function prepareRows(file: NabFile): ScorableRows {
  const count = file.timestamps.length;
  if (file.scores.length !== count) throw new Error(`${file.name}: ${file.scores.length} scores for ${count} rows`);
  const bounds = windowBounds(file);
  const start = probationLength(count);
  const size = count - start;
  const rows: ScorableRows = {
    scores: new Float64Array(size),
    window: new Int32Array(size).fill(-1),
    credit: new Float64Array(size),
    windowCount: bounds.length,
  };
  const maxCredit = scaledSigmoid(-1);
  let next = 0;
  let previousRight = -1;
  let previousWidth = 0;
  for (let index = 0; index < count; index += 1) {
    const current = bounds[next];
    let credit: number;
    let window = -1;
    if (current && index >= current[0] && index <= current[1]) {
      const width = current[1] - current[0] + 1;
      credit = scaledSigmoid(-(current[1] - index + 1) / width) / maxCredit;
      window = next;
      if (index === current[1]) {
        previousRight = current[1];
        previousWidth = width;
        next += 1;
      }
    } else if (previousRight < 0) {
      credit = -1;
    } else {
      credit = scaledSigmoid(Math.abs(index - previousRight) / (previousWidth - 1));
    }
    if (index >= start) {
      rows.scores[index - start] = file.scores[index] ?? 0;
      rows.window[index - start] = window;
      rows.credit[index - start] = credit;
    }
  }
  return rows;
}

type Tally = { total: number; truePositives: number; falsePositives: number; detectedWindows: number };

/** Score of prepared rows at one threshold (a row is a detection when its score ≥ threshold). */
function scoreAt(rows: ScorableRows, profile: NabProfile, threshold: number): Tally {
  const best = new Float64Array(rows.windowCount).fill(Number.NaN);
  let falsePositiveSum = 0;
  let truePositives = 0;
  let falsePositives = 0;
  for (let index = 0; index < rows.scores.length; index += 1) {
    if ((rows.scores[index] ?? 0) < threshold) continue;
    const window = rows.window[index] ?? -1;
    const credit = rows.credit[index] ?? 0;
    if (window < 0) {
      falsePositives += 1;
      falsePositiveSum += credit;
    } else {
      truePositives += 1;
      const previous = best[window] ?? Number.NaN;
      if (!(previous >= credit)) best[window] = credit;
    }
  }
  let total = falsePositiveSum * profile.fpWeight;
  let detectedWindows = 0;
  for (const credit of best) {
    if (Number.isNaN(credit)) {
      total -= profile.fnWeight;
    } else {
      detectedWindows += 1;
      total += credit * profile.tpWeight;
    }
  }
  return { total, truePositives, falsePositives, detectedWindows };
}

/**
 * The best global threshold for a profile: all rows of all files pooled, sorted by score from the
 * top, the total recomputed incrementally after each distinct score (starting above every score).
 */
function sweepThreshold(files: ScorableRows[], profile: NabProfile): { threshold: number; total: number } {
  let rowCount = 0;
  let windowCount = 0;
  const windowOffset: number[] = [];
  for (const rows of files) {
    windowOffset.push(windowCount);
    windowCount += rows.windowCount;
    rowCount += rows.scores.length;
  }
  const scores = new Float64Array(rowCount);
  const window = new Int32Array(rowCount);
  const credit = new Float64Array(rowCount);
  let offset = 0;
  files.forEach((rows, fileIndex) => {
    const base = windowOffset[fileIndex] ?? 0;
    for (let index = 0; index < rows.scores.length; index += 1) {
      scores[offset] = rows.scores[index] ?? 0;
      const local = rows.window[index] ?? -1;
      window[offset] = local < 0 ? -1 : base + local;
      credit[offset] = rows.credit[index] ?? 0;
      offset += 1;
    }
  });
  const order = Uint32Array.from({ length: rowCount }, (_, index) => index);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));

  const best = new Float64Array(windowCount).fill(Number.NaN);
  let total = -profile.fnWeight * windowCount;
  let bestTotal = total;
  let bestThreshold = 1.1;
  for (let rank = 0; rank < rowCount; rank += 1) {
    const row = order[rank] ?? 0;
    const score = scores[row] ?? 0;
    const rowWindow = window[row] ?? -1;
    const rowCredit = credit[row] ?? 0;
    if (rowWindow < 0) {
      total += rowCredit * profile.fpWeight;
    } else {
      const previous = best[rowWindow] ?? Number.NaN;
      if (Number.isNaN(previous)) {
        total += profile.fnWeight + rowCredit * profile.tpWeight;
        best[rowWindow] = rowCredit;
      } else if (rowCredit > previous) {
        total += (rowCredit - previous) * profile.tpWeight;
        best[rowWindow] = rowCredit;
      }
    }
    const nextScore = rank + 1 < rowCount ? (scores[order[rank + 1] ?? 0] ?? 0) : Number.NEGATIVE_INFINITY;
    if (nextScore !== score && total > bestTotal) {
      bestTotal = total;
      bestThreshold = score;
    }
  }
  return { threshold: bestThreshold, total: bestTotal };
}

/** Scores a detector's output over a corpus for one profile, as NAB does. */
export function scoreNabProfile(files: readonly NabFile[], profile: NabProfile): NabProfileResult {
  return scorePrepared(files, files.map(prepareRows), profile);
}

function scorePrepared(files: readonly NabFile[], prepared: ScorableRows[], profile: NabProfile): NabProfileResult {
  const { threshold } = sweepThreshold(prepared, profile);
  const perFile: Record<string, number> = {};
  let rawScore = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let windows = 0;
  let detectedWindows = 0;
  prepared.forEach((rows, index) => {
    const tally = scoreAt(rows, profile, threshold);
    perFile[files[index]?.name ?? String(index)] = tally.total;
    rawScore += tally.total;
    truePositives += tally.truePositives;
    falsePositives += tally.falsePositives;
    windows += rows.windowCount;
    detectedWindows += tally.detectedWindows;
  });
  const nullScore = -profile.fnWeight * windows;
  const perfectScore = profile.tpWeight * windows;
  const normalizedScore = (100 * (rawScore - nullScore)) / (perfectScore - nullScore);
  return { threshold, rawScore, normalizedScore, truePositives, falsePositives, windows, detectedWindows, perFile };
}

/** All three NAB profiles. */
export function scoreNab(files: readonly NabFile[]): Record<NabProfileName, NabProfileResult> {
  const prepared = files.map(prepareRows);
  return {
    standard: scorePrepared(files, prepared, nabProfiles.standard),
    reward_low_FP_rate: scorePrepared(files, prepared, nabProfiles.reward_low_FP_rate),
    reward_low_FN_rate: scorePrepared(files, prepared, nabProfiles.reward_low_FN_rate),
  };
}
