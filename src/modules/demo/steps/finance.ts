import { addDays } from '../../../analytics/money/ageing';
import { type Currency, currencies } from '../../../analytics/money/money';
import { invoiceTotals, lineAmounts } from '../../../analytics/money/vat';
import { newId } from '../../../platform/db/columns';
import {
  acts,
  contracts,
  creditNoteLines,
  creditNotes,
  invoiceLines,
  invoices,
  numberingCounters,
  paymentAllocations,
  payments,
} from '../../finance';
import { insertAll } from '../batch-insert';
import { type DemoAccount, type DemoStep, daysBefore, isoDate } from '../demo-context';
import type { DemoRandom } from '../random';
import { planDemoDocuments } from './finance-documents';

const services = {
  ru: [
    'Сопровождение ключевого клиента',
    'Аналитика и отчётность',
    'Поставка оборудования',
    'Техническая поддержка',
    'Обучение персонала',
    'Лицензии на программное обеспечение',
  ],
  en: [
    'Key account support',
    'Analytics and reporting',
    'Equipment supply',
    'Technical support',
    'Staff training',
    'Software licences',
  ],
};

/** How an account pays: on time, a little late, or a problem (long overdue, partly unpaid). */
type Payer = 'punctual' | 'late' | 'problem';

function payerOf(random: DemoRandom, account: DemoAccount): Payer {
  if (account.status === 'at_risk') return random.chance(0.5) ? 'problem' : 'late';
  if (random.chance(0.04)) return 'problem';
  return random.chance(0.3) ? 'late' : 'punctual';
}

/** Days after the due date a payment arrives (negative: early); undefined when it never came. */
function delayOf(random: DemoRandom, payer: Payer, ageDays: number): number | undefined {
  switch (payer) {
    case 'punctual':
      return random.int(-5, 2);
    case 'late':
      return random.int(3, 35);
    case 'problem':
      return ageDays < 200 && random.chance(0.6) ? undefined : random.int(20, 80);
  }
}

const currencyOf = (account: DemoAccount): Currency =>
  (currencies as readonly string[]).includes(account.currency) ? (account.currency as Currency) : 'RUB';

/**
 * Two years of money: a contract per customer, monthly (large and medium accounts) or quarterly
 * invoices with VAT per line (20 % until 2026, 22 % after; none outside roubles), payments with
 * each account's habits — most on time, some late, a few problem accounts with invoices long
 * overdue and partly paid — and the numbering sequence where the invoices left it.
 */
