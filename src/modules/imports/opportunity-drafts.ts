import { z } from 'zod';
import { type Currency, currencies, parseMoney } from '../../analytics/money';
import type { translate } from '../../platform/i18n/text';
import { fieldErrorsFromIssues } from '../../platform/validation';
import { createOpportunityInput, updateOpportunityInput } from '../opportunities';
import type { ColumnMapping, ImportField, ImportSource } from './formats/fields';
import type { TableColumn } from './formats/table';
import { type DateOrder, parseDate, parseNumber } from './formats/values';
import { importMessages } from './messages';
import { columnOf, companyTaxIdOf, problem, problemsOf, referenceOf, valuesOf } from './row-drafts';
import type { RowProblem } from './schema';

export type OpportunityDraft = {
  kind: 'opportunities';
  externalId: string;
  title: string;
  accountExternalId: string | null;
  accountName: string | null;
  /** The company's INN, matched to the accounts' tax ids before the name. */
  accountTaxId: string | null;
  /** The stage as the file writes it; matched to the pipeline when the import is checked and run. */
  stage: string | null;
  amountMinor: number;
  currency: Currency;
  expectedCloseOn: string;
  probability: number | null;
  nextStep: string | null;
  lostReason: string | null;
  /** The owner as the file names them, matched to a member when written. */
  owner: string | null;
};

/** What a deal row needs beyond its cells: the workspace's currency and how the file writes dates. */
export type DraftDefaults = { currency: Currency; dateOrder: DateOrder };

const textCheck = z.object({
  title: createOpportunityInput.shape.title,
  nextStep: createOpportunityInput.shape.nextStep,
  lostReason: updateOpportunityInput.shape.lostReason,
});
const textField: Record<string, ImportField> = { title: 'dealName', nextStep: 'nextStep', lostReason: 'lostReason' };

const knownCurrencies = new Set<string>(currencies);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Turns one deal row into what will be stored, or the reasons it cannot be. The amount is read
 * exactly (minor units, `1 234,56` and `1,234.56` alike) in the row's currency, else the workspace's.
 */
export function draftOpportunity(
  source: ImportSource,
  columns: TableColumn[],
  mapping: ColumnMapping,
  row: string[],
  index: number,
  rowNumber: number,
  defaults: DraftDefaults,
): { row: number; draft: OpportunityDraft } | { row: number; problems: RowProblem[] } {
  const values = valuesOf(row, columns, mapping, source);
  const one = (field: ImportField) => values.get(field)?.join('\n');
  const problems: RowProblem[] = [];
  const report = (field: ImportField | null, text: Parameters<typeof translate>[1]) =>
    problems.push(problem(rowNumber, field ? columnOf(field, columns, mapping) : null, text));

  const texts = { title: one('dealName') ?? '', nextStep: one('nextStep'), lostReason: one('lostReason') };
  const checked = textCheck.safeParse(texts);
  if (!checked.success) {
    const errors = fieldErrorsFromIssues(checked.error.issues, texts);
    problems.push(...problemsOf(rowNumber, errors, (path) => textField[path], columns, mapping));
  }
  const accountExternalId = referenceOf(one('accountExternalId'));
  const accountName = one('accountName') ?? null;
  const tax = companyTaxIdOf(one('taxId'), rowNumber, columns, mapping);
  problems.push(...tax.problems);
  const accountTaxId = tax.taxId;
  if (!accountExternalId && !accountName && !accountTaxId && tax.problems.length === 0) {
    report(null, { text: importMessages.dealAccountRequired });
  }

  const currencyText = one('currency')?.trim().toUpperCase();
  const currency = (currencyText || defaults.currency) as Currency;
  if (currencyText && !knownCurrencies.has(currencyText))
    report('currency', { text: importMessages.badCurrency, params: { value: currencyText } });
  const amountText = one('amount');
  const amountMinor = amountText && knownCurrencies.has(currency) ? parseMoney(amountText, currency) : 0;
  if (amountMinor === undefined || amountMinor < 0)
    report('amount', { text: importMessages.badAmount, params: { value: amountText ?? '', currency } });

  const closeText = one('closeDate');
  const closeDate = closeText ? parseDate(closeText, defaults.dateOrder) : undefined;
  if (!closeText) report('closeDate', { text: importMessages.closeDateRequired });
  else if (!closeDate) report('closeDate', { text: importMessages.badDate, params: { value: closeText } });

  const probabilityText = one('probability')?.replace('%', '');
  const probability = probabilityText ? parseNumber(probabilityText) : undefined;
  if (probabilityText && (probability === undefined || probability < 0 || probability > 100))
    report('probability', { text: importMessages.badPercent, params: { value: one('probability') ?? '' } });

  if (problems.length > 0 || !checked.success || !closeDate || amountMinor === undefined) {
    return { row: rowNumber, problems };
  }
  // NOTE: without an id column, the deal's name and company stand in, so a re-import still updates.
  const { title, nextStep, lostReason } = checked.data;
  // NOTE: the INN stands in only when the row gives neither: ids of files read before INN counted stay.
  const company = accountExternalId ?? accountName ?? (accountTaxId ? `inn:${accountTaxId}` : null);
  const fallbackId = `name:${[company, title].join('|').toLowerCase()}`;
  const id = one('externalId');
  const externalId = id ? id : source === 'salesforce' ? `OpportunityRef${index + 1}` : fallbackId;
  return {
    row: rowNumber,
    draft: {
      kind: 'opportunities',
      externalId,
      title,
      accountExternalId,
      accountName,
      accountTaxId,
      stage: one('stage')?.trim() || null,
      amountMinor,
      currency,
      expectedCloseOn: isoDay(closeDate),
      probability: probability === undefined ? null : Math.round(probability),
      nextStep,
      lostReason,
      owner: one('owner')?.trim() || null,
    },
  };
}
