import { z } from '@hono/zod-openapi';
import { ageingBuckets } from '../../analytics/money/ageing';
import { pageOf } from '../../platform/http/openapi-schemas';
import { chaseActions } from './chase-list';
import { renewalSteps } from './reminders';
import { contractKinds, contractStatuses, currencies, invoiceStatuses, vatModes } from './schemas';

// NOTE: the response bodies of the finance API, named in the OpenAPI document. Money is an
// integer of minor units (`…Minor`) with the ISO currency beside it (decision 0014).

const Currency = z.enum(currencies);
const Minor = z.number().int().meta({ description: 'Minor units (kopecks, cents) of the currency' });
const AccountRef = z.object({ id: z.uuid(), name: z.string() });
const IsoDate = z.string().meta({ description: 'YYYY-MM-DD' });

export const FinanceSettingsSchema = z
  .object({
    vatRates: z.array(z.number().int()).meta({ description: 'Hundredths of a percent: 2200 = 22 %' }),
    noVatAllowed: z.boolean().meta({ description: 'Whether «без НДС» is offered' }),
    defaultVatRate: z.number().int().nullable(),
    vatMode: z.enum(vatModes),
    baseCurrency: Currency,
    paymentTermsDays: z.number().int(),
    version: z.number().int().meta({ description: '0 until the settings are first changed' }),
  })
  .meta({ id: 'FinanceSettings' });

export const ContractSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    account: AccountRef,
    number: z.string(),
    signedOn: IsoDate,
    kind: z.enum(contractKinds),
    startsOn: IsoDate,
    endsOn: IsoDate.nullable(),
    valueMinor: Minor.nullable(),
    currency: Currency,
    autoRenewal: z.boolean(),
    paymentTermsDays: z.number().int(),
    status: z.enum(contractStatuses),
    documentUrl: z.string().nullable(),
    reminderDaysBefore: z.number().int(),
    reminderOn: IsoDate.nullable().meta({ description: 'The end date less the reminder days' }),
    notes: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contract' });
export const ContractPageSchema = pageOf(ContractSchema, { total: true }).meta({ id: 'ContractPage' });

const invoiceSummaryShape = {
  id: z.uuid(),
  accountId: z.uuid(),
  account: AccountRef,
  contractId: z.uuid().nullable(),
  number: z.string().nullable().meta({ description: 'Given when the invoice is issued' }),
  status: z.enum(invoiceStatuses),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  currency: Currency,
  vatMode: z.enum(vatModes),
  paymentTermsDays: z.number().int(),
  issuedOn: IsoDate.nullable(),
  dueOn: IsoDate.nullable(),
  sentOn: IsoDate.nullable(),
  paidOn: IsoDate.nullable(),
  netMinor: Minor,
  vatMinor: Minor,
  grossMinor: Minor,
  paidMinor: Minor,
  creditedMinor: Minor.meta({ description: 'The sum of the invoice’s credit notes' }),
  openMinor: Minor.meta({ description: 'gross − paid − credited while the invoice is open' }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const DocumentLineSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    description: z.string(),
    unit: z.string().nullable(),
    quantityMilli: z.number().int().meta({ description: 'Thousandths of a unit' }),
    unitPriceMinor: Minor,
    vatRate: z.number().int().nullable().meta({ description: 'Hundredths of a percent; null: без НДС' }),
    netMinor: Minor,
    vatMinor: Minor,
    grossMinor: Minor,
  })
  .meta({ id: 'DocumentLine' });

export const InvoiceSummarySchema = z.object(invoiceSummaryShape).meta({ id: 'InvoiceSummary' });
export const InvoicePageSchema = pageOf(InvoiceSummarySchema, { total: true }).meta({ id: 'InvoicePage' });

export const InvoiceSchema = z
  .object({
    ...invoiceSummaryShape,
    contract: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    notes: z.string().nullable(),
    cancelReason: z.string().nullable(),
    reissueOf: z.uuid().nullable(),
    lines: z.array(DocumentLineSchema),
    allocations: z.array(
      z.object({ paymentId: z.uuid(), receivedOn: IsoDate, amountMinor: Minor, reference: z.string().nullable() }),
    ),
    acts: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        actDate: IsoDate,
        amountMinor: Minor,
        signedOn: IsoDate.nullable(),
      }),
    ),
    creditNotes: z.array(
      z.object({ id: z.uuid(), number: z.string(), issuedOn: IsoDate, grossMinor: Minor, reason: z.string() }),
    ),
  })
  .meta({ id: 'Invoice' });

