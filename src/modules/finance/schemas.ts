import { z } from 'zod';
import { currencies, maxMinorUnits } from '../../analytics/money/money';
import { commaList, listQuerySchema, totalFlag } from '../../platform/list-query';
import { isoDateSchema, optionalText } from '../../platform/schemas';
import { financeMessages } from './messages';

// NOTE: pure zod shared with the web app (decision 0004). Money travels in JSON as integers of
// minor units (`…Minor`), quantities as integers of thousandths (`quantityMilli`), VAT rates as
// integers of hundredths of a percent (2000 = 20 %) or null for «без НДС» (decision 0014).

export { type Currency, currencies } from '../../analytics/money/money';

export const contractKinds = ['services', 'supply', 'license', 'framework', 'other'] as const;
export type ContractKind = (typeof contractKinds)[number];
export const contractStatuses = ['draft', 'active', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof contractStatuses)[number];
/** `credited`: credit notes cover the whole invoice (nothing of it was paid). */
export const invoiceStatuses = ['draft', 'issued', 'sent', 'partly_paid', 'paid', 'credited', 'cancelled'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
/** Filter values of the invoice list: the statuses, and `overdue` (open and past due). */
export const invoiceStatusFilters = [...invoiceStatuses, 'overdue'] as const;
export const vatModes = ['included', 'excluded'] as const;
export type VatMode = (typeof vatModes)[number];
/** Standard Russian rates (22 % from 2026) and 0 %, offered until a workspace changes them. */
export const defaultVatRates = [0, 1000, 2000, 2200];

const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => (currencies as readonly string[]).includes(code), {
    params: { text: financeMessages.currencyUnsupported },
  })
  .transform((code) => code as (typeof currencies)[number]);

const amountRange = { params: { text: financeMessages.amountRange } };
/** A positive amount in minor units. */
export const positiveMinor = z
  .number()
  .int()
  .refine((value) => value > 0 && value <= maxMinorUnits, amountRange);
const nonNegativeMinor = z
  .number()
  .int()
  .refine((value) => value >= 0 && value <= maxMinorUnits, amountRange);
const vatRate = z.number().int().min(0).max(10_000);
const days = z.number().int().min(0).max(3650);

export const updateFinanceSettingsInput = z
  .strictObject({
    vatRates: z
      .array(vatRate)
      .max(20)
      .refine((rates) => new Set(rates).size === rates.length, { params: { text: financeMessages.duplicateRate } }),
    noVatAllowed: z.boolean(),
    defaultVatRate: vatRate.nullable(),
    vatMode: z.enum(vatModes),
    baseCurrency: currencySchema,
    paymentTermsDays: days,
  })
  .refine(
    (settings) =>
      settings.defaultVatRate === null ? settings.noVatAllowed : settings.vatRates.includes(settings.defaultVatRate),
    { path: ['defaultVatRate'], params: { text: financeMessages.defaultRateNotOffered } },
  );
export type UpdateFinanceSettingsInput = z.input<typeof updateFinanceSettingsInput>;

