import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { AgeingBucket, ContractKind, ContractStatus, Currency, InvoiceStatus, VatMode } from '../../api/shared';

// NOTE: money arrives as integers of minor units with its currency (decision 0014); the UI
// formats it with `formatMoney` and never turns it into a float.

type Ref = { id: string; name: string };

export type InvoiceSummary = {
  id: string;
  accountId: string;
  account: Ref;
  contractId: string | null;
  number: string | null;
  status: InvoiceStatus;
  overdue: boolean;
  daysOverdue: number;
  currency: Currency;
  vatMode: VatMode;
  paymentTermsDays: number;
  issuedOn: string | null;
  dueOn: string | null;
  sentOn: string | null;
  paidOn: string | null;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  paidMinor: number;
  creditedMinor: number;
  openMinor: number;
  version: number;
};

export type InvoiceLine = {
  id: string;
  description: string;
  unit: string | null;
  quantityMilli: number;
  unitPriceMinor: number;
  vatRate: number | null;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

export type Invoice = InvoiceSummary & {
  contract: { id: string; number: string } | null;
  notes: string | null;
  cancelReason: string | null;
  reissueOf: string | null;
  lines: InvoiceLine[];
  allocations: { paymentId: string; receivedOn: string; amountMinor: number; reference: string | null }[];
  acts: { id: string; number: string; actDate: string; amountMinor: number; signedOn: string | null }[];
  creditNotes: { id: string; number: string; issuedOn: string; grossMinor: number; reason: string }[];
};

export type CreditNote = {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  account: Ref;
  number: string;
  issuedOn: string;
  currency: Currency;
  reason: string;
  grossMinor: number;
};

export type Contract = {
  id: string;
  accountId: string;
  number: string;
  signedOn: string;
  kind: ContractKind;
  startsOn: string;
  endsOn: string | null;
  valueMinor: number | null;
  currency: Currency;
  autoRenewal: boolean;
  paymentTermsDays: number;
  status: ContractStatus;
  documentUrl: string | null;
  reminderOn: string | null;
  version: number;
};

export type Receivables = {
  asOf: string;
  currencies: {
    currency: Currency;
    openMinor: number;
    overdueMinor: number;
    buckets: Record<AgeingBucket, number>;
    openInvoices: number;
    invoicedMinor: number;
    dso: number | null;
    creditMinor: number;
  }[];
  converted?: {
    currency: Currency;
    totals: { openMinor: number; overdueMinor: number } | null;
    rates: { base: Currency; rateOn: string; rate: string }[];
    missingRates: Currency[];
  };
};

export type ChaseItem = {
  invoiceId: string;
  number: string | null;
  account: Ref;
  owner: Ref;
  currency: Currency;
  openMinor: number;
  dueOn: string;
  daysOverdue: number;
  nextAction: 'remind' | 'call' | 'escalate' | 'claim';
};

export type FinanceSettings = {
  vatRates: number[];
  noVatAllowed: boolean;
  defaultVatRate: number | null;
  vatMode: VatMode;
  baseCurrency: Currency;
  paymentTermsDays: number;
  version: number;
};

export type InvoiceFilters = { status?: string[]; q?: string; sort?: string; accountId?: string };

export const financeKeys = {
  all: ['finance'] as const,
  invoices: (filters: InvoiceFilters) => ['finance', 'invoices', filters] as const,
  invoice: (id: string) => ['finance', 'invoice', id] as const,
  contracts: (accountId: string) => ['finance', 'contracts', accountId] as const,
  receivables: (accountId?: string) => ['finance', 'receivables', accountId ?? 'all'] as const,
  chase: () => ['finance', 'chase'] as const,
  settings: () => ['finance', 'settings'] as const,
};

export function invoicesQuery(filters: InvoiceFilters) {
  return infiniteQueryOptions({
    queryKey: financeKeys.invoices(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<InvoiceSummary>>('/invoices', {
        query: { ...filters, cursor: pageParam, limit: 50, total: pageParam === undefined },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export const invoiceQuery = (id: string) =>
  queryOptions({
    queryKey: financeKeys.invoice(id),
    queryFn: ({ signal }) => api.get<Invoice>(`/invoices/${id}`, { signal }),
  });

export const contractsQuery = (accountId: string) =>
  queryOptions({
    queryKey: financeKeys.contracts(accountId),
    queryFn: ({ signal }) => api.get<Page<Contract>>('/contracts', { query: { accountId, limit: 100 }, signal }),
  });

export const receivablesQuery = (accountId?: string) =>
  queryOptions({
    queryKey: financeKeys.receivables(accountId),
    queryFn: ({ signal }) => api.get<Receivables>('/receivables', { query: { accountId }, signal }),
  });

export const chaseQuery = queryOptions({
  queryKey: financeKeys.chase(),
  queryFn: ({ signal }) => api.get<{ items: ChaseItem[] }>('/receivables/chase', { signal }),
});

export const accountCreditNotesQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['finance', 'credit-notes', accountId] as const,
    queryFn: ({ signal }) => api.get<{ items: CreditNote[] }>('/credit-notes', { query: { accountId }, signal }),
  });

export const financeSettingsQuery = queryOptions({
  queryKey: financeKeys.settings(),
  queryFn: ({ signal }) => api.get<FinanceSettings>('/finance/settings', { signal }),
});

import { downloadList, type ExportFormat } from '../../shared/download';

/** Downloads the filtered invoice list as CSV or XLSX, in the UI language. */
export function downloadInvoices(filters: InvoiceFilters, format: ExportFormat): Promise<void> {
  const { sort: _sort, ...query } = filters;
  return downloadList('/invoices/export', 'invoices', query, format);
}

export type RenewalReminder = {
  contractId: string;
  number: string;
  account: Ref;
  endsOn: string;
  reminderOn: string;
  daysToEnd: number;
  autoRenewal: boolean;
  valueMinor: number | null;
  currency: Currency;
  nextStep: 'confirm_auto_renewal' | 'negotiate_renewal' | 'ended';
};

export const myRemindersQuery = queryOptions({
  queryKey: ['finance', 'reminders', 'me'] as const,
  queryFn: ({ signal }) =>
    api.get<{ asOf: string; renewals: RenewalReminder[]; overdueInvoices: ChaseItem[] }>('/finance/reminders', {
      query: { owner: 'me' },
      signal,
    }),
});

/** Any finance write: afterwards every finance list and total is read again. */
export function useFinanceMutation<Input, Result>(run: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: financeKeys.all }),
  });
}

export type LineDraft = { description: string; quantityMilli: number; unitPriceMinor: number; vatRate: number | null };

export const financeApi = {
  createInvoice: (body: {
    accountId: string;
    currency: Currency;
    vatMode: VatMode;
    contractId: string | null;
    lines: LineDraft[];
  }) => api.post<Invoice>('/invoices', body),
  updateInvoice: ({
    id,
    version,
    ...body
  }: {
    id: string;
    version: number;
    lines: LineDraft[];
    vatMode: VatMode;
    currency: Currency;
  }) => api.patch<Invoice>(`/invoices/${id}`, body, { ifMatch: version }),
  transition: ({
    id,
    version,
    action,
    body,
  }: {
    id: string;
    version: number;
    action: 'issue' | 'send' | 'cancel';
    body: object;
  }) => api.post<Invoice>(`/invoices/${id}/${action}`, body, { ifMatch: version }),
  reissue: (id: string) => api.post<Invoice>(`/invoices/${id}/reissue`),
  recordPayment: (body: {
    accountId: string;
    receivedOn: string;
    amountMinor: number;
    currency: Currency;
    reference: string | null;
    allocations: { invoiceId: string; amountMinor: number }[];
  }) => api.post<{ id: string; unallocatedMinor: number }>('/payments', body),
  createCreditNote: ({ invoiceId, ...body }: { invoiceId: string; reason: string; lines: LineDraft[] }) =>
    api.post<CreditNote>(`/invoices/${invoiceId}/credit-notes`, body),
  createContract: (body: Record<string, unknown>) => api.post<Contract>('/contracts', body),
  createAct: (body: {
    accountId: string;
    invoiceId: string;
    number: string;
    actDate: string;
    amountMinor: number;
    currency: Currency;
    signedOn: string | null;
    documentUrl: string | null;
  }) => api.post<{ id: string }>('/acts', body),
};

export type StatementImport = {
  lines: number;
  duplicates: number;
  skipped: number;
  matched: number;
  unmatched: number;
  problems: { line: number; field: string; value: string }[];
};

export type BankTransaction = {
  id: string;
  bookedOn: string;
  amountMinor: number;
  currency: Currency;
  payer: string | null;
  purpose: string | null;
  reference: string | null;
  status: 'matched' | 'unmatched';
};

export const unmatchedBankQuery = queryOptions({
  queryKey: ['finance', 'bank', 'unmatched'] as const,
  queryFn: ({ signal }) =>
    api.get<{ items: BankTransaction[]; total: number }>('/bank-transactions', {
      query: { status: 'unmatched', limit: 200 },
      signal,
    }),
});

export const bankApi = {
  importStatement: (file: Blob) => api.upload<StatementImport>('/bank-statements', file),
  /** Matches a line to the invoice with this number (found by the list's search). */
  matchToInvoiceNumber: async ({ id, number }: { id: string; number: string }) => {
    const found = await api.get<Page<InvoiceSummary>>('/invoices', { query: { q: number, limit: 5 } });
    const invoice = found.items.find((candidate) => candidate.number === number.trim());
    return api.post<BankTransaction>(`/bank-transactions/${id}/match`, { invoiceId: invoice?.id ?? null });
  },
};

/** The workspace's receivables converted into one currency with its exchange rates. */
export const convertedReceivablesQuery = (currency: Currency) =>
  queryOptions({
    queryKey: ['finance', 'receivables', 'converted', currency] as const,
    queryFn: ({ signal }) => api.get<Receivables>('/receivables', { query: { convertTo: currency }, signal }),
  });

export const setExchangeRate = (body: { rateOn: string; base: Currency; quote: Currency; rate: string }) =>
  api.put<{ id: string }>('/exchange-rates', body);
