/** One reading of a running import's progress: when it was taken and how many rows were done. */
export type ProgressSample = { at: number; processed: number };

/** Rows per second between two readings, and the seconds left at that pace to reach `total`. */
export type ImportSpeed = { rowsPerSecond: number; secondsLeft: number };

/**
 * The pace of a running import, from the first reading this page took and the latest one. It is
 * the page's own measure, so a resumed import is not credited with rows written before it
 * stopped. Unknown (undefined) until a second has passed and rows have moved.
 */
export function importSpeed(first: ProgressSample, latest: ProgressSample, total: number): ImportSpeed | undefined {
  const seconds = (latest.at - first.at) / 1000;
  const rows = latest.processed - first.processed;
  if (seconds < 1 || rows <= 0) return undefined;
  const rowsPerSecond = rows / seconds;
  return {
    rowsPerSecond: Math.round(rowsPerSecond),
    secondsLeft: Math.ceil(Math.max(total - latest.processed, 0) / rowsPerSecond),
  };
}
