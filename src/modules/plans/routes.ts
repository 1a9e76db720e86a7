import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppEnv, localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import type { UseCaseContext } from '../../platform/use-case';
import { copyPlanForward } from './copy-forward';
import { createPlan } from './create-plan';
import { exportPlanMarkdown } from './export-markdown';
import { getPlan, type PlanDetail } from './get-plan';
import { listPlans } from './list-plans';
import { PlanDetailSchema, PlanPageSchema, PlanVersionSchema, VersionComparisonSchema } from './openapi';
import { describePlan } from './plan-view';
import { savePlan } from './save-plan';
import { compareVersionsQuery, createPlanInput, listPlansQuery, returnPlanInput, savePlanInput } from './schemas';
import { comparePlanVersions, getPlanVersion } from './versions';
import { approvePlan, reopenPlan, returnPlan, submitPlan } from './workflow';

const tags = ['Account plans'];
const notFound = problem('No such plan (or its account is not visible to you)');
const refused = problem('The plan’s status does not allow this (e.g. approving a draft)');
const VersionParams = IdParams.extend({
  number: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'number', in: 'path' } }),
});

/** A plan's body with its ETag set, each completeness reason in the reader's language. */
function planBody(c: Context<AppEnv>, plan: PlanDetail) {
  c.header('ETag', etag(plan.version));
  return serialize(describePlan(plan, localeOf(c)));
}

