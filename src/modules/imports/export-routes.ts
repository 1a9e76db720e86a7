import { localeOf } from '../../platform/http/context';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { problem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import {
  exportAccounts,
  exportAccountsQuery,
  exportContacts,
  exportContactsQuery,
  exportInteractions,
  exportInteractionsQuery,
} from './export-list';

const importable = {
  ...tableFileResponse,
  description: 'The list as a file (CSV in UTF-8 with BOM, or XLSX), importable back as source `accord`',
};

/** The accounts, contacts and interactions lists as files in the shape imports read back (source `accord`). */
export function exportRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/exports/accounts',
      tags: ['Exports'],
      summary: 'Export the accounts list with its filters as CSV or XLSX, headers in the request’s language',
      request: { query: exportAccountsQuery },
      responses: { 200: importable },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportAccounts(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('contacts:read', {
      method: 'get',
      path: '/exports/contacts',
      tags: ['Exports'],
      summary: 'Export the contacts list (of the workspace or one account, optionally searched) as CSV or XLSX',
      request: { query: exportContactsQuery },
      responses: { 200: importable },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportContacts(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/exports/interactions',
      tags: ['Exports'],
      summary: 'Export an account’s interactions (filtered by kind, status, participant or text) as CSV or XLSX',
      request: { query: exportInteractionsQuery },
      responses: { 200: importable, 404: problem('No such account') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportInteractions(ctx, query, localeOf(c))));
    },
  );

  return router;
}