const contractFields = {
  accountId: z.uuid(),
  number: z.string().trim().min(1).max(100),
  signedOn: isoDateSchema,
  kind: z.enum(contractKinds),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullable(),
  valueMinor: nonNegativeMinor.nullable(),
  currency: currencySchema,
  autoRenewal: z.boolean(),
  paymentTermsDays: days,
  status: z.enum(contractStatuses),
  documentUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
  reminderDaysBefore: days,
  notes: optionalText(10_000),
};
const periodInOrder = (value: { startsOn?: string | undefined; endsOn?: string | null | undefined }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const periodIssue = { path: ['endsOn'], params: { text: financeMessages.periodOrder } };

export const createContractInput = z
  .strictObject({
    ...contractFields,
    endsOn: contractFields.endsOn.default(null),
    valueMinor: contractFields.valueMinor.default(null),
    autoRenewal: contractFields.autoRenewal.default(false),
    paymentTermsDays: contractFields.paymentTermsDays.default(10),
    status: contractFields.status.default('active'),
    documentUrl: contractFields.documentUrl.default(null),
    reminderDaysBefore: contractFields.reminderDaysBefore.default(30),
    notes: contractFields.notes,
  })
  .refine(periodInOrder, periodIssue);
export type CreateContractInput = z.input<typeof createContractInput>;

const { accountId: _accountId, ...editableContractFields } = contractFields;
export const updateContractInput = z.strictObject(editableContractFields).partial().refine(periodInOrder, periodIssue);
export type UpdateContractInput = z.input<typeof updateContractInput>;

export const listContractsQuery = listQuerySchema(['endsOn', 'signedOn', 'number', 'createdAt'], '-signedOn').extend({
  accountId: z.uuid().optional(),
  status: commaList(z.enum(contractStatuses)),
  /** Contracts whose renewal reminder date (end − reminder days) is on or before this date. */
  reminderDueBy: isoDateSchema.optional(),
  total: totalFlag,
});
export type ListContractsQuery = z.input<typeof listContractsQuery>;
export const exportContractsQuery = listContractsQuery
  .omit({ limit: true, cursor: true, total: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const invoiceLineInput = z.strictObject({
  description: z.string().trim().min(1).max(1000),
  unit: optionalText(30),
  quantityMilli: z.number().int().min(1).max(1_000_000_000),
  unitPriceMinor: nonNegativeMinor,
  vatRate: vatRate.nullable(),
});
export type InvoiceLineInput = z.input<typeof invoiceLineInput>;

const invoiceFields = {
  accountId: z.uuid(),
  contractId: z.uuid().nullable(),
  currency: currencySchema,
  vatMode: z.enum(vatModes),
  paymentTermsDays: days,
  notes: optionalText(10_000),
  lines: z.array(invoiceLineInput).max(200),
};
export const createInvoiceInput = z.strictObject({
  ...invoiceFields,
  contractId: invoiceFields.contractId.default(null),
  /** The workspace's default when omitted. */
  vatMode: invoiceFields.vatMode.optional(),
  /** The contract's terms, else the workspace's, when omitted. */
  paymentTermsDays: invoiceFields.paymentTermsDays.optional(),
  lines: invoiceFields.lines.default([]),
});
export type CreateInvoiceInput = z.input<typeof createInvoiceInput>;

const { accountId: _invoiceAccount, ...editableInvoiceFields } = invoiceFields;
export const updateInvoiceInput = z.strictObject(editableInvoiceFields).partial();
export type UpdateInvoiceInput = z.input<typeof updateInvoiceInput>;

export const issueInvoiceInput = z.strictObject({
  /** Today when omitted. */
  issuedOn: isoDateSchema.optional(),
});
export type IssueInvoiceInput = z.input<typeof issueInvoiceInput>;
export const sendInvoiceInput = z.strictObject({ sentOn: isoDateSchema.optional() });
export const cancelInvoiceInput = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type CancelInvoiceInput = z.input<typeof cancelInvoiceInput>;

export const listInvoicesQuery = listQuerySchema(
  ['number', 'issuedOn', 'dueOn', 'grossMinor', 'createdAt', 'status'],
  '-createdAt',
).extend({
  accountId: z.uuid().optional(),
  status: commaList(z.enum(invoiceStatusFilters)),
  currency: currencySchema.optional(),
  total: totalFlag,
});
export type ListInvoicesQuery = z.input<typeof listInvoicesQuery>;
export const exportInvoicesQuery = listInvoicesQuery
  .omit({ limit: true, cursor: true, total: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const allocationInput = z.strictObject({ invoiceId: z.uuid(), amountMinor: positiveMinor });
const allocationList = z
  .array(allocationInput)
  .max(100)
  .refine((list) => new Set(list.map((item) => item.invoiceId)).size === list.length, {
    params: { text: financeMessages.allocationDuplicate },
  });

export const recordPaymentInput = z.strictObject({
  accountId: z.uuid(),
  receivedOn: isoDateSchema,
  amountMinor: positiveMinor,
  currency: currencySchema,
  reference: optionalText(200),
  note: optionalText(2000),
  allocations: allocationList.default([]),
});
export type RecordPaymentInput = z.input<typeof recordPaymentInput>;
export const allocatePaymentInput = z.strictObject({ allocations: allocationList.min(1) });
export type AllocatePaymentInput = z.input<typeof allocatePaymentInput>;

export const listPaymentsQuery = listQuerySchema(['receivedOn', 'amountMinor', 'createdAt'], '-receivedOn').extend({
  accountId: z.uuid().optional(),
  /** Only payments with money left to allocate (the account's credit). */
  unallocated: totalFlag,
});
export type ListPaymentsQuery = z.input<typeof listPaymentsQuery>;
export const exportPaymentsQuery = listPaymentsQuery
  .omit({ limit: true, cursor: true, q: true, sort: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const receivablesQuery = z.object({
  accountId: z.uuid().optional(),
  /** Adds a total converted into this currency with the workspace's rates, when every rate exists. */
  convertTo: currencySchema.optional(),
  /** The day the ageing is taken on; today when omitted. */
  asOf: isoDateSchema.optional(),
});
export type ReceivablesQuery = z.input<typeof receivablesQuery>;
/** `me`: only the accounts the actor owns (their own follow-ups); `all`: every account they may see. */
export const reminderOwners = ['me', 'all'] as const;
export const chaseListQuery = z.object({
  accountId: z.uuid().optional(),
  owner: z.enum(reminderOwners).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const exportChaseListQuery = chaseListQuery
  .omit({ limit: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const remindersQuery = z.object({
  owner: z.enum(reminderOwners).default('me'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RemindersQuery = z.input<typeof remindersQuery>;

export const createActInput = z.strictObject({
  accountId: z.uuid(),
  /** The invoice the work was billed by; none yet for work done ahead of the invoice. */
  invoiceId: z.uuid().nullable().default(null),
  number: z.string().trim().min(1).max(100),
  actDate: isoDateSchema,
  amountMinor: positiveMinor,
  currency: currencySchema,
  signedOn: isoDateSchema.nullable().default(null),
  documentUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
});
export type CreateActInput = z.input<typeof createActInput>;
export const signActInput = z.strictObject({
  signedOn: isoDateSchema.nullable(),
  documentUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
});
export type SignActInput = z.input<typeof signActInput>;
export const listActsQuery = z.object({ accountId: z.uuid().optional(), invoiceId: z.uuid().optional() });
export type ListActsQuery = z.input<typeof listActsQuery>;
export const exportActsQuery = listActsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const createCreditNoteInput = z.strictObject({
  /** Today when omitted. */
  issuedOn: isoDateSchema.optional(),
  reason: z.string().trim().min(1).max(1000),
  /** What is credited, priced like invoice lines and with the invoice's VAT mode. */
  lines: z.array(invoiceLineInput).min(1).max(200),
});
export type CreateCreditNoteInput = z.input<typeof createCreditNoteInput>;
export const listCreditNotesQuery = z.object({ accountId: z.uuid().optional(), invoiceId: z.uuid().optional() });
export type ListCreditNotesQuery = z.input<typeof listCreditNotesQuery>;

export const listExchangeRatesQuery = z.object({ base: currencySchema.optional(), quote: currencySchema.optional() });
export type ListExchangeRatesQuery = z.input<typeof listExchangeRatesQuery>;
export const setExchangeRateInput = z
  .strictObject({
    rateOn: isoDateSchema,
    base: currencySchema,
    quote: currencySchema,
    /** Units of `quote` per unit of `base`, as decimal text of up to 8 places: `"92.5034"`. */
    rate: z
      .string()
      .trim()
      .refine((text) => /^\d{1,9}(?:[.,]\d{1,8})?$/.test(text) && /[1-9]/.test(text), {
        params: { text: financeMessages.rateFormat },
      }),
  })
  .refine((input) => input.base !== input.quote, { path: ['quote'], params: { text: financeMessages.samePair } });
export type SetExchangeRateInput = z.input<typeof setExchangeRateInput>;
