import i18n from 'i18next';
import { type Currency, formatMoney } from '../../api/shared';
import type { RowProblem } from './imports-api';

/** A problem's message in the UI language (the API sends both). */
export function problemText(problem: RowProblem): string {
  return i18n.language === 'ru' ? problem.message.ru : problem.message.en;
}

/** A stored value as the preview shows it: lists joined, amounts in their currency, nothing as a dash. */
export function previewValue(value: unknown, field?: string, values?: Record<string, unknown> | null): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'amount' && typeof value === 'number' && typeof values?.currency === 'string') {
    return formatMoney(value, values.currency as Currency, i18n.language === 'ru' ? 'ru' : 'en');
  }
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  return String(value);
}
