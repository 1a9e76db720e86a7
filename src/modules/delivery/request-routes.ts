import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppEnv, localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { createBriefTemplate, listBriefTemplates, updateBriefTemplate } from './brief-templates';
import {
  BriefTemplateListSchema,
  BriefTemplateSchema,
  ClientRequestListSchema,
  ClientRequestSchema,
} from './client-work-openapi';
import {
  createBriefTemplateInput,
  createRequestInput,
  fillBriefInput,
  listBriefTemplatesQuery,
  listRequestsQuery,
  moveRequestInput,
  updateBriefTemplateInput,
  updateRequestInput,
} from './client-work-schemas';
import { exportRequests, exportRequestsQuery } from './export-work';
import { createRequest, fillBrief, getRequest, listRequests, moveRequest, updateRequest } from './requests';

const tags = ['Requests and briefs'];

function withEtag<T extends { version: number }>(c: Context<AppEnv>, record: T) {
  c.header('ETag', etag(record.version));
  return serialize(record);
}

/** Requests from clients, their briefs and the brief templates. */
export function requestRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/brief-templates',
      tags,
      summary: 'Brief templates in use with their typed fields (a default one in the workspace’s language)',
      request: { query: listBriefTemplatesQuery },
      responses: { 200: { description: 'Templates', ...json(BriefTemplateListSchema) } },
    }),
    async (c) => {
      const { includeRetired } = c.req.valid('query');
      const items = await runInWorkspace(c, (ctx) =>
        listBriefTemplates(ctx, { includeRetired: includeRetired === 'true' }),
      );
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'patch',
      path: '/brief-templates/{id}',
      tags,
      summary: 'Rename a brief template, change its fields, or retire it (briefs already answered keep theirs)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateBriefTemplateInput.meta({ id: 'BriefTemplateUpdate' })) },
      },
      responses: {
        200: { description: 'Changed', headers: etagHeader, ...json(BriefTemplateSchema) },
        404: problem('No such template'),
        412: staleProblem,
        422: problem('The name is taken'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const template = await runInWorkspace(c, (ctx) => updateBriefTemplate(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, template), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'post',
      path: '/brief-templates',
      tags,
      summary: 'Add a brief template: fields of type text, long text, money, date or link list',
      request: { body: { required: true, ...json(createBriefTemplateInput.meta({ id: 'BriefTemplateCreate' })) } },
      responses: { 201: { description: 'Created', ...json(BriefTemplateSchema) }, 422: problem('The name is taken') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const template = await runInWorkspace(c, (ctx) => createBriefTemplate(ctx, input));
      return c.json(template, 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/requests/export',
      tags,
      summary: 'The requests list with the same filters, newest first, as CSV (UTF-8 with BOM) or XLSX',
      request: { query: exportRequestsQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportRequests(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/requests',
      tags,
      summary: 'Requests the caller may see, newest first (a specialist: those of their projects)',
      request: { query: listRequestsQuery },
      responses: { 200: { description: 'Requests', ...json(ClientRequestListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const items = await runInWorkspace(c, (ctx) => listRequests(ctx, query));
      return c.json(serialize({ items }), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/requests',
      tags,
      summary: 'Record a request from a client (call, e-mail, messenger, meeting, portal form)',
      request: { body: { required: true, ...json(createRequestInput.meta({ id: 'ClientRequestCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(ClientRequestSchema) },
        422: problem('No such account, or a project of another account'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const request = await runInWorkspace(c, (ctx) => createRequest(ctx, input));
      return c.json(withEtag(c, request), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/requests/{id}',
      tags,
      summary: 'One request with its brief',
      request: { params: IdParams },
      responses: {
        200: { description: 'Request', headers: etagHeader, ...json(ClientRequestSchema) },
        404: problem('No such request, or not one of the caller’s projects'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const request = await runInWorkspace(c, (ctx) => getRequest(ctx, id));
      return c.json(withEtag(c, request), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'patch',
      path: '/requests/{id}',
      tags,
      summary: 'Change a request’s title, description, source or project',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateRequestInput.meta({ id: 'ClientRequestPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(ClientRequestSchema) },
        404: problem('No such request'),
        412: staleProblem,
        422: problem('A project of another account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const request = await runInWorkspace(c, (ctx) => updateRequest(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, request), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/requests/{id}/status',
      tags,
      summary: 'Move a request: new → clarifying → accepted | declined → done; accepting may start a project',
      request: {
        params: IdParams,
        body: { required: true, ...json(moveRequestInput.meta({ id: 'ClientRequestMove' })) },
      },
      responses: {
        200: { description: 'Moved', headers: etagHeader, ...json(ClientRequestSchema) },
        404: problem('No such request'),
        412: staleProblem,
        422: problem('Not a next status, a decline without a comment, or a project the request cannot start'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const request = await runInWorkspace(c, (ctx) => moveRequest(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, request), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'put',
      path: '/requests/{id}/brief',
      tags,
      summary: 'Fill the request’s brief with the client’s answers (all of them), checked by field type',
      request: {
        params: IdParams,
        body: {
          required: true,
          ...json(fillBriefInput.extend({ answers: z.record(z.string(), z.unknown()) }).meta({ id: 'BriefAnswers' })),
        },
      },
      responses: {
        200: { description: 'Saved', headers: etagHeader, ...json(ClientRequestSchema) },
        400: problem('An answer that does not fit its field, named `answers.<key>`'),
        404: problem('No such request'),
        412: staleProblem,
        422: problem('No such brief template'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const request = await runInWorkspace(c, (ctx) => fillBrief(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, request), 200);
    },
  );

  return router;
}
