import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { defaultLocale } from '../../platform/i18n/locale';
import { pdfResponse } from '../../platform/pdf/pdf-response';
import { checkDocuments, createAct, listActs, signAct } from './acts';
import { renderActPdf } from './document-pdf';
import { ActListSchema, ActSchema, DocumentChecksSchema } from './openapi';
import { createActInput, listActsQuery, signActInput } from './schemas';

const tags = ['Finance'];

/** Acts of completed work (акты выполненных работ) and the paperwork checks. */
export function actRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/acts',
      tags,
      summary: 'Acts of completed work of an account or an invoice',
      request: { query: listActsQuery },
      responses: { 200: { description: 'Acts', ...json(ActListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await runInWorkspace(c, (ctx) => listActs(ctx, query)), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/acts',
      tags,
      summary: 'Record an act of completed work, linked to an invoice of the account (or to none yet)',
      request: { body: { required: true, ...json(createActInput.meta({ id: 'ActCreate' })) } },
      responses: {
        201: { description: 'Recorded', headers: etagHeader, ...json(ActSchema) },
        422: problem('No such account, an invoice of another account, a taken number, or signed before its date'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const act = await runInWorkspace(c, (ctx) => createAct(ctx, input));
      c.header('ETag', etag(act.version));
      return c.json(act, 201);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'patch',
      path: '/acts/{id}',
      tags,
      summary: 'Record the client’s signature of an act (date and the scan’s link), or take it back',
      request: { params: IdParams, body: { required: true, ...json(signActInput.meta({ id: 'ActSign' })) } },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(ActSchema) },
        404: problem('No such act'),
        412: staleProblem,
        422: problem('Signed before its date'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const act = await runInWorkspace(c, (ctx) => signAct(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(act.version));
      return c.json(act, 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/acts/{id}/pdf',
      tags,
      summary: 'The act as a PDF in the reader’s language (акт выполненных работ)',
      request: { params: IdParams },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
        404: problem('No such act'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const pdf = await runInWorkspace(c, (ctx) => renderActPdf(ctx, id, c.get('locale') ?? defaultLocale));
      return pdfResponse(c, pdf);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/finance/checks',
      tags,
      summary: 'Paperwork that fell through the cracks: paid but no signed act, act signed but not invoiced',
      responses: { 200: { description: 'Checks', ...json(DocumentChecksSchema) } },
    }),
    async (c) => c.json(await runInWorkspace(c, (ctx) => checkDocuments(ctx)), 200),
  );

  return router;
}
