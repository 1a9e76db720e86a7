import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectPath } from '../src/platform/project-path';
import { backupBenchmark } from './scenarios/backup';
import { deliveryBenchmark } from './scenarios/delivery';
import { financeBenchmark } from './scenarios/finance';
import { foundationBenchmark } from './scenarios/foundation';
import { importsBenchmark } from './scenarios/imports';
import { kpisBenchmark } from './scenarios/kpis';
import { opportunitiesBenchmark } from './scenarios/opportunities';
import { plansBenchmark } from './scenarios/plans';
import { portfolioBenchmark } from './scenarios/portfolio';
import { relationshipsBenchmark } from './scenarios/relationships';

// `npm run bench [-- name…]`: runs the named scenarios (default all) and writes one JSON file each
// to bench/results/. Benchmarks measure; targets live in the issues, not in asserts.
const scenarios: Record<string, () => Promise<Record<string, unknown>>> = {
  foundation: foundationBenchmark,
  relationships: relationshipsBenchmark,
  portfolio: portfolioBenchmark,
  imports: importsBenchmark,
  finance: financeBenchmark,
  kpis: kpisBenchmark,
  delivery: deliveryBenchmark,
  plans: plansBenchmark,
  opportunities: opportunitiesBenchmark,
  backup: backupBenchmark,
};

const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const selected = wanted.length > 0 ? wanted : Object.keys(scenarios);
const resultsDirectory = projectPath('bench', 'results');
await mkdir(resultsDirectory, { recursive: true });

for (const name of selected) {
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`Unknown benchmark ${name}; known: ${Object.keys(scenarios).join(', ')}`);
  process.stdout.write(`bench ${name}…\n`);
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  const figures = await scenario();
  const result = {
    scenario: name,
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      // NOTE: the 1-minute load average before and after: on a shared machine, other work slows
      // every figure, and the figures are only comparable between runs under similar load.
      loadAverage: {
        before: Math.round((loadBefore ?? 0) * 100) / 100,
        after: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
      },
    },
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    ...figures,
  };
  const file = path.join(resultsDirectory, `${name}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n→ ${file}\n`);
}
process.exit(0);
