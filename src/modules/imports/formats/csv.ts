import { parse } from 'csv-parse/sync';
import { type Delimiter, delimiters } from './table';

/** Counts a character outside double quotes on each of the first lines. */
function countsPerLine(text: string, delimiter: string, lines: number): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let index = 0; index < text.length && counts.length < lines; index += 1) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === delimiter) count += 1;
    else if (!quoted && character === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  if (count > 0 && counts.length < lines) counts.push(count);
  return counts;
}

/**
 * Picks the delimiter that appears the same non-zero number of times on each of the first lines
 * (quoted text ignored); ties go to the most frequent. Comma when nothing fits.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of delimiters) {
    const counts = countsPerLine(text, delimiter, 20);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((count) => count === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Parses CSV text into rows of cells: quotes, doubled quotes and newlines inside fields allowed. */
export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
}
