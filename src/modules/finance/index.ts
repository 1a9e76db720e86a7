export { actRoutes } from './act-routes';
export { paymentDelayFact, revenueFact } from './facts';
export { invoiceRoutes } from './invoice-routes';
export { financeRoutes } from './routes';
export { createInvoice } from './save-invoice';
export {
  acts,
  contracts,
  financeSettings,
  invoiceLines,
  invoices,
  numberingCounters,
  paymentAllocations,
  payments,
} from './schema';
export * from './schemas';
