import type { z } from 'zod';
import { minorToDecimal } from '../../analytics/money/money';
import type { Locale } from '../../platform/i18n/locale';
import { exportFormatQuery, maxExportRows, type TableFile, writeTableRows } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { getPipeline } from './catalogue';
import { listOpportunities, type Opportunity } from './get-opportunity';
import { listOpportunitiesQuery } from './schemas';

export const exportOpportunitiesQuery = listOpportunitiesQuery.extend(exportFormatQuery.shape);
export type ExportOpportunitiesQuery = z.input<typeof exportOpportunitiesQuery>;

/**
 * The pipeline list with its filters as CSV or XLSX: one row per opportunity, by expected close
 * date, the stage in the reader's language and the amount as an exact decimal.
 */
export async function exportOpportunities(
  ctx: UseCaseContext,
  rawQuery: ExportOpportunitiesQuery,
  locale: Locale,
): Promise<TableFile> {
  const { format, ...filters } = exportOpportunitiesQuery.parse(rawQuery);
  const stages = new Map((await getPipeline(ctx)).map((stage) => [stage.id, stage]));
  const stageTitle = (row: Opportunity) => {
    const stage = stages.get(row.stageId);
    return stage ? (locale === 'ru' ? stage.titleRu : stage.titleEn) : '';
  };
  const rows = await listOpportunities(ctx, filters, maxExportRows);
  return writeTableRows(
    format,
    { file: 'opportunities', sheet: { en: 'Opportunities', ru: 'Сделки' } },
    [
      { header: { en: 'Accord ID', ru: 'Accord ID' }, cell: (row) => row.id },
      { header: { en: 'Opportunity', ru: 'Сделка' }, cell: (row) => row.title, text: true },
      { header: { en: 'Account', ru: 'Аккаунт' }, cell: (row) => row.accountName, text: true },
      { header: { en: 'Type', ru: 'Тип' }, cell: (row) => row.type },
      { header: { en: 'Offering', ru: 'Предложение' }, cell: (row) => row.offeringName, text: true },
      { header: { en: 'Buying centre', ru: 'Центр закупки' }, cell: (row) => row.buyingCentreName, text: true },
      { header: { en: 'Stage', ru: 'Этап' }, cell: stageTitle, text: true },
      { header: { en: 'Amount', ru: 'Сумма' }, cell: (row) => minorToDecimal(row.amountMinor, row.currency) },
      { header: { en: 'Currency', ru: 'Валюта' }, cell: (row) => row.currency },
      { header: { en: 'Probability, %', ru: 'Вероятность, %' }, cell: (row) => row.probability },
      { header: { en: 'Expected close date', ru: 'Ожидаемая дата закрытия' }, cell: (row) => row.expectedCloseOn },
      { header: { en: 'Owner', ru: 'Ответственный' }, cell: (row) => row.ownerName, text: true },
      { header: { en: 'Next step', ru: 'Следующий шаг' }, cell: (row) => row.nextStep, text: true },
      { header: { en: 'Lost reason', ru: 'Причина проигрыша' }, cell: (row) => row.lostReason, text: true },
    ],
    rows,
    locale,
  );
}
