import type { z } from 'zod';
import type { Locale } from '../../platform/i18n/locale';
import { exportFormatQuery, maxExportRows, type TableFile, writeTableRows } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { boardConditions } from './board';
import { listRequestsQuery } from './client-work-schemas';
import { listRequests } from './requests';
import { boardQuery } from './schemas';
import { getDeliverySettings } from './settings';
import { selectTasks } from './task-view';

export const exportTasksQuery = boardQuery.omit({ limit: true }).extend(exportFormatQuery.shape);
export type ExportTasksQuery = z.input<typeof exportTasksQuery>;
export const exportRequestsQuery = listRequestsQuery.omit({ limit: true }).extend(exportFormatQuery.shape);
export type ExportRequestsQuery = z.input<typeof exportRequestsQuery>;

const isoDay = (at: Date | null) => at?.toISOString().slice(0, 10);

// NOTE: statuses, kinds and priorities are written as their API codes (`in_progress`, `high`), the
// same in both languages, so a sheet filters and sorts on them and a script reads them back.

/**
 * Every task the board's filters select (all statuses, done ones of any age), by deadline, as CSV
 * or XLSX: what a manager hands to a specialist's lead or keeps for the month's review.
 */
export async function exportTasks(ctx: UseCaseContext, rawQuery: ExportTasksQuery, locale: Locale): Promise<TableFile> {
  const { format, ...filters } = exportTasksQuery.parse(rawQuery);
  const { acceptanceHours } = await getDeliverySettings(ctx);
  const rows = await selectTasks(ctx, boardConditions(ctx, boardQuery.parse(filters)), {
    acceptanceHours,
    limit: maxExportRows,
  });
  return writeTableRows(
    format,
    { file: 'tasks', sheet: { en: 'Tasks', ru: 'Задачи' } },
    [
      { header: { en: 'Accord ID', ru: 'Accord ID' }, cell: (row) => row.id },
      { header: { en: 'Task', ru: 'Задача' }, cell: (row) => row.title, text: true },
      { header: { en: 'Account', ru: 'Аккаунт' }, cell: (row) => row.account.name, text: true },
      { header: { en: 'Project', ru: 'Проект' }, cell: (row) => row.project.name, text: true },
      { header: { en: 'Assignee', ru: 'Исполнитель' }, cell: (row) => row.assignee?.name, text: true },
      { header: { en: 'Department', ru: 'Отдел' }, cell: (row) => row.department?.name, text: true },
      { header: { en: 'Status', ru: 'Статус' }, cell: (row) => row.status },
      { header: { en: 'Acceptance', ru: 'Принятие' }, cell: (row) => row.acceptance },
      { header: { en: 'Priority', ru: 'Приоритет' }, cell: (row) => row.priority },
      { header: { en: 'Deadline (UTC)', ru: 'Срок (UTC)' }, cell: (row) => row.dueAt?.toISOString() },
      { header: { en: 'Overdue', ru: 'Просрочена' }, cell: (row, at) => (row.overdue ? yes[at] : '') },
      { header: { en: 'Estimate, hours', ru: 'Оценка, часов' }, cell: (row) => row.estimateHours },
      { header: { en: 'Done', ru: 'Выполнена' }, cell: (row) => isoDay(row.doneAt) },
    ],
    rows,
    locale,
  );
}

const yes = { en: 'yes', ru: 'да' };

/** The client requests list with its filters, newest first, as CSV or XLSX. */
export async function exportRequests(
  ctx: UseCaseContext,
  rawQuery: ExportRequestsQuery,
  locale: Locale,
): Promise<TableFile> {
  const { format, ...filters } = exportRequestsQuery.parse(rawQuery);
  const rows = await listRequests(ctx, filters, maxExportRows);
  return writeTableRows(
    format,
    { file: 'requests', sheet: { en: 'Client requests', ru: 'Заявки клиентов' } },
    [
      { header: { en: 'Accord ID', ru: 'Accord ID' }, cell: (row) => row.id },
      { header: { en: 'Received', ru: 'Получена' }, cell: (row) => row.receivedOn },
      { header: { en: 'Request', ru: 'Заявка' }, cell: (row) => row.title, text: true },
      { header: { en: 'Account', ru: 'Аккаунт' }, cell: (row) => row.account.name, text: true },
      { header: { en: 'Project', ru: 'Проект' }, cell: (row) => row.project?.name, text: true },
      { header: { en: 'Source', ru: 'Источник' }, cell: (row) => row.source },
      { header: { en: 'Status', ru: 'Статус' }, cell: (row) => row.status },
      { header: { en: 'Description', ru: 'Описание' }, cell: (row) => row.description, text: true },
      { header: { en: 'Created by', ru: 'Создал' }, cell: (row) => row.createdBy.name, text: true },
      { header: { en: 'Updated (UTC)', ru: 'Изменена (UTC)' }, cell: (row) => isoDay(row.updatedAt) },
    ],
    rows,
    locale,
  );
}
