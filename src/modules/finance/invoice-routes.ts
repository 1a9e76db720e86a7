import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppEnv, localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { pdfResponse } from '../../platform/pdf/pdf-response';
import { renderInvoicePdf } from './document-pdf';
import { exportInvoices } from './export-invoices';
import { getInvoice, type InvoiceDetail } from './get-invoice';
import { cancelInvoice, issueInvoice, reissueInvoice, sendInvoice } from './invoice-transitions';
import { listInvoices } from './list-invoices';
import { InvoicePageSchema, InvoiceSchema } from './openapi';
import { createInvoice, deleteInvoice, updateInvoice } from './save-invoice';
import {
  cancelInvoiceInput,
  createInvoiceInput,
  exportInvoicesQuery,
  issueInvoiceInput,
  listInvoicesQuery,
  sendInvoiceInput,
  updateInvoiceInput,
} from './schemas';

const tags = ['Finance'];

function invoiceBody(c: Context<AppEnv>, invoice: InvoiceDetail) {
  c.header('ETag', etag(invoice.version));
  return serialize(invoice);
}

/** Invoices: drafts, issuing (numbered), sending, cancelling and re-issuing, the list and its CSV. */
export function invoiceRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/invoices',
      tags,
      summary: 'Invoices, filtered by status (or `overdue`), account and currency, searched by number or account',
      request: { query: listInvoicesQuery },
      responses: { 200: { description: 'A page of invoices', ...json(InvoicePageSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listInvoices(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/invoices/export',
      tags,
      summary: 'The invoice list as CSV (UTF-8 with BOM) or XLSX in the reader’s language, with the same filters',
      request: { query: exportInvoicesQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportInvoices(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/invoices',
      tags,
      summary: 'Start a draft invoice (numbered only when issued)',
      request: { body: { required: true, ...json(createInvoiceInput.meta({ id: 'InvoiceCreate' })) } },
      responses: {
        201: { description: 'Draft created', headers: etagHeader, ...json(InvoiceSchema) },
        422: problem('No such account, a contract of another account, or a VAT rate the workspace does not offer'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const invoice = await runInWorkspace(c, (ctx) => createInvoice(ctx, input));
      return c.json(invoiceBody(c, invoice), 201);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/invoices/{id}',
      tags,
      summary: 'One invoice with its lines, payments and acts',
      request: { params: IdParams },
      responses: {
        200: { description: 'Invoice', headers: etagHeader, ...json(InvoiceSchema) },
        404: problem('No such invoice'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const invoice = await runInWorkspace(c, (ctx) => getInvoice(ctx, id));
      return c.json(invoiceBody(c, invoice), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/invoices/{id}/pdf',
      tags,
      summary: 'The invoice as a PDF in the reader’s language (счёт на оплату)',
      request: { params: IdParams },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
        404: problem('No such invoice'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const pdf = await runInWorkspace(c, (ctx) => renderInvoicePdf(ctx, id, localeOf(c)));
      return pdfResponse(c, pdf);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'patch',
      path: '/invoices/{id}',
      tags,
      summary: 'Change a draft invoice (an issued one is immutable: 422)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateInvoiceInput.meta({ id: 'InvoicePatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(InvoiceSchema) },
        404: problem('No such invoice'),
        412: staleProblem,
        422: problem('Not a draft, or a VAT rate or contract that does not fit'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const invoice = await runInWorkspace(c, (ctx) => updateInvoice(ctx, id, input, expectedVersion(c)));
      return c.json(invoiceBody(c, invoice), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'delete',
      path: '/invoices/{id}',
      tags,
      summary: 'Delete a draft (issued invoices are cancelled instead: 422)',
      request: { params: IdParams },
      responses: {
        204: { description: 'Deleted' },
        404: problem('No such invoice'),
        412: staleProblem,
        422: problem('Not a draft'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteInvoice(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  const transitions = [
    {
      path: '/invoices/{id}/issue',
      summary: 'Issue a draft: it takes the next number of the workspace’s sequence and its due date',
      body: issueInvoiceInput.meta({ id: 'InvoiceIssue' }),
      run: issueInvoice,
    },
    {
      path: '/invoices/{id}/send',
      summary: 'Mark an issued invoice as sent to the client',
      body: sendInvoiceInput.meta({ id: 'InvoiceSend' }),
      run: sendInvoice,
    },
    {
      path: '/invoices/{id}/cancel',
      summary: 'Cancel an unpaid invoice; it keeps its number',
      body: cancelInvoiceInput.meta({ id: 'InvoiceCancel' }),
      run: cancelInvoice,
    },
  ] as const;
  for (const transition of transitions) {
    router.openapi(
      apiRoute('finance:write', {
        method: 'post',
        path: transition.path,
        tags,
        summary: transition.summary,
        request: { params: IdParams, body: { required: true, ...json(transition.body) } },
        responses: {
          200: { description: 'Done', headers: etagHeader, ...json(InvoiceSchema) },
          404: problem('No such invoice'),
          412: staleProblem,
          422: problem('The invoice’s status does not allow this'),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const input = c.req.valid('json') as never;
        const invoice = await runInWorkspace(c, (ctx) => transition.run(ctx, id, input, expectedVersion(c)));
        return c.json(invoiceBody(c, invoice), 200);
      },
    );
  }

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/invoices/{id}/reissue',
      tags,
      summary: 'Start a new draft copying a cancelled invoice (cancel and re-issue)',
      request: { params: IdParams },
      responses: {
        201: { description: 'Draft created', headers: etagHeader, ...json(InvoiceSchema) },
        404: problem('No such invoice'),
        422: problem('Only a cancelled invoice is re-issued'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const invoice = await runInWorkspace(c, (ctx) => reissueInvoice(ctx, id));
      return c.json(invoiceBody(c, invoice), 201);
    },
  );

  return router;
}
