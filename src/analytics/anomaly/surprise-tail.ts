// How surprising a non-negative statistic is, given every earlier value of it: −ln P(Z ≥ z) from a
// histogram on a log scale, with an exponential tail fitted to the top `tailMass` values so a value
// beyond everything seen still scores by how far beyond it is (peaks over threshold).

// NOTE: bins are eighths of a binary octave, read straight from the float's exponent and top three
// mantissa bits (no logarithm per point): 2^-12 … 2^18 in 240 bins of about 8 % width each.
const binsPerOctave = 8;
const lowestExponent = -12;
const binCount = 240;
const lowerEdge = (bin: number) =>
  2 ** (lowestExponent + Math.floor(bin / binsPerOctave)) * (1 + (bin % binsPerOctave) / binsPerOctave);
const centers = Float64Array.from({ length: binCount }, (_, bin) => (lowerEdge(bin) + lowerEdge(bin + 1)) / 2);
const upperEdges = Float64Array.from({ length: binCount }, (_, bin) => lowerEdge(bin + 1));
const widths = Float64Array.from({ length: binCount }, (_, bin) => lowerEdge(bin + 1) - lowerEdge(bin));

const floatView = new Float64Array(1);
const wordView = new Uint32Array(floatView.buffer);
const highWord = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

function binOf(value: number): number {
  floatView[0] = value;
  const high = wordView[highWord] ?? 0;
  const bin = (((high >>> 20) & 0x7ff) - 1023 - lowestExponent) * binsPerOctave + ((high >>> 17) & 7);
  return bin < 0 ? 0 : bin >= binCount ? binCount - 1 : bin;
}

/** Serializable state of a tail: the counts from bin `from` on (the rest are zero) and the top summary. */
export type SurpriseTailState = {
  from: number;
  counts: number[];
  total: number;
  topBin: number;
  topMass: number;
  topSum: number;
};

export type SurpriseTail = {
  counts: Float64Array;
  /** the mass at or above `cursorBin`: successive queries land near each other, so it moves little */
  cursorBin: number;
  cursorMass: number;
  total: number;
  /** highest bin whose mass at or above it is ≥ tailMass, with that mass and Σ center·count */
  topBin: number;
  topMass: number;
  topSum: number;
};

export function createSurpriseTail(): SurpriseTail {
  return {
    counts: new Float64Array(binCount),
    cursorBin: 0,
    cursorMass: 0,
    total: 0,
    topBin: 0,
    topMass: 0,
    topSum: 0,
  };
}

function massAtOrAbove(tail: SurpriseTail, bin: number): number {
  let cursor = tail.cursorBin;
  let mass = tail.cursorMass;
  const counts = tail.counts;
  while (cursor < bin) {
    mass -= counts[cursor] ?? 0;
    cursor += 1;
  }
  while (cursor > bin) {
    cursor -= 1;
    mass += counts[cursor] ?? 0;
  }
  tail.cursorBin = cursor;
  tail.cursorMass = mass;
  return mass;
}

/** −ln P(Z ≥ value) under the values added so far (0 until there are `tailMass` of them). */
export function tailSurprise(tail: SurpriseTail, value: number, options: TailOptions): number {
  return surpriseAt(tail, value, binOf(value), options);
}

export type TailOptions = { tailMass: number; tailMinExtrapolate: number };

/** The surprise of `value` (0 unless `judge`), then, if `learn`, adds it: one binning for both. */
export function observeTail(
  tail: SurpriseTail,
  value: number,
  judge: boolean,
  learn: boolean,
  options: TailOptions,
): number {
  const bin = binOf(value);
  const surprise = judge ? surpriseAt(tail, value, bin, options) : 0;
  if (learn) addAt(tail, bin, options.tailMass);
  return surprise;
}

function surpriseAt(
  tail: SurpriseTail,
  value: number,
  bin: number,
  { tailMass, tailMinExtrapolate }: TailOptions,
): number {
  if (tail.total < tailMass) return 0;
  const total = tail.total + 1;
  if (bin > tail.topBin) {
    // NOTE: a short history only says "beyond (nearly) everything seen"; extrapolating further needs data.
    if (tail.total < tailMinExtrapolate) return Math.log(total);
    const threshold = upperEdges[tail.topBin] ?? 0;
    const center = centers[tail.topBin] ?? 0;
    const meanExcess = Math.max(widths[tail.topBin] ?? 0, tail.topMass > 0 ? tail.topSum / tail.topMass - center : 0);
    return Math.log(total / (tail.topMass + 1)) + Math.max(0, value - threshold) / meanExcess;
  }
  return Math.log(total / (massAtOrAbove(tail, bin) + 1));
}

export function addToTail(tail: SurpriseTail, value: number, tailMass: number): void {
  addAt(tail, binOf(value), tailMass);
}

function addAt(tail: SurpriseTail, bin: number, tailMass: number): void {
  tail.counts[bin] = (tail.counts[bin] ?? 0) + 1;
  if (bin >= tail.cursorBin) tail.cursorMass += 1;
  tail.total += 1;
  if (bin < tail.topBin) return;
  tail.topMass += 1;
  tail.topSum += centers[bin] ?? 0;
  for (;;) {
    const atTop = tail.counts[tail.topBin] ?? 0;
    if (tail.topBin >= binCount - 1 || tail.topMass - atTop < tailMass) break;
    tail.topMass -= atTop;
    tail.topSum -= atTop * (centers[tail.topBin] ?? 0);
    tail.topBin += 1;
  }
}

export function snapshotTail(tail: SurpriseTail): SurpriseTailState {
  let from = 0;
  while (from < binCount && tail.counts[from] === 0) from += 1;
  let to = binCount;
  while (to > from && tail.counts[to - 1] === 0) to -= 1;
  return {
    from,
    counts: Array.from(tail.counts.subarray(from, to)),
    total: tail.total,
    topBin: tail.topBin,
    topMass: tail.topMass,
    topSum: tail.topSum,
  };
}

export function restoreTail(state: SurpriseTailState): SurpriseTail {
  const tail = createSurpriseTail();
  if (state.from < 0 || state.from + state.counts.length > binCount)
    throw new Error(`A surprise tail has ${binCount} bins`);
  tail.counts.set(state.counts, state.from);
  tail.total = state.total;
  tail.cursorMass = state.total;
  tail.topBin = state.topBin;
  tail.topMass = state.topMass;
  tail.topSum = state.topSum;
  return tail;
}
