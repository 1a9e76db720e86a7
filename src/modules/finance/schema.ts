import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, workspaceIsolation } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { workspaces } from '../workspaces';

// NOTE: every amount is a bigint count of minor units of the row's ISO currency, read as a JS
// number (amounts are capped at 10^13, far inside 2^53); see docs/decisions/0014-finance.md.
const minorUnits = () => bigint({ mode: 'number' });

/** The workspace's finance settings: VAT rates offered, the base currency and defaults. */
export const financeSettings = pgTable(
  'finance_settings',
  {
    ...tenantColumns(),
    /** Rates in hundredths of a percent (2200 = 22 %). */
    vatRates: integer().array().notNull(),
    /** Whether «без НДС» (not subject to VAT) is offered. */
    noVatAllowed: boolean().notNull(),
    defaultVatRate: integer(),
    vatMode: text().notNull(),
    baseCurrency: text().notNull(),
    paymentTermsDays: integer().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('finance_settings_workspace_key').on(table.workspaceId),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/** Contracts with an account: dates, value, renewal, payment terms, the signed file. */
export const contracts = pgTable(
  'contracts',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    number: text().notNull(),
    signedOn: date({ mode: 'string' }).notNull(),
    kind: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    valueMinor: minorUnits(),
    currency: text().notNull(),
    autoRenewal: boolean().notNull().default(false),
    paymentTermsDays: integer().notNull(),
    status: text().notNull(),
    documentUrl: text(),
    reminderDaysBefore: integer().notNull(),
    notes: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('contracts_number_key').on(table.workspaceId, table.accountId, table.number),
    foreignKey({
      name: 'contracts_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    index('contracts_ends_on_idx').on(table.workspaceId, table.endsOn),
    check('contracts_period_check', sql`ends_on is null or ends_on >= starts_on`),
  ],
);

/**
 * Invoices. A draft has no number; issuing takes the next number of the workspace's sequence in
 * the issuing transaction. `paid_minor` is the sum of the allocations, kept under the invoice's
 * row lock so nothing is ever allocated beyond what is open.
 */
export const invoices = pgTable(
  'invoices',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    contractId: uuid(),
    sequence: integer(),
    number: text(),
    status: text().notNull(),
    currency: text().notNull(),
    vatMode: text().notNull(),
    paymentTermsDays: integer().notNull(),
    issuedOn: date({ mode: 'string' }),
    dueOn: date({ mode: 'string' }),
    sentOn: date({ mode: 'string' }),
    paidOn: date({ mode: 'string' }),
    netMinor: minorUnits().notNull().default(0),
    vatMinor: minorUnits().notNull().default(0),
    grossMinor: minorUnits().notNull().default(0),
    paidMinor: minorUnits().notNull().default(0),
    /** The sum of the invoice's credit notes: it reduces what the client owes. */
    creditedMinor: minorUnits().notNull().default(0),
    notes: text(),
    cancelReason: text(),
    /** The cancelled invoice this one re-issues. */
    reissueOf: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('invoices_sequence_key').on(table.workspaceId, table.sequence),
    foreignKey({
      name: 'invoices_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'invoices_contract_fk',
      columns: [table.workspaceId, table.contractId],
      foreignColumns: [contracts.workspaceId, contracts.id],
    }),
    index('invoices_account_idx').on(table.workspaceId, table.accountId),
    index('invoices_open_idx')
      .on(table.workspaceId, table.dueOn)
      .where(sql`status in ('issued', 'sent', 'partly_paid')`),
    index('invoices_issued_on_idx').on(table.workspaceId, table.issuedOn),
    // Bank statements name invoices by number in the payment's purpose.
    index('invoices_number_idx').on(table.workspaceId, table.number),
    check(
      'invoices_settled_check',
      sql`paid_minor >= 0 and credited_minor >= 0 and paid_minor + credited_minor <= gross_minor`,
    ),
  ],
);

/** The lines of an invoice, with their rounded amounts (decision 0014: VAT per line). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    ...tenantColumns(),
    invoiceId: uuid().notNull(),
    position: integer().notNull(),
    description: text().notNull(),
    unit: text(),
    quantityMilli: bigint({ mode: 'number' }).notNull(),
    unitPriceMinor: minorUnits().notNull(),
    vatRate: integer(),
    netMinor: minorUnits().notNull(),
    vatMinor: minorUnits().notNull(),
    grossMinor: minorUnits().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'invoice_lines_invoice_fk',
      columns: [table.workspaceId, table.invoiceId],
      foreignColumns: [invoices.workspaceId, invoices.id],
    }).onDelete('cascade'),
    index('invoice_lines_invoice_idx').on(table.workspaceId, table.invoiceId, table.position),
  ],
);

/**
 * Credit notes (корректировочные счета-фактуры) against an issued invoice: numbered in their own
 * series when created, never changed afterwards; their gross reduces what the invoice's client owes.
 */
export const creditNotes = pgTable(
  'credit_notes',
  {
    ...tenantColumns(),
    invoiceId: uuid().notNull(),
    accountId: uuid().notNull(),
    sequence: integer().notNull(),
    number: text().notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    currency: text().notNull(),
    vatMode: text().notNull(),
    reason: text().notNull(),
    netMinor: minorUnits().notNull(),
    vatMinor: minorUnits().notNull(),
    grossMinor: minorUnits().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('credit_notes_sequence_key').on(table.workspaceId, table.sequence),
    foreignKey({
      name: 'credit_notes_invoice_fk',
      columns: [table.workspaceId, table.invoiceId],
      foreignColumns: [invoices.workspaceId, invoices.id],
    }),
    foreignKey({
      name: 'credit_notes_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    index('credit_notes_invoice_idx').on(table.workspaceId, table.invoiceId),
    index('credit_notes_account_idx').on(table.workspaceId, table.accountId, table.issuedOn),
    check('credit_notes_gross_check', sql`gross_minor > 0`),
  ],
);

/** The lines of a credit note, rounded like invoice lines (decision 0014: VAT per line). */
export const creditNoteLines = pgTable(
  'credit_note_lines',
  {
    ...tenantColumns(),
    creditNoteId: uuid().notNull(),
    position: integer().notNull(),
    description: text().notNull(),
    unit: text(),
    quantityMilli: bigint({ mode: 'number' }).notNull(),
    unitPriceMinor: minorUnits().notNull(),
    vatRate: integer(),
    netMinor: minorUnits().notNull(),
    vatMinor: minorUnits().notNull(),
    grossMinor: minorUnits().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'credit_note_lines_credit_note_fk',
      columns: [table.workspaceId, table.creditNoteId],
      foreignColumns: [creditNotes.workspaceId, creditNotes.id],
    }).onDelete('cascade'),
    index('credit_note_lines_note_idx').on(table.workspaceId, table.creditNoteId, table.position),
  ],
);

/** The last number given in each of the workspace's numbering series (`invoice`, `credit_note`). */
export const numberingCounters = pgTable(
  'numbering_counters',
  {
    workspaceId: uuid().notNull(),
    series: text().notNull(),
    lastNumber: integer().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.series] }),
    workspaceIsolation(),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/** Money received from an account; what no allocation uses is the account's credit. */
export const payments = pgTable(
  'payments',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    amountMinor: minorUnits().notNull(),
    currency: text().notNull(),
    allocatedMinor: minorUnits().notNull().default(0),
    reference: text(),
    note: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'payments_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    index('payments_account_idx').on(table.workspaceId, table.accountId, table.receivedOn),
    check(
      'payments_allocated_check',
      sql`amount_minor > 0 and allocated_minor >= 0 and allocated_minor <= amount_minor`,
    ),
  ],
);