/** Account plans: the list, one plan, saving a draft, the workflow, versions, copy-forward, Markdown. */
export function planRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/account-plans',
      tags,
      summary: 'Plans the reader may see, by account, status, year or account owner; sorted, a page at a time',
      request: { query: listPlansQuery },
      responses: { 200: { description: 'A page of plans', ...json(PlanPageSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(serialize(await runInWorkspace(c, (ctx) => listPlans(ctx, query))), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'post',
      path: '/account-plans',
      tags,
      summary: 'Start a draft plan for an account and period (default: this calendar year) from the template',
      request: { body: { required: true, ...json(createPlanInput.meta({ id: 'AccountPlanCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(PlanDetailSchema) },
        403: problem('Managers start plans only for their own accounts'),
        422: problem('No such account, or it has a plan starting on that date'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(planBody(c, await runInWorkspace(c, (ctx) => createPlan(ctx, input, localeOf(c)))), 201);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/account-plans/{id}',
      tags,
      summary: 'One plan: sections, competitors, objectives and actions, versions, completeness',
      request: { params: IdParams },
      responses: { 200: { description: 'The plan', headers: etagHeader, ...json(PlanDetailSchema) }, 404: notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(planBody(c, await runInWorkspace(c, (ctx) => getPlan(ctx, id, localeOf(c)))), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'put',
      path: '/account-plans/{id}',
      tags,
      summary: 'Save a draft’s content: items with an id are kept and changed, without one added, left out removed',
      request: {
        params: IdParams,
        body: { required: true, ...json(savePlanInput.meta({ id: 'AccountPlanContent' })) },
      },
      responses: {
        200: { description: 'The plan', headers: etagHeader, ...json(PlanDetailSchema) },
        403: problem('Not one of your accounts'),
        404: notFound,
        412: staleProblem,
        422: problem('Not a draft, or the content points outside the plan (fields named)'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const plan = await runInWorkspace(c, (ctx) => savePlan(ctx, id, input, expectedVersion(c), localeOf(c)));
      return c.json(planBody(c, plan), 200);
    },
  );

  const transitions: {
    path: string;
    access: 'plans:write' | 'plans:approve';
    summary: string;
    run: (ctx: UseCaseContext, id: string, c: Context<AppEnv>) => Promise<PlanDetail>;
  }[] = [
    {
      path: 'submit',
      access: 'plans:write',
      summary: 'Send a draft for review',
      run: (ctx, id, c) => submitPlan(ctx, id, { expectedVersion: expectedVersion(c), locale: localeOf(c) }),
    },
    {
      path: 'approve',
      access: 'plans:approve',
      summary: 'Approve a plan in review; its content is kept as the next version',
      run: (ctx, id, c) => approvePlan(ctx, id, { expectedVersion: expectedVersion(c), locale: localeOf(c) }),
    },
    {
      path: 'reopen',
      access: 'plans:write',
      summary: 'Open an approved plan for changes again (its versions stay)',
      run: (ctx, id, c) => reopenPlan(ctx, id, { expectedVersion: expectedVersion(c), locale: localeOf(c) }),
    },
  ];
  for (const transition of transitions) {
    router.openapi(
      apiRoute(transition.access, {
        method: 'post',
        path: `/account-plans/{id}/${transition.path}`,
        tags,
        summary: transition.summary,
        request: { params: IdParams },
        responses: {
          200: { description: 'The plan', headers: etagHeader, ...json(PlanDetailSchema) },
          403: problem('Not one of your accounts'),
          404: notFound,
          412: staleProblem,
          422: refused,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(planBody(c, await runInWorkspace(c, (ctx) => transition.run(ctx, id, c))), 200);
      },
    );
  }

  router.openapi(
    apiRoute('plans:approve', {
      method: 'post',
      path: '/account-plans/{id}/return',
      tags,
      summary: 'Return a plan in review to a draft, with a comment',
      request: {
        params: IdParams,
        body: { required: true, ...json(returnPlanInput.meta({ id: 'AccountPlanReturn' })) },
      },
      responses: {
        200: { description: 'The plan', headers: etagHeader, ...json(PlanDetailSchema) },
        404: notFound,
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const options = { expectedVersion: expectedVersion(c), locale: localeOf(c) };
      return c.json(planBody(c, await runInWorkspace(c, (ctx) => returnPlan(ctx, id, input, options))), 200);
    },
  );

  router.openapi(
    apiRoute('plans:write', {
      method: 'post',
      path: '/account-plans/{id}/copy-forward',
      tags,
      summary: 'Yearly review: start next period’s draft as a copy, carrying unfinished actions over',
      request: { params: IdParams },
      responses: {
        201: { description: 'The new plan', headers: etagHeader, ...json(PlanDetailSchema) },
        403: problem('Not one of your accounts'),
        404: notFound,
        422: problem('Next period’s plan already exists'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(planBody(c, await runInWorkspace(c, (ctx) => copyPlanForward(ctx, id, localeOf(c)))), 201);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/account-plans/{id}/versions/{number}',
      tags,
      summary: 'One approved version of a plan, exactly as it was approved',
      request: { params: VersionParams },
      responses: { 200: { description: 'The version', ...json(PlanVersionSchema) }, 404: notFound },
    }),
    async (c) => {
      const { id, number } = c.req.valid('param');
      return c.json(serialize(await runInWorkspace(c, (ctx) => getPlanVersion(ctx, id, number))), 200);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/account-plans/{id}/compare',
      tags,
      summary: 'What changed between two approved versions: sections, competitors, objectives, actions',
      request: { params: IdParams, query: compareVersionsQuery },
      responses: { 200: { description: 'The changes', ...json(VersionComparisonSchema) }, 404: notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      return c.json(await runInWorkspace(c, (ctx) => comparePlanVersions(ctx, id, query, localeOf(c))), 200);
    },
  );

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/account-plans/{id}/markdown',
      tags,
      summary: 'The latest approved version as a Markdown file in the reader’s language',
      request: { params: IdParams },
      responses: {
        200: { description: 'Markdown, UTF-8', content: { 'text/markdown': { schema: z.string() } } },
        404: notFound,
        422: problem('The plan has never been approved'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const file = await runInWorkspace(c, (ctx) => exportPlanMarkdown(ctx, id, localeOf(c)));
      return c.body(file.markdown, 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="plan.md"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      });
    },
  );

  return router;
}
