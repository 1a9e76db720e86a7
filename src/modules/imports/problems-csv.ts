import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../platform/i18n/locale';
import type { RowProblem } from './schema';

const headers: Record<Locale, string[]> = {
  en: ['Row', 'Column', 'Problem'],
  ru: ['Строка', 'Столбец', 'Ошибка'],
};

/** The bad rows as CSV in the reader's language, with a BOM so Excel opens it as UTF-8. */
export function problemsCsv(problems: RowProblem[], locale: Locale): string {
  const rows = problems.map((item) => [item.row, item.column ?? '', item.message[locale]]);
  return `\uFEFF${stringify([headers[locale], ...rows])}`;
}
