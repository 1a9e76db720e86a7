import { addDays } from '../../../analytics/money/ageing';
import { lineAmounts } from '../../../analytics/money/vat';
import { newId } from '../../../platform/db/columns';
import type { acts, creditNoteLines, creditNotes, invoiceLines, invoices } from '../../finance';
import type { DemoRandom } from '../random';

type InvoiceRow = typeof invoices.$inferInsert & { id: string; issuedOn: string; grossMinor: number };
type LineRow = typeof invoiceLines.$inferInsert;

export type DemoDocuments = {
  acts: (typeof acts.$inferInsert)[];
  creditNotes: (typeof creditNotes.$inferInsert)[];
  creditNoteLines: (typeof creditNoteLines.$inferInsert)[];
};

/**
 * The paperwork behind two years of invoices: an act of completed work for nearly every issued
 * invoice, signed by the client a few days to weeks later — except a handful the checks must
 * catch (paid with no signed act; signed acts of work not invoiced yet) — and one credit note
 * (a volume discount) on a recent unpaid invoice, which lowers what that client owes.
 */
export function planDemoDocuments(
  random: DemoRandom,
  options: { workspaceId: string; today: string; locale: 'ru' | 'en' },
  invoiceRows: InvoiceRow[],
  lineRows: LineRow[],
): DemoDocuments {
  const { workspaceId, today, locale } = options;
  const result: DemoDocuments = { acts: [], creditNotes: [], creditNoteLines: [] };
  const prefix = locale === 'ru' ? 'А' : 'A';
  const addAct = (row: Omit<typeof acts.$inferInsert, 'workspaceId' | 'id' | 'number'>) =>
    result.acts.push({
      ...row,
      workspaceId,
      id: newId(),
      number: `${prefix}-${String(result.acts.length + 1).padStart(5, '0')}`,
    });
  // NOTE: a few recently paid invoices whose act never came back signed: «paid but no signed act».
  const recentlyPaid = invoiceRows.filter((row) => row.status === 'paid' && row.issuedOn >= addDays(today, -180));
  const lostSignatures = new Set(random.sample(recentlyPaid, 4).map((row) => row.id));
  for (const invoice of invoiceRows) {
    const actDate = addDays(invoice.issuedOn, random.int(0, 5));
    if (actDate > today) continue;
    const lostSignature = lostSignatures.has(invoice.id);
    const signedOn = addDays(actDate, random.int(2, 25));
    const at = new Date(`${actDate}T11:00:00Z`);
    addAct({
      accountId: invoice.accountId,
      invoiceId: invoice.id,
      actDate,
      amountMinor: invoice.grossMinor,
      currency: invoice.currency,
      signedOn: lostSignature || signedOn > today ? null : signedOn,
      createdAt: at,
      updatedAt: at,
    });
  }
  // Work done and signed for ahead of the invoice: «act signed but not invoiced».
  const recent = invoiceRows.filter((invoice) => invoice.issuedOn >= addDays(today, -60));
  for (const invoice of random.sample(recent, Math.min(3, recent.length))) {
    const actDate = addDays(today, -random.int(5, 20));
    const at = new Date(`${actDate}T11:00:00Z`);
    addAct({
      accountId: invoice.accountId,
      invoiceId: null,
      actDate,
      amountMinor: invoice.grossMinor,
      currency: invoice.currency,
      signedOn: addDays(actDate, 2) <= today ? addDays(actDate, 2) : actDate,
      createdAt: at,
      updatedAt: at,
    });
  }
  const credited = [...invoiceRows]
    .reverse()
    .find((invoice) => invoice.status === 'sent' && invoice.currency === 'RUB' && invoice.issuedOn < today);
  const line = credited && lineRows.find((row) => row.invoiceId === credited.id && row.position === 0);
  if (credited && line) {
    const id = newId();
    const issuedOn = addDays(credited.issuedOn, 1);
    const at = new Date(`${issuedOn}T15:00:00Z`);
    const discount = {
      description: locale === 'ru' ? 'Скидка за объём (10 %)' : 'Volume discount (10 %)',
      quantityMilli: 1000,
      unitPriceMinor: Math.round((line.grossMinor as number) / 10),
      vatRate: line.vatRate ?? null,
    };
    const amounts = lineAmounts({ ...discount, vatRateBasisPoints: discount.vatRate }, 'included');
    result.creditNotes.push({
      workspaceId,
      id,
      invoiceId: credited.id,
      accountId: credited.accountId,
      sequence: 1,
      number: `CN-${issuedOn.slice(0, 4)}/00001`,
      issuedOn,
      currency: credited.currency,
      vatMode: 'included',
      reason: locale === 'ru' ? 'Скидка за объём по итогам квартала' : 'Quarterly volume discount',
      ...amounts,
      createdAt: at,
      updatedAt: at,
    });
    result.creditNoteLines.push({
      workspaceId,
      id: newId(),
      creditNoteId: id,
      position: 0,
      unit: null,
      ...discount,
      ...amounts,
      createdAt: at,
      updatedAt: at,
    });
    credited.creditedMinor = amounts.grossMinor;
  }
  return result;
}