export const financeStep: DemoStep = {
  name: 'finance',
  async run(ctx, random) {
    const workspaceId = ctx.workspace.id;
    const words = services[ctx.vocabulary.locale];
    const today = isoDate(ctx.now);
    const start = isoDate(daysBefore(ctx.now, 730));
    const customers = ctx.accounts.filter((account) => account.status !== 'prospect');
    const contractRows: (typeof contracts.$inferInsert)[] = [];
    type Planned = {
      account: DemoAccount;
      contractId: string;
      issuedOn: string;
      currency: Currency;
      payer: Payer;
      terms: number;
    };
    const planned: Planned[] = [];
    for (const account of customers) {
      const currency = currencyOf(account);
      const signedOn = addDays(start, -random.int(0, 400));
      const contractId = newId();
      const terms = random.pick([5, 10, 10, 15, 30]);
      const endsOn = addDays(today, random.int(-20, 300));
      contractRows.push({
        workspaceId,
        id: contractId,
        accountId: account.id,
        number: `${ctx.vocabulary.locale === 'ru' ? 'Д' : 'C'}-${signedOn.slice(0, 4)}/${random.digits(4)}`,
        signedOn,
        kind: random.pick(['services', 'services', 'supply', 'framework'] as const),
        startsOn: signedOn,
        endsOn,
        valueMinor: Math.round(account.budget * 0.3) * 100,
        currency,
        autoRenewal: random.chance(0.5),
        paymentTermsDays: terms,
        status: endsOn < today ? 'expired' : 'active',
        reminderDaysBefore: 30,
        createdAt: new Date(`${signedOn}T09:00:00Z`),
        updatedAt: new Date(`${signedOn}T09:00:00Z`),
      });
      const payer = payerOf(random, account);
      const every = account.size === 'small' ? 91 : 30;
      const stopsOn = account.status === 'lost' ? addDays(today, -random.int(200, 400)) : today;
      for (
        let issuedOn = addDays(start, random.int(0, every));
        issuedOn <= stopsOn;
        issuedOn = addDays(issuedOn, every)
      ) {
        planned.push({ account, contractId, issuedOn, currency, payer, terms });
      }
    }
    await insertAll(ctx.db, contracts, contractRows);

    // NOTE: numbers follow the issue dates, as they would have been given.
    planned.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
    // NOTE: the rows go in table by table (invoices before their lines and payments' allocations),
    // so no batch ever refers to a row still waiting in another.
    const invoiceRows: (typeof invoices.$inferInsert)[] = [];
    const lineRows: (typeof invoiceLines.$inferInsert)[] = [];
    const paymentRows: (typeof payments.$inferInsert)[] = [];
    const allocationRows: (typeof paymentAllocations.$inferInsert)[] = [];
    let sequence = 0;
    for (const plan of planned) {
      sequence += 1;
      const id = newId();
      const vatRate = plan.currency !== 'RUB' ? null : plan.issuedOn < '2026-01-01' ? 2000 : 2200;
      const monthly = Math.max(1000, Math.round((plan.account.budget * random.next() * 0.04) / 100) * 100);
      const lines = words.slice(0, random.int(1, 3)).map((description, position) => ({
        description: position === 0 ? description : random.pick(words),
        quantityMilli: random.pick([1000, 1000, 2000, 5000, 1500]),
        unitPriceMinor: Math.round(monthly / (position + 1)) * 100,
        vatRate,
      }));
      const totals = invoiceTotals(
        lines.map((line) => ({ ...line, vatRateBasisPoints: line.vatRate })),
        'included',
      );
      const dueOn = addDays(plan.issuedOn, plan.terms);
      const ageDays = Math.round((Date.parse(today) - Date.parse(plan.issuedOn)) / 86_400_000);
      const delay = delayOf(random, plan.payer, ageDays);
      const receivedOn = delay === undefined ? undefined : addDays(dueOn, delay);
      const arrived = receivedOn !== undefined && receivedOn <= today;
      // NOTE: problem accounts sometimes pay only part; everything else pays in full.
      const paidMinor = !arrived
        ? 0
        : plan.payer === 'problem' && random.chance(0.3)
          ? Math.floor(totals.grossMinor / 2)
          : totals.grossMinor;
      const status =
        paidMinor === totals.grossMinor
          ? 'paid'
          : paidMinor > 0
            ? 'partly_paid'
            : random.chance(0.7)
              ? 'sent'
              : 'issued';
      const createdAt = new Date(`${plan.issuedOn}T10:00:00Z`);
      invoiceRows.push({
        workspaceId,
        id,
        accountId: plan.account.id,
        contractId: plan.contractId,
        sequence,
        number: `${plan.issuedOn.slice(0, 4)}-${String(sequence).padStart(5, '0')}`,
        status,
        currency: plan.currency,
        vatMode: 'included',
        paymentTermsDays: plan.terms,
        issuedOn: plan.issuedOn,
        dueOn,
        sentOn: status === 'issued' ? null : plan.issuedOn,
        paidOn: status === 'paid' ? (receivedOn as string) : null,
        netMinor: totals.netMinor,
        vatMinor: totals.vatMinor,
        grossMinor: totals.grossMinor,
        paidMinor,
        // NOTE: every row names every column (batches take their columns from the rows); the credit note sets it.
        creditedMinor: 0,
        createdAt,
        updatedAt: createdAt,
      });
      for (const [position, line] of lines.entries()) {
        lineRows.push({
          workspaceId,
          id: newId(),
          invoiceId: id,
          position,
          unit: null,
          ...line,
          ...lineAmounts({ ...line, vatRateBasisPoints: line.vatRate }, 'included'),
          createdAt,
          updatedAt: createdAt,
        });
      }
      if (paidMinor > 0 && receivedOn) {
        const paymentId = newId();
        // NOTE: one punctual payer in ten rounds up: the difference stays as the account's credit.
        const amountMinor = plan.payer === 'punctual' && random.chance(0.02) ? paidMinor + 100_000 : paidMinor;
        const paidAt = new Date(`${receivedOn}T12:00:00Z`);
        paymentRows.push({
          workspaceId,
          id: paymentId,
          accountId: plan.account.id,
          receivedOn,
          amountMinor,
          currency: plan.currency,
          allocatedMinor: paidMinor,
          reference: `${ctx.vocabulary.locale === 'ru' ? 'п/п' : 'ref'} ${random.digits(5)}`,
          createdAt: paidAt,
          updatedAt: paidAt,
        });
        allocationRows.push({
          workspaceId,
          id: newId(),
          paymentId,
          invoiceId: id,
          amountMinor: paidMinor,
          createdAt: paidAt,
          updatedAt: paidAt,
        });
      }
    }
    const documents = planDemoDocuments(
      random,
      { workspaceId, today, locale: ctx.vocabulary.locale },
      invoiceRows as Parameters<typeof planDemoDocuments>[2],
      lineRows,
    );
    await insertAll(ctx.db, invoices, invoiceRows);
    await insertAll(ctx.db, invoiceLines, lineRows);
    await insertAll(ctx.db, acts, documents.acts);
    await insertAll(ctx.db, creditNotes, documents.creditNotes);
    await insertAll(ctx.db, creditNoteLines, documents.creditNoteLines);
    await insertAll(ctx.db, payments, paymentRows);
    await insertAll(ctx.db, paymentAllocations, allocationRows);
    if (sequence > 0)
      await insertAll(ctx.db, numberingCounters, [{ workspaceId, series: 'invoice', lastNumber: sequence }]);
    if (documents.creditNotes.length > 0) {
      await insertAll(ctx.db, numberingCounters, [
        { workspaceId, series: 'credit_note', lastNumber: documents.creditNotes.length },
      ]);
    }
  },
};
