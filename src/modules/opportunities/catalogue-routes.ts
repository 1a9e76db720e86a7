import { IdParams, json, problem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import {
  createOffering,
  createStage,
  getPipeline,
  listOfferings,
  reorderStages,
  updateOffering,
  updateStage,
} from './catalogue';
import { OfferingListSchema, OfferingSchema, PipelineSchema } from './openapi';
import {
  createOfferingInput,
  createStageInput,
  reorderStagesInput,
  updateOfferingInput,
  updateStageInput,
} from './schemas';

const tags = ['Opportunities'];

/** The workspace's offering catalogue and sales pipeline: read by all, kept by heads and admins. */
export function catalogueRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/offerings',
      tags,
      summary: 'The catalogue of products and services by family, retired ones too',
      responses: { 200: { description: 'The catalogue', ...json(OfferingListSchema) } },
    }),
    async (c) => c.json({ items: await runInWorkspace(c, (ctx) => listOfferings(ctx)) }, 200),
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'post',
      path: '/offerings',
      tags,
      summary: 'Add a product or service to the catalogue',
      request: { body: { required: true, ...json(createOfferingInput.meta({ id: 'OfferingCreate' })) } },
      responses: { 201: { description: 'Added', ...json(OfferingSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await runInWorkspace(c, (ctx) => createOffering(ctx, input)), 201);
    },
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'patch',
      path: '/offerings/{id}',
      tags,
      summary: 'Rename, regroup, retire or bring back an offering',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateOfferingInput.meta({ id: 'OfferingPatch' })) },
      },
      responses: { 200: { description: 'Changed', ...json(OfferingSchema) }, 404: problem('No such offering') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await runInWorkspace(c, (ctx) => updateOffering(ctx, id, input)), 200);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/pipeline-stages',
      tags,
      summary: 'The pipeline’s stages in order with default probabilities (the default pipeline until changed)',
      responses: { 200: { description: 'The pipeline', ...json(PipelineSchema) } },
    }),
    async (c) => c.json({ items: await runInWorkspace(c, (ctx) => getPipeline(ctx)) }, 200),
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'patch',
      path: '/pipeline-stages/{id}',
      tags,
      summary: 'Rename a stage or change its default probability',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateStageInput.meta({ id: 'PipelineStagePatch' })) },
      },
      responses: { 200: { description: 'The pipeline', ...json(PipelineSchema) }, 404: problem('No such stage') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json({ items: await runInWorkspace(c, (ctx) => updateStage(ctx, id, input)) }, 200);
    },
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'post',
      path: '/pipeline-stages',
      tags,
      summary: 'Add an open stage after the open ones (won and lost stay last)',
      request: { body: { required: true, ...json(createStageInput.meta({ id: 'PipelineStageCreate' })) } },
      responses: { 201: { description: 'The pipeline', ...json(PipelineSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json({ items: await runInWorkspace(c, (ctx) => createStage(ctx, input)) }, 201);
    },
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'put',
      path: '/pipeline-order',
      tags,
      summary: 'Put the open stages in a new order (won and lost stay last)',
      request: { body: { required: true, ...json(reorderStagesInput.meta({ id: 'PipelineStageOrder' })) } },
      responses: {
        200: { description: 'The pipeline', ...json(PipelineSchema) },
        422: problem('Not every open stage exactly once'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json({ items: await runInWorkspace(c, (ctx) => reorderStages(ctx, input)) }, 200);
    },
  );

  return router;
}
