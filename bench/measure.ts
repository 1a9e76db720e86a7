/** Percentiles (nearest rank) of a list of durations in milliseconds. */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (percentile: number) => {
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1));
    return round(sorted[index] ?? 0);
  };
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    samples: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: round(sorted.at(-1) ?? 0),
    mean: round(mean),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Times `work` `count` times, one after another, after `warmup` untimed runs. */
export async function timeRepeated(
  count: number,
  work: (index: number) => Promise<void>,
  warmup = 20,
): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await work(index);
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await work(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Times `work` `count` times, each right after an untimed `change` (what a kept answer costs when stale). */
export async function timeAfter(
  count: number,
  change: (index: number) => Promise<unknown>,
  work: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    await change(index);
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}
