import { createHash } from 'node:crypto';
import { type Currency, currencies, parseMoney } from '../../../analytics/money/money';
import type { Table } from '../../imports/formats/table';

/** The fields of a statement line Accord reads; `credit` is the incoming-amount column of a 1C-style export. */
export const statementFields = ['date', 'amount', 'credit', 'currency', 'payer', 'purpose', 'reference'] as const;
export type StatementField = (typeof statementFields)[number];
export type StatementMapping = Partial<Record<StatementField, string>>;

// NOTE: headers of a generic layout and of the Russian banks' 1C-style exports («Дата проводки»,
// «Сумма по кредиту», «Назначение платежа»…), compared lower-case with ё as е.
const synonyms: Record<StatementField, string[]> = {
  date: [
    'date',
    'booking date',
    'value date',
    'дата',
    'дата проводки',
    'дата операции',
    'дата документа',
    'дата поступления',
  ],
  amount: ['amount', 'sum', 'сумма', 'сумма платежа', 'сумма операции', 'сумма документа'],
  credit: ['credit', 'incoming', 'поступление', 'приход', 'кредит', 'сумма по кредиту', 'зачислено'],
  currency: ['currency', 'валюта', 'код валюты'],
  payer: ['payer', 'counterparty', 'плательщик', 'наименование плательщика', 'контрагент', 'плательщик наименование'],
  purpose: ['purpose', 'description', 'details', 'payment details', 'назначение платежа', 'назначение'],
  reference: [
    'reference',
    'document number',
    'doc no',
    'номер',
    'номер документа',
    '№ документа',
    'номер платежного поручения',
  ],
};

const normalized = (header: string) => header.trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ');

/** The column of each field: what the user mapped, else the first header that is a known name for it. */
export function detectMapping(table: Table, given: StatementMapping = {}): StatementMapping {
  const mapping: StatementMapping = {};
  for (const field of statementFields) {
    const wanted = given[field];
    const column = wanted
      ? table.columns.find((candidate) => candidate.header === wanted || candidate.key === wanted)
      : table.columns.find((candidate) => synonyms[field].map(normalized).includes(normalized(candidate.header)));
    if (column) mapping[field] = column.key;
  }
  return mapping;
}

export type StatementLine = {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  fingerprint: string;
  bookedOn: string;
  amountMinor: number;
  currency: Currency;
  payer: string | null;
  purpose: string | null;
  reference: string | null;
};

export type LineProblem = { line: number; field: StatementField; value: string };

/** `25.11.2026`, `25.11.26`, `25/11/2026` or `2026-11-25` → `2026-11-25`; undefined otherwise. */
export function parseStatementDate(text: string): string | undefined {
  const value = text.trim().split(/[ T]/)[0] ?? '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(value);
  const parts = iso
    ? { year: iso[1], month: iso[2], day: iso[3] }
    : dotted
      ? { year: dotted[3]?.length === 2 ? `20${dotted[3]}` : dotted[3], month: dotted[2], day: dotted[1] }
      : undefined;
  if (!parts) return undefined;
  const date = `${parts.year}-${parts.month?.padStart(2, '0')}-${parts.day?.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(date) ? date : undefined;
}

/**
 * The incoming lines of a statement table. Outgoing lines (a negative amount, or an empty credit
 * column in a debit/credit layout) are skipped; unreadable ones are reported by line and field.
 * Identical lines keep apart by their occurrence, so the same file always yields the same
 * fingerprints and a second import of it is recognised line by line.
 */
export function readStatementLines(
  table: Table,
  mapping: StatementMapping,
  defaultCurrency: Currency,
): { lines: StatementLine[]; skipped: number; problems: LineProblem[] } {
  const index = (field: StatementField) => table.columns.find((column) => column.key === mapping[field])?.index;
  const at = (row: string[], field: StatementField) => {
    const column = index(field);
    return column === undefined ? '' : (row[column] ?? '').trim();
  };
  const amountField: StatementField = mapping.credit ? 'credit' : 'amount';
  const lines: StatementLine[] = [];
  const problems: LineProblem[] = [];
  const occurrences = new Map<string, number>();
  let skipped = 0;
  for (const [position, row] of table.rows.entries()) {
    const line = position + 2;
    const amountText = at(row, amountField);
    if (amountField === 'credit' && amountText === '') {
      skipped += 1;
      continue;
    }
    const currencyText = at(row, 'currency').toUpperCase();
    const currency = currencyText === '' || currencyText === 'RUR' || currencyText === '810' ? undefined : currencyText;
    if (currency && !(currencies as readonly string[]).includes(currency)) {
      problems.push({ line, field: 'currency', value: currencyText });
      continue;
    }
    const lineCurrency = (currency ?? (currencyText === '' ? defaultCurrency : 'RUB')) as Currency;
    const bookedOn = parseStatementDate(at(row, 'date'));
    if (!bookedOn) {
      problems.push({ line, field: 'date', value: at(row, 'date') });
      continue;
    }
    const amountMinor = parseMoney(amountText, lineCurrency);
    if (amountMinor === undefined) {
      problems.push({ line, field: amountField, value: amountText });
      continue;
    }
    if (amountMinor <= 0) {
      skipped += 1;
      continue;
    }
    const fields = {
      bookedOn,
      amountMinor,
      currency: lineCurrency,
      payer: at(row, 'payer') || null,
      purpose: at(row, 'purpose') || null,
      reference: at(row, 'reference') || null,
    };
    const identity = JSON.stringify(fields);
    const occurrence = (occurrences.get(identity) ?? 0) + 1;
    occurrences.set(identity, occurrence);
    const fingerprint = createHash('sha256').update(`${identity}#${occurrence}`).digest('base64url');
    lines.push({ line, fingerprint, ...fields });
  }
  return { lines, skipped, problems };
}

/** Invoice numbers (`2026-00042`) a payment's purpose mentions, in order, each once. */
export function invoiceNumbersIn(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(text.match(/(?<!\d)\d{4}-\d{5,}(?!\d)/g) ?? [])];
}
