import type { z } from 'zod';
import type { Locale } from '../../platform/i18n/locale';
import { readAllPages } from '../../platform/pagination';
import { exportFormatQuery, maxExportRows, type TableFile, writeTableRows } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { type Feedback, listFeedback } from './feedback';
import { listFeedbackQuery } from './schemas';

export const exportFeedbackQuery = listFeedbackQuery
  .omit({ cursor: true, limit: true })
  .extend(exportFormatQuery.shape);
export type ExportFeedbackQuery = z.input<typeof exportFeedbackQuery>;

const day = (at: Date | null) => at?.toISOString().slice(0, 10);

/** The complaints and feedback list with its filters and order as CSV or XLSX. */
export async function exportFeedback(
  ctx: UseCaseContext,
  rawQuery: ExportFeedbackQuery,
  locale: Locale,
): Promise<TableFile> {
  const { format, ...filters } = exportFeedbackQuery.parse(rawQuery);
  const rows = await readAllPages<Feedback>(
    (cursor) => listFeedback(ctx, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) }),
    maxExportRows,
  );
  return writeTableRows(
    format,
    { file: 'feedback', sheet: { en: 'Complaints and feedback', ru: 'Жалобы и отзывы' } },
    [
      { header: { en: 'Accord ID', ru: 'Accord ID' }, cell: (row) => row.id },
      { header: { en: 'Opened', ru: 'Открыто' }, cell: (row) => day(row.openedAt) },
      { header: { en: 'Account', ru: 'Аккаунт' }, cell: (row) => row.account.name, text: true },
      { header: { en: 'Contact', ru: 'Контакт' }, cell: (row) => row.contact?.name, text: true },
      { header: { en: 'Kind', ru: 'Вид' }, cell: (row) => row.kind },
      { header: { en: 'Source', ru: 'Источник' }, cell: (row) => row.source },
      { header: { en: 'Severity', ru: 'Серьёзность' }, cell: (row) => row.severity },
      { header: { en: 'Status', ru: 'Статус' }, cell: (row) => row.status },
      { header: { en: 'Owner', ru: 'Ответственный' }, cell: (row) => row.owner.name, text: true },
      { header: { en: 'Description', ru: 'Описание' }, cell: (row) => row.description, text: true },
      { header: { en: 'Resolution', ru: 'Решение' }, cell: (row) => row.resolution, text: true },
      { header: { en: 'Root cause', ru: 'Первопричина' }, cell: (row) => row.rootCause },
      { header: { en: 'Closed', ru: 'Закрыто' }, cell: (row) => day(row.closedAt) },
      { header: { en: 'Hours to resolve', ru: 'Часов до решения' }, cell: (row) => row.hoursToResolve },
    ],
    rows,
    locale,
  );
}
