import type { translate } from '../../platform/i18n/text';
import type { ColumnMapping, ImportField, ImportSource } from './formats/fields';
import type { TableColumn } from './formats/table';
import { type DateOrder, parseDate, parseNumber } from './formats/values';
import { importMessages } from './messages';
import { columnOf, companyTaxIdOf, problem, referenceOf, valuesOf } from './row-drafts';
import type { RowProblem } from './schema';

export type KpiPointDraft = {
  kind: 'kpiPoints';
  /** The point's key in the file (account, metric, dimension, time): a row repeating it is reported. */
  externalId: string;
  accountExternalId: string | null;
  accountName: string | null;
  /** The company's INN (or another tax id), read as an account's is. */
  accountTaxId: string | null;
  /** The metric as the file names it: its key (`revenue`) or its name in either language. */
  metric: string;
  dimension: string;
  /** `YYYY-MM-DD`, or an ISO time when the file gives one other than midnight. */
  at: string;
  value: number;
  unit: string | null;
};

const maxDimensionLength = 200;
const maxAbsoluteValue = 1e15;

/** A month written alone (`2026-11`, `11.2026`, `11/2026`): its first day. */
function monthOf(text: string): Date | undefined {
  const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(text);
  const localMonth = /^(\d{1,2})[./](\d{4})$/.exec(text);
  const [year, month] = isoMonth
    ? [Number(isoMonth[1]), Number(isoMonth[2])]
    : localMonth
      ? [Number(localMonth[2]), Number(localMonth[1])]
      : [Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12) return undefined;
  return new Date(Date.UTC(year, month - 1, 1));
}

/** A point's time: a date (`26.11.2026`, `2026-11-26`, `11/26/2026`), a date and time, or a month. */
export function pointTimeOfCell(text: string, dateOrder: DateOrder): string | undefined {
  const date = parseDate(text, dateOrder) ?? monthOf(text.trim());
  if (!date || date.getUTCFullYear() < 1900 || date.getUTCFullYear() >= 2200) return undefined;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * Turns one row of KPI values into a point, or the reasons it cannot be. A row names its series
 * by the company (the source's id, its INN or the exact name), the metric (key or name) and an optional
 * dimension; values are read as the file writes them (`1 234,56`, `12,5 %`).
 */
export function draftKpiPoint(
  source: ImportSource,
  columns: TableColumn[],
  mapping: ColumnMapping,
  row: string[],
  rowNumber: number,
  dateOrder: DateOrder,
): { row: number; draft: KpiPointDraft } | { row: number; problems: RowProblem[] } {
  const values = valuesOf(row, columns, mapping, source);
  const one = (field: ImportField) => values.get(field)?.join(' ');
  const problems: RowProblem[] = [];
  const report = (field: ImportField | null, text: Parameters<typeof translate>[1]) =>
    problems.push(problem(rowNumber, field ? columnOf(field, columns, mapping) : null, text));

  const accountExternalId = referenceOf(one('accountExternalId'));
  const accountName = one('accountName') ?? null;
  const tax = companyTaxIdOf(one('taxId'), rowNumber, columns, mapping);
  problems.push(...tax.problems);
  const accountTaxId = tax.taxId;
  if (!accountExternalId && !accountName && !accountTaxId && tax.problems.length === 0) {
    report(null, { text: importMessages.kpiAccountRequired });
  }
  const metric = one('metric')?.trim() ?? '';
  if (!metric) report('metric', { text: importMessages.metricRequired });
  const dimension = one('dimension')?.trim() ?? '';
  if (dimension.length > maxDimensionLength)
    report('dimension', { text: importMessages.tooLong, params: { maximum: maxDimensionLength } });

  const dateText = one('pointDate');
  const at = dateText ? pointTimeOfCell(dateText, dateOrder) : undefined;
  if (!dateText) report('pointDate', { text: importMessages.pointDateRequired });
  else if (!at) report('pointDate', { text: importMessages.badDate, params: { value: dateText } });

  const valueText = one('value');
  const value = valueText ? parseNumber(valueText.replace(/%\s*$/, '')) : undefined;
  if (!valueText) report('value', { text: importMessages.valueRequired });
  else if (value === undefined || Math.abs(value) > maxAbsoluteValue)
    report('value', { text: importMessages.badNumber, params: { value: valueText } });

  if (problems.length > 0 || !at || value === undefined) return { row: rowNumber, problems };
  const company = (accountExternalId ?? (accountTaxId ? `inn:${accountTaxId}` : `name:${accountName}`)).toLowerCase();
  return {
    row: rowNumber,
    draft: {
      kind: 'kpiPoints',
      externalId: [company, metric.toLowerCase(), dimension.toLowerCase(), at].join('|'),
      accountExternalId,
      accountName,
      accountTaxId,
      metric,
      dimension,
      at,
      value,
      unit: one('unit')?.trim() || null,
    },
  };
}
