import { parse } from 'csv-parse/browser/esm/sync';
import { pointTimeOf } from '../../api/shared';

export type CsvTable = { headers: string[]; rows: string[][] };
export type ColumnMapping = { date: number | null; value: number | null; dimension: number | null };
export type RowProblem = 'date' | 'value';
export type RowError = { line: number; problem: RowProblem; text: string };
export type PointGroups = Map<string, { at: string; value: number }[]>;

/** The separator of the header line: the one of `;`, tab and `,` it holds most of. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined);
  const counts = [';', '\t', ','].map((candidate) => ({ candidate, count: header.split(candidate).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).candidate;
}

/** Reads a CSV file's text (comma, semicolon or tab separated, header row first). */
export function parseCsv(text: string): CsvTable {
  const content = text.replace(/^\uFEFF/, '');
  const records: string[][] = parse(content, {
    delimiter: delimiterOf(content),
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  const [headers = [], ...rows] = records;
  return { headers, rows };
}

const datePattern = /date|дата|day|день|week|недел|month|месяц|period|период|time|время/i;
const valuePattern = /value|значени|amount|сумм|count|количеств|total|итог/i;
const dimensionPattern = /channel|канал|source|источник|dimension|измерени|campaign|кампани/i;

/** A first guess at which column holds what, from the header names and the first row. */
export function guessMapping(table: CsvTable): ColumnMapping {
  const find = (pattern: RegExp) => {
    const index = table.headers.findIndex((header) => pattern.test(header));
    return index >= 0 ? index : null;
  };
  const date = find(datePattern) ?? (table.headers.length > 0 ? 0 : null);
  let value = find(valuePattern);
  if (value === null) {
    const first = table.rows[0] ?? [];
    const numeric = first.findIndex((cell, index) => index !== date && parseNumber(cell) !== null);
    value = numeric >= 0 ? numeric : null;
  }
  const dimension = find(dimensionPattern);
  return { date, value, dimension: dimension === date || dimension === value ? null : dimension };
}

/** A number as people write it: `1 234,5`, `1,234.5`, `12.5%`; null when it is not one. */
export function parseNumber(text: string): number | null {
  let cleaned = text.replace(/[\s\u00a0\u202f%₽$€]/g, '');
  if (cleaned === '') return null;
  if (cleaned.includes(',') && cleaned.includes('.')) {
    cleaned =
      cleaned.lastIndexOf(',') > cleaned.lastIndexOf('.')
        ? cleaned.replace(/\./g, '').replace(',', '.')
        : cleaned.replace(/,/g, '');
  } else if (cleaned.includes(',')) {
    cleaned = cleaned.replace(',', '.');
  }
  if (!/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A date as the API takes it, from `2025-01-31`, `31.01.2025` or an ISO time; null otherwise. */
export function parseDate(text: string): string | null {
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const candidate = russian
    ? `${russian[3]}-${(russian[2] ?? '').padStart(2, '0')}-${(russian[1] ?? '').padStart(2, '0')}`
    : text;
  return Number.isNaN(pointTimeOf(candidate)) ? null : candidate;
}

/**
 * Turns the rows into points, grouped by the dimension column's value ('' without one), and lists
 * the rows that could not be read by their line in the file (the header is line 1).
 */
export function pointsFromRows(table: CsvTable, mapping: ColumnMapping): { groups: PointGroups; errors: RowError[] } {
  const groups: PointGroups = new Map();
  const errors: RowError[] = [];
  if (mapping.date === null || mapping.value === null) return { groups, errors };
  table.rows.forEach((row, index) => {
    const line = index + 2;
    const dateText = row[mapping.date as number] ?? '';
    const valueText = row[mapping.value as number] ?? '';
    const at = parseDate(dateText);
    const value = parseNumber(valueText);
    if (at === null) errors.push({ line, problem: 'date', text: dateText });
    else if (value === null) errors.push({ line, problem: 'value', text: valueText });
    else {
      const dimension = mapping.dimension === null ? '' : (row[mapping.dimension] ?? '').trim();
      const group = groups.get(dimension) ?? [];
      group.push({ at, value });
      groups.set(dimension, group);
    }
  });
  return { groups, errors };
}
