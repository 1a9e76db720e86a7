import { type Currency, formatMoney } from '../../analytics/money/money';
import type { CurrencyTotals } from '../../analytics/plans/whitespace';
import type { Locale } from '../../platform/i18n/locale';
import { type LocalizedText, translate } from '../../platform/i18n/text';
import type { PdfFile } from '../../platform/pdf/pdf-response';
import { type Content, linesTable, renderPdf } from '../../platform/pdf/render-pdf';
import type { UseCaseContext } from '../../platform/use-case';
import { actionStatusNames, approvedPlanForExport, exportHeadings, threatNames } from '../plans';
import { workspaceToday } from '../workspaces';
import { visiblePlanPeriod } from './access';
import { planPdfWords, whitespaceStateNames } from './messages';
import { getWhitespace, type WhitespaceMatrix } from './whitespace';

type Say = (text: LocalizedText, params?: Record<string, string>) => string;

/** A section's Markdown as PDF paragraphs: headings bold, list items bulleted, emphasis marks dropped. */
function markdownBlocks(body: string): Content[] {
  const plain = (line: string) => line.replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/g, '');
  const blocks: Content[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length > 0) blocks.push({ ul: bullets, margin: [0, 0, 0, 4] });
    bullets = [];
  };
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (/^[-*]\s+/.test(trimmed)) {
      bullets.push(plain(trimmed.replace(/^[-*]\s+/, '')));
      continue;
    }
    flush();
    if (trimmed === '') continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(trimmed);
    blocks.push(
      heading
        ? { text: plain(heading[1] ?? ''), bold: true, margin: [0, 4, 0, 2] }
        : { text: plain(trimmed), margin: [0, 0, 0, 4] },
    );
  }
  flush();
  return blocks;
}

function totalsText(totals: CurrencyTotals, locale: Locale): string {
  const entries = Object.entries(totals) as [Currency, number][];
  return entries.length === 0
    ? '—'
    : entries.map(([currency, amount]) => formatMoney(amount, currency, locale)).join('; ');
}

/** The whitespace matrix as a table: one row per buying centre, a cell's state and potential, totals. */
function whitespaceTable(matrix: WhitespaceMatrix, say: Say, locale: Locale): Content {
  const header = [
    say(planPdfWords.buyingCentre),
    ...matrix.offerings.map((offering) => offering.name),
    say(planPdfWords.total),
  ];
  const rows = matrix.buyingCentres.map((centre) => [
    centre.name,
    ...matrix.offerings.map((offering) => {
      const cell = matrix.cells.find((found) => found.buyingCentreId === centre.id && found.offeringId === offering.id);
      if (!cell) return '—';
      const state = say(whitespaceStateNames[cell.state] as LocalizedText);
      return cell.potentialMinor > 0 ? `${state}\n${formatMoney(cell.potentialMinor, cell.currency, locale)}` : state;
    }),
    totalsText(matrix.totals.rows.find((row) => row.id === centre.id)?.potential ?? {}, locale),
  ]);
  const totals = [
    `${say(planPdfWords.total)} (${say(planPdfWords.potential).toLowerCase()})`,
    ...matrix.offerings.map((offering) =>
      totalsText(matrix.totals.columns.find((column) => column.id === offering.id)?.potential ?? {}, locale),
    ),
    totalsText(matrix.totals.grand.potential, locale),
  ];
  return linesTable(header, [...rows, totals], { widths: header.map((_, index) => (index === 0 ? 'auto' : '*')) });
}

/**
 * The latest approved version of a plan as a PDF in the reader's language: sections, competitors,
 * objectives and actions, and the account's whitespace matrix as it is today. 422 before approval.
 */
