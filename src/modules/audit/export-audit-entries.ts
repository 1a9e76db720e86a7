import type { z } from 'zod';
import type { Locale } from '../../platform/i18n/locale';
import { readAllPages } from '../../platform/pagination';
import { exportFormatQuery, maxExportRows, type TableFile, writeTableRows } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { type AuditEntry, listAuditEntries, listAuditQuery } from './list-audit-entries';

export const exportAuditQuery = listAuditQuery.omit({ cursor: true, limit: true }).extend(exportFormatQuery.shape);
export type ExportAuditQuery = z.input<typeof exportAuditQuery>;

const jsonCell = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/**
 * The change history with the page's filters as CSV or XLSX, newest first: who, when, which
 * record, and the record before and after as JSON (an auditor's evidence, so nothing is summarized).
 */
export async function exportAuditEntries(
  ctx: UseCaseContext,
  rawQuery: ExportAuditQuery,
  locale: Locale,
): Promise<TableFile> {
  const { format, ...filters } = exportAuditQuery.parse(rawQuery);
  const rows = await readAllPages<AuditEntry>(
    (cursor) => listAuditEntries(ctx, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) }),
    maxExportRows,
  );
  return writeTableRows(
    format,
    { file: 'audit-log', sheet: { en: 'Audit log', ru: 'Журнал изменений' } },
    [
      { header: { en: 'When (UTC)', ru: 'Когда (UTC)' }, cell: (row) => row.at.toISOString() },
      { header: { en: 'Who', ru: 'Кто' }, cell: (row) => row.actor?.name, text: true },
      { header: { en: 'Action', ru: 'Действие' }, cell: (row) => row.action },
      { header: { en: 'Table', ru: 'Таблица' }, cell: (row) => row.entity },
      { header: { en: 'Record ID', ru: 'ID записи' }, cell: (row) => row.entityId },
      { header: { en: 'Before', ru: 'До' }, cell: (row) => jsonCell(row.before), text: true },
      { header: { en: 'After', ru: 'После' }, cell: (row) => jsonCell(row.after), text: true },
      { header: { en: 'Request ID', ru: 'ID запроса' }, cell: (row) => row.requestId },
    ],
    rows,
    locale,
  );
}