/** How much of a payment pays which invoice. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    ...tenantColumns(),
    paymentId: uuid().notNull(),
    invoiceId: uuid().notNull(),
    amountMinor: minorUnits().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'payment_allocations_payment_fk',
      columns: [table.workspaceId, table.paymentId],
      foreignColumns: [payments.workspaceId, payments.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'payment_allocations_invoice_fk',
      columns: [table.workspaceId, table.invoiceId],
      foreignColumns: [invoices.workspaceId, invoices.id],
    }),
    uniqueIndex('payment_allocations_pair_key').on(table.workspaceId, table.paymentId, table.invoiceId),
    index('payment_allocations_invoice_idx').on(table.workspaceId, table.invoiceId),
    check('payment_allocations_amount_check', sql`amount_minor > 0`),
  ],
);

/** Acts of completed work (акты выполненных работ): what was delivered for an invoice, and when the client signed. */
export const acts = pgTable(
  'acts',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    invoiceId: uuid(),
    number: text().notNull(),
    actDate: date({ mode: 'string' }).notNull(),
    amountMinor: minorUnits().notNull(),
    currency: text().notNull(),
    signedOn: date({ mode: 'string' }),
    documentUrl: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('acts_number_key').on(table.workspaceId, table.number),
    foreignKey({
      name: 'acts_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'acts_invoice_fk',
      columns: [table.workspaceId, table.invoiceId],
      foreignColumns: [invoices.workspaceId, invoices.id],
    }),
    index('acts_invoice_idx').on(table.workspaceId, table.invoiceId),
  ],
);

/**
 * Incoming lines of imported bank statements. `fingerprint` (a hash of the line's fields and its
 * occurrence in the file) is unique per workspace, so importing a statement again adds nothing and
 * pays nothing twice. A matched line points at the payment it became.
 */
export const bankTransactions = pgTable(
  'bank_transactions',
  {
    ...tenantColumns(),
    fingerprint: text().notNull(),
    bookedOn: date({ mode: 'string' }).notNull(),
    amountMinor: minorUnits().notNull(),
    currency: text().notNull(),
    payer: text(),
    purpose: text(),
    reference: text(),
    /** `matched` (became a payment), `unmatched` (waits for a person). */
    status: text().notNull(),
    /** `number` (an invoice number in the purpose), `amount` (the one open invoice of that amount), `manual`. */
    matchedBy: text(),
    paymentId: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('bank_transactions_fingerprint_key').on(table.workspaceId, table.fingerprint),
    foreignKey({
      name: 'bank_transactions_payment_fk',
      columns: [table.workspaceId, table.paymentId],
      foreignColumns: [payments.workspaceId, payments.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('bank_transactions_status_idx').on(table.workspaceId, table.status, table.bookedOn),
    check('bank_transactions_amount_check', sql`amount_minor > 0`),
  ],
);

/** Exchange rates the workspace enters per date (no network): units of `quote` per unit of `base`, scaled by 10^8. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    ...tenantColumns(),
    rateOn: date({ mode: 'string' }).notNull(),
    base: text().notNull(),
    quote: text().notNull(),
    rateScaled: bigint({ mode: 'bigint' }).notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('exchange_rates_pair_day_key').on(table.workspaceId, table.base, table.quote, table.rateOn),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    check('exchange_rates_positive_check', sql`rate_scaled > 0 and base <> quote`),
  ],
);
