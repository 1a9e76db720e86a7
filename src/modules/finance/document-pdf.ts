import { eq } from 'drizzle-orm';
import { type Currency, formatMoney } from '../../analytics/money/money';
import { formatQuantity, formatRate } from '../../analytics/money/vat';
import type { Locale } from '../../platform/i18n/locale';
import { type LocalizedText, message, translate } from '../../platform/i18n/text';
import type { PdfFile } from '../../platform/pdf/pdf-response';
import { type Content, linesTable, renderPdf } from '../../platform/pdf/render-pdf';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaces } from '../workspaces';
import { getAct } from './acts';
import { getCreditNote } from './credit-notes';
import { getInvoice, type InvoiceLine } from './get-invoice';
import { pdfWords, statusNames } from './messages';

async function workspaceName(ctx: UseCaseContext): Promise<string> {
  const [workspace] = await ctx.db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  return workspace?.name ?? '';
}

/** `2026-03-05` → `05.03.2026` in Russian, left as it is in English. */
function formatDate(date: string | null, locale: Locale): string {
  if (!date) return '—';
  if (locale === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

function partiesBlock(say: (text: LocalizedText) => string, supplier: string, customer: string): Content {
  return {
    table: {
      widths: [90, '*'],
      body: [
        [
          { text: say(pdfWords.supplier), style: 'label' },
          { text: supplier, bold: true },
        ],
        [
          { text: say(pdfWords.customer), style: 'label' },
          { text: customer, bold: true },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

function linesOf(lines: InvoiceLine[], currency: Currency, locale: Locale, say: (text: LocalizedText) => string) {
  const money = (amount: number) => formatMoney(amount, currency, locale);
  return linesTable(
    [
      '№',
      say(pdfWords.description),
      say(pdfWords.quantity),
      say(pdfWords.price),
      say(pdfWords.vatRate),
      say(pdfWords.vat),
      say(pdfWords.total),
    ],
    lines.map((line, index) => [
      String(index + 1),
      line.unit ? `${line.description} (${line.unit})` : line.description,
      formatQuantity(line.quantityMilli),
      money(line.unitPriceMinor),
      formatRate(line.vatRate) ?? say(pdfWords.noVat),
      money(line.vatMinor),
      money(line.grossMinor),
    ]),
    { widths: [16, '*', 40, 'auto', 40, 'auto', 'auto'], rightAligned: [2, 3, 4, 5, 6] },
  );
}

function totalsBlock(rows: [string, string][]): Content {
  return {
    table: {
      widths: ['*', 'auto'],
      body: rows.map(([label, value]) => [
        { text: label, alignment: 'right' as const, style: 'total' },
        { text: value, alignment: 'right' as const, style: 'total' },
      ]),
    },
    layout: 'noBorders',
  };
}

/** The invoice as a PDF (счёт на оплату) in the reader's language, with lines, VAT and totals. */
export async function renderInvoicePdf(ctx: UseCaseContext, id: string, locale: Locale): Promise<PdfFile> {
  const invoice = await getInvoice(ctx, id);
  const say = (text: LocalizedText) => translate(locale, message(text));
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const number = invoice.number ?? say(pdfWords.draft);
  const title = `${say(pdfWords.invoiceTitle)} № ${number} ${say(pdfWords.dated)} ${formatDate(invoice.issuedOn, locale)}`;
  const facts: Content[] = [
    invoice.contract ? `${say(pdfWords.contract)}: № ${invoice.contract.number}` : '',
    `${say(pdfWords.dueOn)}: ${formatDate(invoice.dueOn, locale)}`,
    `${say(pdfWords.status)}: ${say(statusNames[invoice.status] ?? { en: invoice.status, ru: invoice.status })}`,
  ];
  const vatLabel = invoice.vatMode === 'included' ? pdfWords.vatIncluded : pdfWords.vatExcluded;
  const content: Content = [
    { text: title, style: 'title' },
    partiesBlock(say, await workspaceName(ctx), invoice.account.name),
    { stack: facts.filter((fact) => fact !== '') },
    linesOf(invoice.lines, invoice.currency, locale, say),
    totalsBlock([
      [say(pdfWords.net), money(invoice.netMinor)],
      [say(vatLabel), money(invoice.vatMinor)],
      [say(pdfWords.grandTotal), money(invoice.grossMinor)],
      ...(invoice.creditedMinor > 0
        ? ([[say(pdfWords.credited), money(invoice.creditedMinor)]] as [string, string][])
        : []),
      ...(invoice.paidMinor > 0 ? ([[say(pdfWords.paid), money(invoice.paidMinor)]] as [string, string][]) : []),
    ]),
    ...(invoice.notes ? [{ text: invoice.notes, margin: [0, 12, 0, 0] } as Content] : []),
  ];
  const body = await renderPdf({ title, content });
  return { body, fileName: `invoice-${invoice.number ?? invoice.id}.pdf` };
}

/** The act of completed work (акт выполненных работ) as a PDF, with its invoice's lines when it has one. */
export async function renderActPdf(ctx: UseCaseContext, id: string, locale: Locale): Promise<PdfFile> {
  const act = await getAct(ctx, id);
  const say = (text: LocalizedText) => translate(locale, message(text));
  const money = (amount: number) => formatMoney(amount, act.currency, locale);
  const title = `${say(pdfWords.actTitle)} № ${act.number} ${say(pdfWords.dated)} ${formatDate(act.actDate, locale)}`;
  const invoice = act.invoiceId ? await getInvoice(ctx, act.invoiceId) : undefined;
  const supplier = await workspaceName(ctx);
  const content: Content = [
    { text: title, style: 'title' },
    partiesBlock(say, supplier, act.account.name),
    invoice?.number
      ? `${say(pdfWords.forInvoice)} № ${invoice.number} ${say(pdfWords.dated)} ${formatDate(invoice.issuedOn, locale)}`
      : '',
    invoice ? linesOf(invoice.lines, invoice.currency, locale, say) : { text: '', margin: [0, 8, 0, 0] },
    totalsBlock([[say(pdfWords.actAmount), money(act.amountMinor)]]),
    { text: say(pdfWords.actStatement), margin: [0, 12, 0, 24] },
    {
      columns: [
        { stack: [{ text: say(pdfWords.supplier), style: 'label' }, supplier, '\n______________________'] },
        {
          stack: [
            { text: say(pdfWords.customer), style: 'label' },
            act.account.name,
            act.signedOn ? `${say(pdfWords.signedOn)} ${formatDate(act.signedOn, locale)}` : '\n______________________',
          ],
        },
      ],
    },
  ];
  const body = await renderPdf({ title, content });
  return { body, fileName: `act-${act.number.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.pdf` };
}

/** The credit note (корректировочный счёт-фактура) as a PDF: its invoice, the reason, the lines credited and the totals. */
export async function renderCreditNotePdf(ctx: UseCaseContext, id: string, locale: Locale): Promise<PdfFile> {
  const note = await getCreditNote(ctx, id);
  const invoice = await getInvoice(ctx, note.invoiceId);
  const say = (text: LocalizedText) => translate(locale, message(text));
  const money = (amount: number) => formatMoney(amount, note.currency, locale);
  const title = `${say(pdfWords.creditNoteTitle)} № ${note.number} ${say(pdfWords.dated)} ${formatDate(note.issuedOn, locale)}`;
  const vatLabel = note.vatMode === 'included' ? pdfWords.vatIncluded : pdfWords.vatExcluded;
  const content: Content = [
    { text: title, style: 'title' },
    partiesBlock(say, await workspaceName(ctx), note.account.name),
    {
      stack: [
        `${say(pdfWords.forInvoice)} № ${invoice.number ?? ''} ${say(pdfWords.dated)} ${formatDate(invoice.issuedOn, locale)}`,
        `${say(pdfWords.reason)}: ${note.reason}`,
      ],
    },
    linesOf(note.lines, note.currency, locale, say),
    totalsBlock([
      [say(pdfWords.net), money(note.netMinor)],
      [say(vatLabel), money(note.vatMinor)],
      [say(pdfWords.creditTotal), money(note.grossMinor)],
    ]),
  ];
  const body = await renderPdf({ title, content });
  return { body, fileName: `credit-note-${note.number.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.pdf` };
}