export async function renderPlanPdf(ctx: UseCaseContext, planId: string, locale: Locale): Promise<PdfFile> {
  const { version, ownerNames, fileStem } = await approvedPlanForExport(ctx, planId);
  const say: Say = (text, params) => translate(locale, { text, ...(params ? { params } : {}) });
  const snapshot = version.snapshot;
  const plan = await visiblePlanPeriod(ctx, planId);
  const matrix = await getWhitespace(ctx, plan.accountId);
  const today = await workspaceToday(ctx);
  const heading = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 10, 0, 4] });

  const content: Content[] = [
    { text: `${say(exportHeadings.plan)}: ${snapshot.accountName}`, style: 'title' },
    {
      text: `${say(exportHeadings.period)}: ${snapshot.periodStart} — ${snapshot.periodEnd} · ${say(exportHeadings.approvedOn)}: ${version.approvedAt.toISOString().slice(0, 10)} · ${say(planPdfWords.version)} ${version.number}`,
      style: 'label',
    },
  ];
  for (const section of snapshot.sections) {
    content.push(heading(locale === 'ru' ? section.titleRu : section.titleEn));
    const blocks = markdownBlocks(section.body);
    content.push(...(blocks.length > 0 ? blocks : [{ text: say(exportHeadings.empty), style: 'label' }]));
  }

  content.push(heading(say(exportHeadings.competitors)));
  content.push(
    snapshot.competitors.length === 0
      ? { text: say(exportHeadings.none) }
      : linesTable(
          [
            exportHeadings.name,
            exportHeadings.share,
            exportHeadings.strengths,
            exportHeadings.weaknesses,
            exportHeadings.threat,
          ].map((text) => say(text)),
          snapshot.competitors.map((competitor) => [
            competitor.name,
            competitor.shareOfWallet === null ? '—' : `${competitor.shareOfWallet} %`,
            competitor.strengths ?? '—',
            competitor.weaknesses ?? '—',
            say(threatNames[competitor.threat] as LocalizedText),
          ]),
          { widths: ['*', 50, '*', '*', 60], rightAligned: [1] },
        ),
  );

  content.push(heading(say(exportHeadings.objectives)));
  if (snapshot.objectives.length === 0) content.push({ text: say(exportHeadings.none) });
  content.push(
    linesTable(
      [
        planPdfWords.objective,
        exportHeadings.metric,
        exportHeadings.baseline,
        exportHeadings.target,
        exportHeadings.due,
      ].map((text) => say(text)),
      snapshot.objectives.map((objective) => [
        objective.title,
        objective.metricKey ?? objective.metricName ?? say(exportHeadings.unmeasurable),
        objective.baseline === null ? '—' : String(objective.baseline),
        objective.targetMinor != null && objective.targetCurrency
          ? formatMoney(objective.targetMinor, objective.targetCurrency as Currency, locale)
          : objective.target === null
            ? '—'
            : String(objective.target),
        objective.dueOn ?? '—',
      ]),
      { widths: ['*', 90, 60, 80, 60], rightAligned: [2, 3] },
    ),
  );
  const actions = snapshot.objectives.flatMap((objective) =>
    objective.actions.map((action) => ({ objective, action })),
  );
  if (actions.length > 0) {
    content.push(
      linesTable(
        [
          planPdfWords.action,
          planPdfWords.objective,
          exportHeadings.owner,
          exportHeadings.due,
          planPdfWords.status,
          exportHeadings.progress,
        ].map((text) => say(text)),
        actions.map(({ objective, action }) => [
          action.title,
          objective.title,
          action.ownerId ? (ownerNames.get(action.ownerId) ?? '—') : '—',
          action.dueOn ?? '—',
          say(actionStatusNames[action.status] as LocalizedText),
          `${action.progress} %`,
        ]),
        { widths: ['*', '*', 80, 55, 60, 40], rightAligned: [5] },
      ),
    );
  }

  content.push(heading(say(planPdfWords.whitespace)));
  content.push({ text: say(planPdfWords.asOf, { today }), style: 'small' });
  content.push(
    matrix.buyingCentres.length === 0 ? { text: say(exportHeadings.none) } : whitespaceTable(matrix, say, locale),
  );

  const body = await renderPdf({ title: `${say(exportHeadings.plan)}: ${snapshot.accountName}`, content });
  return { body, fileName: `${fileStem}.pdf` };
}