const creditNoteShape = {
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  accountId: z.uuid(),
  account: AccountRef,
  number: z.string().meta({ description: 'CN-2026/00007: its own gap-free series' }),
  issuedOn: IsoDate,
  currency: Currency,
  vatMode: z.enum(vatModes),
  reason: z.string(),
  netMinor: Minor,
  vatMinor: Minor,
  grossMinor: Minor,
  version: z.number().int(),
  createdAt: z.string(),
};
export const CreditNoteSchema = z
  .object({ ...creditNoteShape, lines: z.array(DocumentLineSchema) })
  .meta({ id: 'CreditNote' });
export const CreditNoteListSchema = z
  .object({ items: z.array(z.object(creditNoteShape).meta({ id: 'CreditNoteSummary' })) })
  .meta({ id: 'CreditNoteList' });

const paymentShape = {
  id: z.uuid(),
  accountId: z.uuid(),
  account: AccountRef,
  receivedOn: IsoDate,
  amountMinor: Minor,
  currency: Currency,
  allocatedMinor: Minor,
  unallocatedMinor: Minor.meta({ description: 'Not allocated yet: the account’s credit' }),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
};
export const PaymentPageSchema = pageOf(z.object(paymentShape).meta({ id: 'PaymentSummary' })).meta({
  id: 'PaymentPage',
});
export const PaymentSchema = z
  .object({
    ...paymentShape,
    allocations: z.array(z.object({ invoiceId: z.uuid(), number: z.string().nullable(), amountMinor: Minor })),
  })
  .meta({ id: 'Payment' });

export const ReceivablesSchema = z
  .object({
    asOf: IsoDate,
    currencies: z.array(
      z.object({
        currency: Currency,
        openMinor: Minor,
        overdueMinor: Minor,
        buckets: z.object(
          Object.fromEntries(ageingBuckets.map((bucket) => [bucket, Minor])) as Record<
            (typeof ageingBuckets)[number],
            typeof Minor
          >,
        ),
        openInvoices: z.number().int(),
        invoicedMinor: Minor.meta({ description: 'Issued over the last 365 days' }),
        dso: z.number().int().nullable().meta({ description: 'Days sales outstanding over the last 365 days' }),
        creditMinor: Minor,
      }),
    ),
    converted: z
      .object({
        currency: Currency,
        totals: z
          .object({ openMinor: Minor, overdueMinor: Minor, buckets: z.record(z.enum(ageingBuckets), Minor) })
          .nullable()
          .meta({ description: 'Null when a currency has no rate (see missingRates): never assumed' }),
        rates: z.array(z.object({ base: Currency, rateOn: IsoDate, rate: z.string() })),
        missingRates: z.array(Currency),
      })
      .optional()
      .meta({ description: 'With `convertTo`: the totals converted at the latest rates on or before asOf' }),
  })
  .meta({ id: 'Receivables' });

export const ExchangeRateSchema = z
  .object({
    id: z.uuid(),
    rateOn: IsoDate,
    base: Currency,
    quote: Currency,
    rate: z.string().meta({ description: 'Units of quote per unit of base, exact decimal text' }),
  })
  .meta({ id: 'ExchangeRate' });

const ChaseItemSchema = z
  .object({
    invoiceId: z.uuid(),
    number: z.string().nullable(),
    account: AccountRef,
    owner: AccountRef,
    currency: Currency,
    openMinor: Minor,
    dueOn: IsoDate,
    daysOverdue: z.number().int(),
    nextAction: z.enum(chaseActions),
  })
  .meta({ id: 'ChaseItem' });
export const ChaseListSchema = z.object({ items: z.array(ChaseItemSchema) }).meta({ id: 'ChaseList' });

export const RemindersSchema = z
  .object({
    asOf: IsoDate,
    renewals: z.array(
      z.object({
        contractId: z.uuid(),
        number: z.string(),
        account: AccountRef,
        endsOn: IsoDate,
        reminderOn: IsoDate,
        daysToEnd: z.number().int().meta({ description: 'Negative once the end has passed' }),
        autoRenewal: z.boolean(),
        valueMinor: Minor.nullable(),
        currency: Currency,
        nextStep: z.enum(renewalSteps),
      }),
    ),
    overdueInvoices: z.array(ChaseItemSchema),
  })
  .meta({ id: 'Reminders' });

export const ActSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    account: AccountRef,
    invoiceId: z.uuid().nullable(),
    invoiceNumber: z.string().nullable(),
    number: z.string(),
    actDate: IsoDate,
    amountMinor: Minor,
    currency: Currency,
    signedOn: IsoDate.nullable(),
    documentUrl: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Act' });
export const ActListSchema = z.object({ items: z.array(ActSchema) }).meta({ id: 'ActList' });

export const DocumentChecksSchema = z
  .object({
    paidWithoutSignedAct: z.array(
      z.object({ invoiceId: z.uuid(), number: z.string().nullable(), account: AccountRef }),
    ),
    signedNotInvoiced: z.array(z.object({ actId: z.uuid(), number: z.string(), account: AccountRef })),
  })
  .meta({ id: 'DocumentChecks' });
