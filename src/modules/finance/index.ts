export { actRoutes } from './act-routes';
export { bankRoutes, statementUploadBody } from './bank/bank-routes';
export { financeCalendarEntries } from './calendar-entries';
export { creditNoteRoutes } from './credit-note-routes';
export { invoicedRevenueSeries, paymentDelaySeries } from './derived-series';
export {
  type MonthlyInvoiced,
  overdueInvoicesFact,
  paymentDelayFact,
  readMonthlyInvoiced,
  revenueFact,
} from './facts';
export { followUpRoutes } from './follow-up-routes';
export { invoiceRoutes } from './invoice-routes';
export { financeRoutes } from './routes';
export { createInvoice } from './save-invoice';
export {
  acts,
  bankTransactions,
  contracts,
  creditNoteLines,
  creditNotes,
  financeSettings,
  invoiceLines,
  invoices,
  numberingCounters,
  paymentAllocations,
  payments,
} from './schema';
export * from './schemas';
