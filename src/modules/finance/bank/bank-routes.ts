import { z } from '@hono/zod-openapi';
import { IdParams, json, problem } from '../../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../../platform/http/route';
import { runInWorkspace } from '../../../platform/http/use-case-runner';
import { currencies } from '../schemas';
import { listBankTransactions, matchBankTransaction } from './bank-transactions';
import { importStatement } from './import-statement';
import { statementFields } from './read-statement';
import {
  bankTransactionStatuses,
  importStatementQuery,
  listBankTransactionsQuery,
  matchBankTransactionInput,
  matchKinds,
} from './schemas';

const tags = ['Finance'];

/** A statement of 10,000 lines is about 2 MB; the API's usual limit is 1 MB. */
export const statementUploadBody = { path: /^\/api\/v1\/bank-statements$/, maxBytes: 20 * 1024 * 1024 };

const BankTransactionSchema = z
  .object({
    id: z.uuid(),
    bookedOn: z.string().meta({ description: 'YYYY-MM-DD' }),
    amountMinor: z.number().int(),
    currency: z.enum(currencies),
    payer: z.string().nullable(),
    purpose: z.string().nullable(),
    reference: z.string().nullable(),
    status: z.enum(bankTransactionStatuses),
    matchedBy: z.enum(matchKinds).nullable(),
    paymentId: z.uuid().nullable(),
  })
  .meta({ id: 'BankTransaction' });

const StatementImportSchema = z
  .object({
    lines: z.number().int().meta({ description: 'Incoming lines read' }),
    duplicates: z.number().int().meta({ description: 'Lines already imported before: not paid again' }),
    skipped: z.number().int().meta({ description: 'Outgoing lines' }),
    matched: z.number().int(),
    unmatched: z.number().int(),
    mapping: z.partialRecord(z.enum(statementFields), z.string()),
    problems: z.array(z.object({ line: z.number().int(), field: z.enum(statementFields), value: z.string() })),
  })
  .meta({ id: 'StatementImport' });

/** Bank statements: import with matching, the lines waiting for a person, matching by hand. */
export function bankRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/bank-statements',
      tags,
      summary:
        'Import a bank statement (CSV or XLSX bytes as the body): incoming lines matched to invoices by number or amount become payments; importing it again pays nothing twice',
      request: {
        query: importStatementQuery,
        body: {
          required: true,
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
      responses: {
        200: { description: 'What was imported and matched', ...json(StatementImportSchema) },
        413: problem('The file is larger than 20 MB'),
        422: problem('No lines, or no date or amount column'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await runInWorkspace(c, (ctx) => importStatement(ctx, bytes, query)), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read-all', {
      method: 'get',
      path: '/bank-transactions',
      tags,
      summary:
        'Imported statement lines, the latest first; `status=unmatched` lists those waiting to be matched by hand',
      request: { query: listBankTransactionsQuery },
      responses: {
        200: {
          description: 'Lines',
          ...json(
            z
              .object({ items: z.array(BankTransactionSchema), total: z.number().int() })
              .meta({ id: 'BankTransactionList' }),
          ),
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await runInWorkspace(c, (ctx) => listBankTransactions(ctx, query)), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/bank-transactions/{id}/match',
      tags,
      summary:
        'Match an unmatched line by hand: to an invoice (paid up to what is open) or to an account (kept as credit)',
      request: {
        params: IdParams,
        body: { required: true, ...json(matchBankTransactionInput.meta({ id: 'BankTransactionMatch' })) },
      },
      responses: {
        200: { description: 'Matched', ...json(BankTransactionSchema) },
        404: problem('No such line'),
        422: problem('Already matched, or the invoice does not take this payment'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await runInWorkspace(c, (ctx) => matchBankTransaction(ctx, id, input)), 200);
    },
  );

  return router;
}
