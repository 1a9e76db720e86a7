import { z } from 'zod';
import { delimiters, textEncodings } from '../../imports/formats/table';
import { bankMessages } from '../messages';

// NOTE: pure zod shared with the web app (decision 0004).

const column = z.string().trim().min(1).max(200).optional();

/** How to read a statement: the columns, when the headers are not ones Accord knows. */
export const importStatementQuery = z.object({
  dateColumn: column,
  amountColumn: column,
  creditColumn: column,
  currencyColumn: column,
  payerColumn: column,
  purposeColumn: column,
  referenceColumn: column,
  encoding: z.enum(textEncodings).optional(),
  delimiter: z.enum(delimiters).optional(),
});
export type ImportStatementQuery = z.input<typeof importStatementQuery>;

export const bankTransactionStatuses = ['matched', 'unmatched'] as const;
export type BankTransactionStatus = (typeof bankTransactionStatuses)[number];
export const matchKinds = ['number', 'amount', 'manual'] as const;
export type MatchKind = (typeof matchKinds)[number];

export const listBankTransactionsQuery = z.object({
  status: z.enum(bankTransactionStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListBankTransactionsQuery = z.input<typeof listBankTransactionsQuery>;

/** A person matches a line to an invoice (the payment goes to it) or only to an account (it stays credit). */
export const matchBankTransactionInput = z
  .strictObject({ invoiceId: z.uuid().optional(), accountId: z.uuid().optional() })
  .refine((input) => (input.invoiceId === undefined) !== (input.accountId === undefined), {
    path: ['invoiceId'],
    params: { text: bankMessages.giveInvoiceOrAccount },
  });
export type MatchBankTransactionInput = z.input<typeof matchBankTransactionInput>;
