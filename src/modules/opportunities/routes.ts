import { z } from '@hono/zod-openapi';
import { localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { defaultLocale } from '../../platform/i18n/locale';
import { pdfResponse } from '../../platform/pdf/pdf-response';
import { addCentresFromHierarchy, createBuyingCentre, listBuyingCentres } from './buying-centres';
import { exportOpportunities, exportOpportunitiesQuery } from './export-opportunities';
import { getOpportunity, listOpportunities } from './get-opportunity';
import {
  BuyingCentreListSchema,
  OpportunityListSchema,
  OpportunitySchema,
  PlanForecastSchema,
  PortfolioWhitespaceSchema,
  WhitespaceSchema,
} from './openapi';
import { enterActual, getPlanForecast } from './plan-forecast';
import { renderPlanPdf } from './plan-pdf';
import { createOpportunity, updateOpportunity } from './save-opportunity';
import {
  createBuyingCentreInput,
  createOpportunityInput,
  enterActualInput,
  listOpportunitiesQuery,
  saveWhitespaceCellInput,
  updateOpportunityInput,
} from './schemas';
import { getWhitespace, saveWhitespaceCell, summarizePortfolioWhitespace } from './whitespace';

const tags = ['Opportunities'];
const noAccount = problem('No such account (or it is not visible to you)');
const notYours = problem('Managers change only the accounts they own or are on the team of');

/** Buying centres, opportunities and the pipeline board, whitespace, and plan vs forecast vs actual. */
export function opportunityRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/accounts/{id}/buying-centres',
      tags,
      summary: 'The account’s buying centres: divisions, functions, regions',
      request: { params: IdParams },
      responses: { 200: { description: 'In order', ...json(BuyingCentreListSchema) }, 404: noAccount },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json({ items: await runInWorkspace(c, (ctx) => listBuyingCentres(ctx, id)) }, 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'post',
      path: '/accounts/{id}/buying-centres',
      tags,
      summary: 'Add a buying centre by hand',
      request: {
        params: IdParams,
        body: { required: true, ...json(createBuyingCentreInput.meta({ id: 'BuyingCentreCreate' })) },
      },
      responses: {
        201: { description: 'The account’s centres', ...json(BuyingCentreListSchema) },
        403: notYours,
        404: noAccount,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json({ items: await runInWorkspace(c, (ctx) => createBuyingCentre(ctx, id, input)) }, 201);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'post',
      path: '/accounts/{id}/buying-centres/from-hierarchy',
      tags,
      summary: 'Add each child account that is not a buying centre yet, as a division',
      request: { params: IdParams },
      responses: {
        200: { description: 'The account’s centres', ...json(BuyingCentreListSchema) },
        403: notYours,
        404: noAccount,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json({ items: await runInWorkspace(c, (ctx) => addCentresFromHierarchy(ctx, id)) }, 200);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/accounts/{id}/whitespace',
      tags,
      summary: 'The whitespace matrix: buying centres × offerings, cells with their opportunities, totals per currency',
      request: { params: IdParams },
      responses: { 200: { description: 'The matrix', ...json(WhitespaceSchema) }, 404: noAccount },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await runInWorkspace(c, (ctx) => getWhitespace(ctx, id)), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'put',
      path: '/accounts/{id}/whitespace/cells',
      tags,
      summary: 'Fill or change one cell: state, current revenue, potential',
      request: {
        params: IdParams,
        body: { required: true, ...json(saveWhitespaceCellInput.meta({ id: 'WhitespaceCell' })) },
      },
      responses: {
        200: { description: 'The matrix', ...json(WhitespaceSchema) },
        403: notYours,
        404: noAccount,
        422: problem('The centre is not the account’s, or the offering is not in the catalogue'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await runInWorkspace(c, (ctx) => saveWhitespaceCell(ctx, id, input)), 200);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/whitespace/summary',
      tags,
      summary: 'Across the accounts you see: potential and current revenue per offering, per currency',
      responses: { 200: { description: 'By family and offering', ...json(PortfolioWhitespaceSchema) } },
    }),
    async (c) => c.json({ items: await runInWorkspace(c, (ctx) => summarizePortfolioWhitespace(ctx)) }, 200),
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/opportunities/export',
      tags,
      summary: 'The opportunities list with the same filters as CSV (UTF-8 with BOM) or XLSX, in the reader’s language',
      request: { query: exportOpportunitiesQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportOpportunities(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/opportunities',
      tags,
      summary: 'Opportunities for a pipeline board: per account or the workspace, filtered',
      request: { query: listOpportunitiesQuery },
      responses: { 200: { description: 'By expected close date', ...json(OpportunityListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(serialize({ items: await runInWorkspace(c, (ctx) => listOpportunities(ctx, query)) }), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'post',
      path: '/opportunities',
      tags,
      summary: 'Open an opportunity (first stage and its probability unless given)',
      request: { body: { required: true, ...json(createOpportunityInput.meta({ id: 'OpportunityCreate' })) } },
      responses: {
        201: { description: 'Opened', headers: etagHeader, ...json(OpportunitySchema) },
        403: notYours,
        422: problem('A reference points nowhere (fields named), or the stage is won or lost'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const opportunity = await runInWorkspace(c, (ctx) => createOpportunity(ctx, input));
      c.header('ETag', etag(opportunity.version));
      return c.json(serialize(opportunity), 201);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/opportunities/{id}',
      tags,
      summary: 'One opportunity',
      request: { params: IdParams },
      responses: {
        200: { description: 'The opportunity', headers: etagHeader, ...json(OpportunitySchema) },
        404: problem('No such opportunity'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const opportunity = await runInWorkspace(c, (ctx) => getOpportunity(ctx, id));
      c.header('ETag', etag(opportunity.version));
      return c.json(serialize(opportunity), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'patch',
      path: '/opportunities/{id}',
      tags,
      summary: 'Change an open opportunity or move it to another stage (lost needs a reason)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateOpportunityInput.meta({ id: 'OpportunityPatch' })) },
      },
      responses: {
        200: { description: 'Changed', headers: etagHeader, ...json(OpportunitySchema) },
        403: notYours,
        404: problem('No such opportunity'),
        412: staleProblem,
        422: problem('Already won or lost, lost without a reason, or a reference points nowhere'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const opportunity = await runInWorkspace(c, (ctx) => updateOpportunity(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(opportunity.version));
      return c.json(serialize(opportunity), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/account-plans/{id}/forecast',
      tags,
      summary: 'Plan vs forecast vs actual by month and year to date, one block per currency',
      request: { params: IdParams },
      responses: { 200: { description: 'The comparison', ...json(PlanForecastSchema) }, 404: problem('No such plan') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await runInWorkspace(c, (ctx) => getPlanForecast(ctx, id)), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'put',
      path: '/account-plans/{id}/actuals',
      tags,
      summary: 'Enter the account’s revenue for a month by hand (used when it has no invoices in Accord)',
      request: { params: IdParams, body: { required: true, ...json(enterActualInput.meta({ id: 'EnteredActual' })) } },
      responses: {
        200: { description: 'The comparison', ...json(PlanForecastSchema) },
        403: notYours,
        404: problem('No such plan'),
        422: problem('The month is outside the plan’s period'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await runInWorkspace(c, (ctx) => enterActual(ctx, id, input)), 200);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/account-plans/{id}/pdf',
      tags: ['Account plans'],
      summary:
        'The latest approved version as a PDF (with the whitespace matrix as of today), in the reader’s language',
      request: { params: IdParams },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
        404: problem('No such plan'),
        422: problem('The plan has no approved version yet'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const locale = c.get('locale') ?? defaultLocale;
      return pdfResponse(c, await runInWorkspace(c, (ctx) => renderPlanPdf(ctx, id, locale)));
    },
  );

  return router;
}
