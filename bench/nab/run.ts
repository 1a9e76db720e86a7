import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDetector, defaultDetectorOptions } from '../../src/analytics/anomaly';
import { scoreNab } from '../../src/analytics/nab/scorer';
import { round } from '../measure';
import { loadNabLabels, nabRoot, readNabData } from './corpus';
import { checkSyntheticKpis } from './synthetic-kpi';

// `npm run bench:nab`: streams every NAB series through Accord's detector (default options, the same
// for every file), scores the output with our NAB scorer, times the detector alone (single thread,
// median of several passes) and writes bench/results/nab.json.
const passes = Number(process.env.NAB_PASSES ?? 7);

const labels = loadNabLabels();
const corpus = Object.entries(labels).map(([name, windows]) => {
  const table = readNabData(name);
  const times = Float64Array.from(table.timestamps, (stamp) => Date.parse(`${stamp.replace(' ', 'T')}Z`));
  return { name, windows, timestamps: table.timestamps, times, values: table.columns.value ?? new Float64Array() };
});
const pointCount = corpus.reduce((sum, file) => sum + file.values.length, 0);
process.stdout.write(`NAB: ${corpus.length} files, ${pointCount} points (${nabRoot})\n`);

function streamAll(): Float64Array[] {
  return corpus.map(({ times, values }) => {
    const detector = createDetector();
    const scores = new Float64Array(values.length);
    for (let index = 0; index < values.length; index += 1) {
      scores[index] = detector.push({ time: times[index] ?? 0, value: values[index] ?? 0 }).score;
    }
    return scores;
  });
}

// NOTE: the machine is shared, so besides wall-clock time we count the CPU time of this (single)
// thread; points per CPU-second is what the detector itself sustains.
const wallThroughputs: number[] = [];
const cpuThroughputs: number[] = [];
let scores: Float64Array[] = [];
for (let pass = 0; pass < passes; pass += 1) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  scores = streamAll();
  const cpu = process.cpuUsage(cpuStarted);
  wallThroughputs.push(pointCount / ((performance.now() - started) / 1000));
  cpuThroughputs.push(pointCount / ((cpu.user + cpu.system) / 1e6));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const medianThroughput = median(wallThroughputs);
const medianCpuThroughput = median(cpuThroughputs);

const results = scoreNab(
  corpus.map((file, index) => ({
    name: file.name,
    timestamps: file.timestamps,
    scores: scores[index] ?? [],
    windows: file.windows,
  })),
);
const profiles = Object.fromEntries(
  Object.entries(results).map(([profile, result]) => [
    profile,
    {
      score: round(result.normalizedScore),
      threshold: round(result.threshold, 4),
      detectedWindows: result.detectedWindows,
      windows: result.windows,
      falsePositiveRows: result.falsePositives,
    },
  ]),
);
const synthetic = checkSyntheticKpis();

const report = {
  scenario: 'nab',
  at: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: round(os.loadavg()[0] ?? 0),
  },
  files: corpus.length,
  points: pointCount,
  nab: profiles,
  anchors: { 'Numenta HTM': 70.1, 'CAD OSE': 69.9, ARTime: 74.85, 'Twitter ADVec': 47.1 },
  throughput: {
    pointsPerSecondMedian: Math.round(medianThroughput),
    pointsPerCpuSecondMedian: Math.round(medianCpuThroughput),
    passes: wallThroughputs.map((value) => Math.round(value)),
    cpuPasses: cpuThroughputs.map((value) => Math.round(value)),
    note: 'detector alone (push over parsed points), single thread, all 58 files per pass; wall clock and CPU time of the thread',
  },
  syntheticKpis: synthetic,
  options: defaultDetectorOptions,
};

const line = (label: string, profile: keyof typeof results) =>
  `${label.padEnd(18)} ${results[profile].normalizedScore.toFixed(2).padStart(6)}  (threshold ${results[profile].threshold.toFixed(4)}, ${results[profile].detectedWindows}/${results[profile].windows} windows, ${results[profile].falsePositives} false-positive rows)`;
process.stdout.write(
  [
    line('standard', 'standard'),
    line('reward low FP', 'reward_low_FP_rate'),
    line('reward low FN', 'reward_low_FN_rate'),
    `throughput         ${Math.round(medianThroughput).toLocaleString('en-US')} points/s wall clock, ${Math.round(medianCpuThroughput).toLocaleString('en-US')} points per CPU-second (medians of ${passes} passes; load ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} CPUs)`,
    `synthetic KPIs     ${synthetic.found}/${synthetic.events} events found (${synthetic.foundWithRightKind} with the right kind), ${synthetic.falseAlerts} false alerts in ${synthetic.points} points`,
    '',
  ].join('\n'),
);
const file = path.resolve(import.meta.dirname, '../results/nab.json');
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`→ ${file}\n`);
