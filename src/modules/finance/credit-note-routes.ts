import { z } from '@hono/zod-openapi';
import { IdParams, json, problem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { defaultLocale } from '../../platform/i18n/locale';
import { pdfResponse } from '../../platform/pdf/pdf-response';
import { createCreditNote, getCreditNote, listCreditNotes } from './credit-notes';
import { renderCreditNotePdf } from './document-pdf';
import { CreditNoteListSchema, CreditNoteSchema } from './openapi';
import { createCreditNoteInput, listCreditNotesQuery } from './schemas';

const tags = ['Finance'];

/** Credit notes (корректировочные счета-фактуры): issued against an invoice, listed, printed. */
export function creditNoteRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/credit-notes',
      tags,
      summary: 'Credit notes of an account or an invoice',
      request: { query: listCreditNotesQuery },
      responses: { 200: { description: 'Credit notes', ...json(CreditNoteListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(serialize(await runInWorkspace(c, (ctx) => listCreditNotes(ctx, query))), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/invoices/{id}/credit-notes',
      tags,
      summary:
        'Issue a credit note against an issued invoice: numbered in its own series, at most the gross not yet credited',
      request: {
        params: IdParams,
        body: { required: true, ...json(createCreditNoteInput.meta({ id: 'CreditNoteCreate' })) },
      },
      responses: {
        201: { description: 'Issued', ...json(CreditNoteSchema) },
        404: problem('No such invoice'),
        422: problem('A draft or cancelled invoice, more than is left to credit, or a VAT rate not offered'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(serialize(await runInWorkspace(c, (ctx) => createCreditNote(ctx, id, input))), 201);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/credit-notes/{id}',
      tags,
      summary: 'One credit note with its lines',
      request: { params: IdParams },
      responses: {
        200: { description: 'Credit note', ...json(CreditNoteSchema) },
        404: problem('No such credit note'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(serialize(await runInWorkspace(c, (ctx) => getCreditNote(ctx, id))), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/credit-notes/{id}/pdf',
      tags,
      summary: 'The credit note as a PDF in the reader’s language (корректировочный счёт-фактура)',
      request: { params: IdParams },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
        404: problem('No such credit note'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const pdf = await runInWorkspace(c, (ctx) => renderCreditNotePdf(ctx, id, c.get('locale') ?? defaultLocale));
      return pdfResponse(c, pdf);
    },
  );

  return router;
}
