import type { z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { addCoverage, removeCoverage, updateCoverage } from './coverage';
import { getOrgChartJson } from './get-org-chart';
import { getRelationshipSummary } from './get-relationship-summary';
import { getStakeholder } from './get-stakeholder';
import { createLink, deleteLink, updateLink } from './links';
import { listGaps } from './list-gaps';
import {
  CoverageSchema,
  GapPageSchema,
  LinkSchema,
  OrgChartSchema,
  RelationshipSettingsSchema,
  RelationshipSummarySchema,
  StakeholderSchema,
} from './response-schemas';
import {
  createCoverageInput,
  createLinkInput,
  listGapsQuery,
  updateCoverageInput,
  updateLinkInput,
  updateRelationshipSettingsInput,
  updateStakeholderInput,
} from './schemas';
import { getRelationshipSettings, updateRelationshipSettings } from './settings';
import { updateStakeholder } from './update-stakeholder';

const tags = ['Relationship map'];

/** The relationship map: org chart, stakeholder attributes, our coverage, dotted lines, gaps, strength. */
export function relationshipRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/accounts/{id}/org-chart',
      tags,
      summary: 'Everything the org chart of an account draws: people, attributes, links, owners, freshness',
      request: { params: IdParams },
      responses: {
        200: { description: 'Org chart', ...json(OrgChartSchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const chart = await runInWorkspace(c, (ctx) => getOrgChartJson(ctx, id));
      // NOTE: the body is JSON text already, in the documented shape (see getOrgChartJson).
      return c.body(chart, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
        z.infer<typeof OrgChartSchema>,
        200,
        'json'
      >;
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/accounts/{id}/relationship-summary',
      tags,
      summary: 'Relationship strength of an account, factor by factor, and the gaps in our coverage',
      request: { params: IdParams },
      responses: {
        200: { description: 'Strength and gaps', ...json(RelationshipSummarySchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const summary = await runInWorkspace(c, (ctx) => getRelationshipSummary(ctx, id));
      return c.json(serialize(summary), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/relationship-gaps',
      tags,
      summary: 'Gaps in our coverage across the workspace, by account, filterable by kind and account owner',
      request: { query: listGapsQuery },
      responses: { 200: { description: 'A page of gaps', ...json(GapPageSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listGaps(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/contacts/{id}/stakeholder',
      tags,
      summary: 'A person’s stakeholder attributes, our owners of the relationship, dotted lines and freshness',
      request: { params: IdParams },
      responses: {
        200: { description: 'Stakeholder', headers: etagHeader, ...json(StakeholderSchema) },
        404: problem('No such contact'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const stakeholder = await runInWorkspace(c, (ctx) => getStakeholder(ctx, id));
      c.header('ETag', etag(stakeholder.version));
      return c.json(serialize(stakeholder), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'patch',
      path: '/contacts/{id}/stakeholder',
      tags,
      summary:
        'Record buying role, support, influence, decision orientation, key player flag or notes (If-Match "0" before the first)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateStakeholderInput.meta({ id: 'StakeholderPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(StakeholderSchema) },
        404: problem('No such contact'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const stakeholder = await runInWorkspace(c, (ctx) => updateStakeholder(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(stakeholder.version));
      return c.json(serialize(stakeholder), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'post',
      path: '/contacts/{id}/coverage',
      tags,
      summary: 'Make one of our people an owner of the relationship with this person, at a level today and a target',
      request: {
        params: IdParams,
        body: { required: true, ...json(createCoverageInput.meta({ id: 'CoverageCreate' })) },
      },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(CoverageSchema) },
        404: problem('No such contact'),
        409: problem('That person already owns this relationship'),
        422: problem('Not a member of the workspace'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const coverage = await runInWorkspace(c, (ctx) => addCoverage(ctx, id, input));
      c.header('ETag', etag(coverage.version));
      return c.json(serialize(coverage), 201);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'patch',
      path: '/coverage/{id}',
      tags,
      summary: 'Change the current or target level of a relationship',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateCoverageInput.meta({ id: 'CoveragePatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(CoverageSchema) },
        404: problem('No such relationship owner'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const coverage = await runInWorkspace(c, (ctx) => updateCoverage(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(coverage.version));
      return c.json(serialize(coverage), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'delete',
      path: '/coverage/{id}',
      tags,
      summary: 'One of our people no longer owns the relationship',
      request: { params: IdParams },
      responses: { 204: { description: 'Removed' }, 404: problem('No such relationship owner'), 412: staleProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => removeCoverage(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'post',
      path: '/stakeholder-links',
      tags,
      summary: 'Draw a dotted line between two people of an account: influences, or in conflict with',
      request: { body: { required: true, ...json(createLinkInput.meta({ id: 'StakeholderLinkCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(LinkSchema) },
        404: problem('No such contact'),
        409: problem('The two people are already linked this way'),
        422: problem('The two people are not of one account, or are one person'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const link = await runInWorkspace(c, (ctx) => createLink(ctx, input));
      c.header('ETag', etag(link.version));
      return c.json(serialize(link), 201);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'patch',
      path: '/stakeholder-links/{id}',
      tags,
      summary: 'Change the note of a dotted line',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateLinkInput.meta({ id: 'StakeholderLinkPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(LinkSchema) },
        404: problem('No such link'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const link = await runInWorkspace(c, (ctx) => updateLink(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(link.version));
      return c.json(serialize(link), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:write', {
      method: 'delete',
      path: '/stakeholder-links/{id}',
      tags,
      summary: 'Remove a dotted line',
      request: { params: IdParams },
      responses: { 204: { description: 'Removed' }, 404: problem('No such link'), 412: staleProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteLink(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/relationship-settings',
      tags,
      summary: 'The workspace’s relationship-map settings: days without contact after which a key player is a gap',
      responses: { 200: { description: 'Settings', headers: etagHeader, ...json(RelationshipSettingsSchema) } },
    }),
    async (c) => {
      const settings = await runInWorkspace(c, (ctx) => getRelationshipSettings(ctx));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'patch',
      path: '/relationship-settings',
      tags,
      summary: 'Change the relationship-map settings',
      request: {
        body: { required: true, ...json(updateRelationshipSettingsInput.meta({ id: 'RelationshipSettingsPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(RelationshipSettingsSchema) },
        412: staleProblem,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const settings = await runInWorkspace(c, (ctx) => updateRelationshipSettings(ctx, input, expectedVersion(c)));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  return router;
}
