import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type NabTable, parseNabCsv } from '../../src/analytics/nab/csv';

/** Where the benchmark lives, relative to the project root (CI has it at the same place). */
export const nabRoot = path.resolve(import.meta.dirname, '../../../shared/benchmarks/nab');

export type NabLabels = Record<string, [string, string][]>;

/** The labelled windows of every file, keyed `<category>/<file>.csv`, in a stable order. */
export function loadNabLabels(root = nabRoot): NabLabels {
  const labels = JSON.parse(readFileSync(path.join(root, 'labels', 'combined_windows.json'), 'utf8')) as NabLabels;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

/** A data file (`data/<category>/<file>.csv`). */
export function readNabData(name: string, root = nabRoot): NabTable {
  return parseNabCsv(readFileSync(path.join(root, 'data', name), 'utf8'));
}

/** A published detector's per-row output (`results/<detector>/<category>/<detector>_<file>.csv`). */
export function readNabResults(detector: string, name: string, root = nabRoot): NabTable {
  const [category = '', file = ''] = name.split('/');
  return parseNabCsv(readFileSync(path.join(root, 'results', detector, category, `${detector}_${file}`), 'utf8'));
}
