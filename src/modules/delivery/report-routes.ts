import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import {
  ClientReportListSchema,
  ClientReportSchema,
  ReportScheduleOrNoneSchema,
  ReportScheduleSchema,
} from './client-work-openapi';
import {
  createReportInput,
  listReportsQuery,
  putReportScheduleInput,
  reviewReportInput,
  updateReportInput,
} from './client-work-schemas';
import { pullFiguresInput, pullReportFigures } from './report-figures';
import {
  createReport,
  getReport,
  getReportSchedule,
  listReports,
  putReportSchedule,
  reviewReport,
  sendReport,
  submitReport,
  updateReport,
} from './reports';

const tags = ['Client reports'];
const AccountParams = z.object({ accountId: z.uuid().openapi({ param: { name: 'accountId', in: 'path' } }) });
const ReturnQuery = z.object({
  /** Send the report back to its draft for changes, keeping the ticks. */
  return: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
const refused = problem('Not allowed in the report’s status, or a check of the list still open');

function withEtag<T extends { version: number }>(c: Context<AppEnv>, record: T) {
  c.header('ETag', etag(record.version));
  return serialize(record);
}

/** Report schedules per account, and reports prepared by specialists and reviewed by managers. */
export function reportRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/accounts/{accountId}/report-schedule',
      tags,
      summary: 'When the account’s reports are due, and the next one',
      request: { params: AccountParams },
      responses: {
        200: { description: 'Schedule or none', ...json(ReportScheduleOrNoneSchema) },
        422: problem('No such account'),
      },
    }),
    async (c) => {
      const { accountId } = c.req.valid('param');
      const schedule = await runInWorkspace(c, (ctx) => getReportSchedule(ctx, accountId));
      return c.json({ schedule }, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'put',
      path: '/accounts/{accountId}/report-schedule',
      tags,
      summary: 'Set the account’s report schedule: monthly or quarterly, on a day 1–28',
      request: {
        params: AccountParams,
        body: { required: true, ...json(putReportScheduleInput.meta({ id: 'ReportScheduleUpdate' })) },
      },
      responses: { 200: { description: 'Saved', ...json(ReportScheduleSchema) }, 422: problem('No such account') },
    }),
    async (c) => {
      const { accountId } = c.req.valid('param');
      const input = c.req.valid('json');
      const schedule = await runInWorkspace(c, (ctx) => putReportSchedule(ctx, accountId, input));
      return c.json(schedule, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/reports',
      tags,
      summary: 'Client reports by due day (`flagged=true`: late or unreviewed only)',
      request: { query: listReportsQuery },
      responses: { 200: { description: 'Reports', ...json(ClientReportListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const items = await runInWorkspace(c, (ctx) => listReports(ctx, query));
      return c.json(serialize({ items }), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/reports',
      tags,
      summary: 'Open a report for a period (the account’s next scheduled one by default)',
      request: { body: { required: true, ...json(createReportInput.meta({ id: 'ClientReportCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(ClientReportSchema) },
        422: problem('No such account, project or member, or no period and no schedule'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const report = await runInWorkspace(c, (ctx) => createReport(ctx, input));
      return c.json(withEtag(c, report), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/reports/{id}',
      tags,
      summary: 'One report',
      request: { params: IdParams },
      responses: {
        200: { description: 'Report', headers: etagHeader, ...json(ClientReportSchema) },
        404: problem('No such report, or not one the caller prepares or works on'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const report = await runInWorkspace(c, (ctx) => getReport(ctx, id));
      return c.json(withEtag(c, report), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'patch',
      path: '/reports/{id}',
      tags,
      summary: 'Write the draft: figures, links, text (its preparer or a manager)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateReportInput.meta({ id: 'ClientReportPatch' })) },
      },
      responses: {
        200: { description: 'Saved', headers: etagHeader, ...json(ClientReportSchema) },
        403: problem('Neither the preparer nor a manager'),
        404: problem('No such report'),
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const report = await runInWorkspace(c, (ctx) => updateReport(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, report), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'post',
      path: '/reports/{id}/figures/pull',
      tags,
      summary: 'Fill the draft’s figures from the account’s KPI series over its period (leads and goals per channel)',
      request: {
        params: IdParams,
        body: { required: true, ...json(pullFiguresInput.meta({ id: 'ClientReportPullFigures' })) },
      },
      responses: {
        200: { description: 'Figures filled', headers: etagHeader, ...json(ClientReportSchema) },
        403: problem('Neither the preparer nor a manager'),
        404: problem('No such report'),
        412: staleProblem,
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const report = await runInWorkspace(c, (ctx) => pullReportFigures(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, report), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'post',
      path: '/reports/{id}/submit',
      tags,
      summary: 'Hand the draft to the manager’s review (its preparer or a manager)',
      request: { params: IdParams },
      responses: {
        200: { description: 'In review', headers: etagHeader, ...json(ClientReportSchema) },
        403: problem('Neither the preparer nor a manager'),
        404: problem('No such report'),
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const report = await runInWorkspace(c, (ctx) => submitReport(ctx, id));
      return c.json(withEtag(c, report), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'put',
      path: '/reports/{id}/review',
      tags,
      summary:
        'Tick the review checklist: typos, figures match, client’s eyes, highlights (`return=true` sends it back)',
      request: {
        params: IdParams,
        query: ReturnQuery,
        body: { required: true, ...json(reviewReportInput.meta({ id: 'ClientReportReview' })) },
      },
      responses: {
        200: { description: 'Reviewed', headers: etagHeader, ...json(ClientReportSchema) },
        404: problem('No such report'),
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { return: returnToDraft } = c.req.valid('query');
      const input = c.req.valid('json');
      const report = await runInWorkspace(c, (ctx) => reviewReport(ctx, id, input, returnToDraft === true));
      return c.json(withEtag(c, report), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/reports/{id}/send',
      tags,
      summary: 'Mark a reviewed report sent to the client (all four checks ticked)',
      request: { params: IdParams },
      responses: {
        200: { description: 'Sent', headers: etagHeader, ...json(ClientReportSchema) },
        404: problem('No such report'),
        422: refused,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const report = await runInWorkspace(c, (ctx) => sendReport(ctx, id));
      return c.json(withEtag(c, report), 200);
    },
  );

  return router;
}
