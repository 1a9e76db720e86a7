import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { json } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { defaultLocale } from '../../platform/i18n/locale';
import { exportActs, exportChaseList, exportContracts, exportPayments } from './export-lists';
import { RemindersSchema } from './openapi';
import { getReminders } from './reminders';
import {
  exportActsQuery,
  exportChaseListQuery,
  exportContractsQuery,
  exportPaymentsQuery,
  remindersQuery,
} from './schemas';

const tags = ['Finance'];

/**
 * An owner's reminders (renewals due, invoices to chase) and the payment, chase, contract and act
 * lists as files.
 * NOTE: mounted before the finance routes, so `/payments/export` is not read as a payment's id
 * (nor `/contracts/export` or `/acts/export` as a contract's or an act's).
 */
export function followUpRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/finance/reminders',
      tags,
      summary:
        'The reader’s follow-ups: contracts whose renewal reminder has come and overdue invoices, each with the next step',
      request: { query: remindersQuery },
      responses: { 200: { description: 'Reminders', ...json(RemindersSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await runInWorkspace(c, (ctx) => getReminders(ctx, query)), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/payments/export',
      tags,
      summary: 'The payment list as CSV (UTF-8 with BOM) or XLSX in the reader’s language, with the same filters',
      request: { query: exportPaymentsQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const file = await runInWorkspace(c, (ctx) => exportPayments(ctx, query, c.get('locale') ?? defaultLocale));
      return sendTableFile(c, file);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/receivables/chase/export',
      tags,
      summary: 'The chase list as CSV (UTF-8 with BOM) or XLSX in the reader’s language, with the same filters',
      request: { query: exportChaseListQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const file = await runInWorkspace(c, (ctx) => exportChaseList(ctx, query, c.get('locale') ?? defaultLocale));
      return sendTableFile(c, file);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/contracts/export',
      tags,
      summary: 'The contract list as CSV (UTF-8 with BOM) or XLSX in the reader’s language, with the same filters',
      request: { query: exportContractsQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const file = await runInWorkspace(c, (ctx) => exportContracts(ctx, query, c.get('locale') ?? defaultLocale));
      return sendTableFile(c, file);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/acts/export',
      tags,
      summary: 'Acts of completed work as CSV (UTF-8 with BOM) or XLSX in the reader’s language, by account or invoice',
      request: { query: exportActsQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const file = await runInWorkspace(c, (ctx) => exportActs(ctx, query, c.get('locale') ?? defaultLocale));
      return sendTableFile(c, file);
    },
  );

  return router;
}
