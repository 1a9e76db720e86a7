import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { approveEstimate, invoiceEstimate, rejectEstimate, sendEstimate } from './estimate-decisions';
import { type Estimate, getEstimate, listEstimates } from './estimate-view';
import { createEstimate, type DefaultDiscount, updateEstimate } from './estimates';
import { EstimateListSchema, EstimateSchema } from './openapi';
import {
  approveEstimateInput,
  createEstimateInput,
  listEstimatesQuery,
  rejectEstimateInput,
  updateEstimateInput,
} from './schemas';

const tags = ['Estimates'];
const refused = problem('The estimate’s status does not allow it');

function estimateBody(c: Context<AppEnv>, estimate: Estimate) {
  c.header('ETag', etag(estimate.version));
  return serialize(estimate);
}

/** Estimates (сметы): versions, sending, the client's decision, the invoice; `defaultDiscount` offers a discount (the loyalty tier's) on new estimates' lines. */
export function estimateRoutes(dependencies: { defaultDiscount?: DefaultDiscount } = {}) {
  const router = createRouter();

  router.openapi(
    apiRoute('estimates:read', {
      method: 'get',
      path: '/estimates',
      tags,
      summary: 'Every version of every estimate of a project',
      request: { query: listEstimatesQuery },
      responses: { 200: { description: 'Estimates', ...json(EstimateListSchema) } },
    }),
    async (c) => {
      const { projectId } = c.req.valid('query');
      const items = await runInWorkspace(c, (ctx) => listEstimates(ctx, projectId));
      return c.json(serialize({ items }), 200);
    },
  );

  router.openapi(
    apiRoute('estimates:write', {
      method: 'post',
      path: '/estimates',
      tags,
      summary: 'Start an estimate (version 1, a draft) in the project’s currency',
      request: { body: { required: true, ...json(createEstimateInput.meta({ id: 'EstimateCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(EstimateSchema) },
        422: problem('No such project or price-list service, or a service priced in another currency'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const estimate = await runInWorkspace(c, (ctx) => createEstimate(ctx, input, dependencies.defaultDiscount));
      return c.json(estimateBody(c, estimate), 201);
    },
  );

  router.openapi(
    apiRoute('estimates:read', {
      method: 'get',
      path: '/estimates/{id}',
      tags,
      summary: 'One estimate version with its lines, VAT per rate and the other versions',
      request: { params: IdParams },
      responses: {
        200: { description: 'Estimate', headers: etagHeader, ...json(EstimateSchema) },
        404: problem('No such estimate'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const estimate = await runInWorkspace(c, (ctx) => getEstimate(ctx, id));
      return c.json(estimateBody(c, estimate), 200);
    },
  );

  router.openapi(
    apiRoute('estimates:write', {
      method: 'patch',
      path: '/estimates/{id}',
      tags,
      summary: 'Change a draft; changing a sent or rejected estimate makes the next version',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateEstimateInput.meta({ id: 'EstimatePatch' })) },
      },
      responses: {
        200: { description: 'The changed draft, or the new version', headers: etagHeader, ...json(EstimateSchema) },
        404: problem('No such estimate'),
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const estimate = await runInWorkspace(c, (ctx) => updateEstimate(ctx, id, input, expectedVersion(c)));
      return c.json(estimateBody(c, estimate), 200);
    },
  );

  router.openapi(
    apiRoute('estimates:write', {
      method: 'post',
      path: '/estimates/{id}/send',
      tags,
      summary: 'Mark a draft as sent to the client',
      request: { params: IdParams },
      responses: {
        200: { description: 'Sent', headers: etagHeader, ...json(EstimateSchema) },
        404: problem('No such estimate'),
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const estimate = await runInWorkspace(c, (ctx) => sendEstimate(ctx, id, expectedVersion(c)));
      return c.json(estimateBody(c, estimate), 200);
    },
  );

  router.openapi(
    apiRoute('estimates:write', {
      method: 'post',
      path: '/estimates/{id}/approve',
      tags,
      summary: 'Record the client’s approval; the project’s budget becomes the estimate’s total',
      request: {
        params: IdParams,
        body: { required: true, ...json(approveEstimateInput.meta({ id: 'EstimateApproval' })) },
      },
      responses: {
        200: { description: 'Approved', headers: etagHeader, ...json(EstimateSchema) },
        404: problem('No such estimate'),
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const estimate = await runInWorkspace(c, (ctx) => approveEstimate(ctx, id, input, expectedVersion(c)));
      return c.json(estimateBody(c, estimate), 200);
    },
  );

  router.openapi(
    apiRoute('estimates:write', {
      method: 'post',
      path: '/estimates/{id}/reject',
      tags,
      summary: 'Record the client’s rejection with their comment',
      request: {
        params: IdParams,
        body: { required: true, ...json(rejectEstimateInput.meta({ id: 'EstimateRejection' })) },
      },
      responses: {
        200: { description: 'Rejected', headers: etagHeader, ...json(EstimateSchema) },
        404: problem('No such estimate'),
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const estimate = await runInWorkspace(c, (ctx) => rejectEstimate(ctx, id, input, expectedVersion(c)));
      return c.json(estimateBody(c, estimate), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/estimates/{id}/invoice',
      tags,
      summary: 'Make a draft invoice in finance from an approved estimate',
      request: { params: IdParams },
      responses: {
        200: { description: 'The estimate, now naming its invoice', headers: etagHeader, ...json(EstimateSchema) },
        404: problem('No such estimate'),
        422: problem('Not approved, already invoiced, or a VAT rate finance does not offer'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const estimate = await runInWorkspace(c, (ctx) => invoiceEstimate(ctx, id));
      return c.json(estimateBody(c, estimate), 200);
    },
  );

  return router;
}
