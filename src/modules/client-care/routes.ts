import { localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { etagHeader, IdParams, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { createFeedback, moveFeedback, updateFeedback } from './change-feedback';
import { exportFeedback, exportFeedbackQuery } from './export-feedback';
import { getFeedback, listFeedback } from './feedback';
import { FeedbackSchema } from './openapi';
import { createFeedbackInput, listFeedbackQuery, moveFeedbackInput, updateFeedbackInput } from './schemas';

const tags = ['Client care'];

/** Complaints, conflicts, praise and reviews from clients, with their root causes. */
export function clientCareRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/feedback/export',
      tags,
      summary: 'The cases list with the same filters and order as CSV (UTF-8 with BOM) or XLSX',
      request: { query: exportFeedbackQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportFeedback(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/feedback',
      tags,
      summary: 'Complaints, conflicts, praise and reviews, filtered and sorted (a specialist: their own cases)',
      request: { query: listFeedbackQuery },
      responses: { 200: { description: 'Cases', ...json(pageOf(FeedbackSchema).meta({ id: 'ClientFeedbackPage' })) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listFeedback(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/feedback',
      tags,
      summary: 'Register a complaint, conflict, praise or review (complaints and conflicts with a severity)',
      request: { body: { required: true, ...json(createFeedbackInput.meta({ id: 'ClientFeedbackCreate' })) } },
      responses: {
        201: { description: 'Registered', headers: etagHeader, ...json(FeedbackSchema) },
        422: problem('No such account, contact or member, or a complaint without a severity'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const feedback = await runInWorkspace(c, (ctx) => createFeedback(ctx, input));
      c.header('ETag', etag(feedback.version));
      return c.json(serialize(feedback), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/feedback/{id}',
      tags,
      summary: 'One case',
      request: { params: IdParams },
      responses: {
        200: { description: 'Case', headers: etagHeader, ...json(FeedbackSchema) },
        404: problem('No such case, or not the caller’s'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const feedback = await runInWorkspace(c, (ctx) => getFeedback(ctx, id));
      c.header('ETag', etag(feedback.version));
      return c.json(serialize(feedback), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'patch',
      path: '/feedback/{id}',
      tags,
      summary: 'Edit a case: kind, source, severity, description, owner, contact, when it was raised',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateFeedbackInput.meta({ id: 'ClientFeedbackUpdate' })) },
      },
      responses: {
        200: { description: 'Changed', headers: etagHeader, ...json(FeedbackSchema) },
        404: problem('No such case'),
        412: staleProblem,
        422: problem('No such contact or member, or a complaint without a severity'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const feedback = await runInWorkspace(c, (ctx) => updateFeedback(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(feedback.version));
      return c.json(serialize(feedback), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/feedback/{id}/status',
      tags,
      summary: 'Move a case: open → in progress → resolved (with resolution and root cause) | rejected',
      request: {
        params: IdParams,
        body: { required: true, ...json(moveFeedbackInput.meta({ id: 'ClientFeedbackMove' })) },
      },
      responses: {
        200: { description: 'Moved', headers: etagHeader, ...json(FeedbackSchema) },
        404: problem('No such case'),
        412: staleProblem,
        422: problem('Not a next status, or resolving without a resolution or root cause'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const feedback = await runInWorkspace(c, (ctx) => moveFeedback(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(feedback.version));
      return c.json(serialize(feedback), 200);
    },
  );

  return router;
}
