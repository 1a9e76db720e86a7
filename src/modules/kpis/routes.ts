import { z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { decideFinding, type FollowUpPort, followUpFinding, getFinding, listFindings } from './findings';
import {
  type FactRegistry,
  getAccountHealth,
  getHealthOverview,
  getHealthSettings,
  recordDailyHealth,
  updateHealthSettings,
} from './health';
import { createMetric, deleteMetric, listMetrics, updateMetric } from './metrics';
import {
  AccountHealthSchema,
  FindingSchema,
  HealthOverviewSchema,
  HealthSettingsSchema,
  MetricSchema,
  PointSchema,
  SeriesDetailSchema,
  SeriesSchema,
  TargetSchema,
  UpsertPointsBody,
  UpsertResultSchema,
} from './openapi';
import {
  createMetricInput,
  createSeriesInput,
  createTargetInput,
  decideFindingInput,
  followUpFindingInput,
  listFindingsQuery,
  listPointsQuery,
  listSeriesQuery,
  updateHealthSettingsInput,
  updateMetricInput,
} from './schemas';
import { createSeries, deleteSeries, getSeries, listSeries } from './series';
import { listPointsJson } from './series-chart';
import { createTarget, deleteTarget, listTargets } from './targets';
import { upsertPoints } from './upsert-points';

const tags = ['KPIs'];

export type KpiRouteDependencies = {
  /** Other modules' facts about accounts (relationship strength feeds health). */
  accountFacts: FactRegistry;
  followUps: FollowUpPort;
  /** Told when points were committed, so detection starts at once rather than at its next poll. */
  detection?: { wake(): void };
};

/** The KPI API: metric catalogue, series and their points, targets, and the detector's findings. */
export function kpiRoutes(deps: KpiRouteDependencies) {
  const router = createRouter();

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-metrics',
      tags,
      summary: 'The metric catalogue: built-in metrics, then the workspace’s own',
      responses: { 200: { description: 'Metrics', ...json(z.object({ items: z.array(MetricSchema) })) } },
    }),
    async (c) => c.json({ items: await runInWorkspace(c, (ctx) => listMetrics(ctx)) }, 200),
  );

  router.openapi(
    apiRoute('kpis:manage', {
      method: 'post',
      path: '/kpi-metrics',
      tags,
      summary: 'Add a custom metric (unit, direction, aggregation, natural frequency, names in ru and en)',
      request: { body: { required: true, ...json(createMetricInput.meta({ id: 'KpiMetricCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(MetricSchema) },
        422: problem('The key is taken'),
      },
    }),
    async (c) => {
      const metric = await runInWorkspace(c, (ctx) => createMetric(ctx, c.req.valid('json')));
      c.header('ETag', etag(metric.version ?? 1));
      return c.json(metric, 201);
    },
  );

  router.openapi(
    apiRoute('kpis:manage', {
      method: 'patch',
      path: '/kpi-metrics/{id}',
      tags,
      summary: 'Change a custom metric (its key stays)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateMetricInput.meta({ id: 'KpiMetricPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(MetricSchema) },
        404: problem('No such custom metric'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const metric = await runInWorkspace(c, (ctx) => updateMetric(ctx, id, c.req.valid('json'), expectedVersion(c)));
      c.header('ETag', etag(metric.version ?? 1));
      return c.json(metric, 200);
    },
  );

  router.openapi(
    apiRoute('kpis:manage', {
      method: 'delete',
      path: '/kpi-metrics/{id}',
      tags,
      summary: 'Delete a custom metric that no series uses',
      request: { params: IdParams },
      responses: {
        204: { description: 'Deleted' },
        404: problem('No such custom metric'),
        412: staleProblem,
        422: problem('Series use the metric'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteMetric(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-series',
      tags,
      summary: 'Series of the visible accounts, by account or metric (q searches the dimension)',
      request: { query: listSeriesQuery },
      responses: {
        200: { description: 'A page of series', ...json(pageOf(SeriesSchema)) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const page = await runInWorkspace(c, (ctx) => listSeries(ctx, c.req.valid('query')));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:write', {
      method: 'post',
      path: '/kpi-series',
      tags,
      summary: 'Start a series: an account’s metric, optionally along a dimension such as an advertising channel',
      request: { body: { required: true, ...json(createSeriesInput.meta({ id: 'KpiSeriesCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(SeriesDetailSchema) },
        404: problem('No such account'),
        422: problem('Unknown metric, or the series exists'),
      },
    }),
    async (c) => {
      const series = await runInWorkspace(c, (ctx) => createSeries(ctx, c.req.valid('json')));
      c.header('ETag', etag(series.version));
      c.header('Location', `/api/v1/kpi-series/${series.id}`);
      return c.json(serialize(series), 201);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-series/{id}',
      tags,
      summary: 'A series with its metric, point count and open findings',
      request: { params: IdParams },
      responses: {
        200: { description: 'Series', headers: etagHeader, ...json(SeriesDetailSchema) },
        404: problem('No such series'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const series = await runInWorkspace(c, (ctx) => getSeries(ctx, id));
      c.header('ETag', etag(series.version));
      return c.json(serialize(series), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:write', {
      method: 'delete',
      path: '/kpi-series/{id}',
      tags,
      summary: 'Delete a series with its points, findings and targets',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, 404: problem('No such series'), 412: staleProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteSeries(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('kpis:write', {
      method: 'post',
      path: '/kpi-series/{id}/points',
      tags,
      summary:
        'Insert or correct up to 100,000 points (a point with a stored time replaces its value; corrections are audited). Send an Idempotency-Key to make retries safe. Detection runs in the background.',
      request: {
        params: IdParams,
        headers: z.object({
          'idempotency-key': z
            .string()
            .max(1_000)
            .optional()
            .meta({ description: 'A retry with the same key and body answers the first upload’s result' }),
        }),
        body: { required: true, ...json(UpsertPointsBody) },
      },
      responses: {
        200: { description: 'What the upload changed', ...json(UpsertResultSchema) },
        404: problem('No such series'),
        413: problem('The body is over 8 MB'),
        422: problem('The Idempotency-Key was used for a different upload'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const key = c.req.valid('header')['idempotency-key'];
      const result = await runInWorkspace(c, (ctx) => upsertPoints(ctx, id, c.req.valid('json'), key));
      if (!result.replayed && result.inserted + result.updated > 0) deps.detection?.wake();
      return c.json(result, 200);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-series/{id}/points',
      tags,
      summary: 'A series’ points in a time range, oldest first, with the expected band and anomaly score',
      request: { params: IdParams, query: listPointsQuery },
      responses: {
        200: { description: 'Points', ...json(z.object({ items: z.array(PointSchema) })) },
        404: problem('No such series'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = await runInWorkspace(c, (ctx) => listPointsJson(ctx, id, c.req.valid('query')));
      // NOTE: the body is JSON already, in the documented shape (see listPointsJson).
      return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
        { items: z.infer<typeof PointSchema>[] },
        200,
        'json'
      >;
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-series/{id}/targets',
      tags,
      summary: 'A series’ targets by period, with the actual and the variance',
      request: { params: IdParams },
      responses: {
        200: { description: 'Targets', ...json(z.object({ items: z.array(TargetSchema) })) },
        404: problem('No such series'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json({ items: await runInWorkspace(c, (ctx) => listTargets(ctx, id)) }, 200);
    },
  );

  router.openapi(
    apiRoute('kpis:write', {
      method: 'post',
      path: '/kpi-series/{id}/targets',
      tags,
      summary: 'Set a target for a period of the series',
      request: {
        params: IdParams,
        body: { required: true, ...json(createTargetInput.meta({ id: 'KpiTargetCreate' })) },
      },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(TargetSchema) },
        404: problem('No such series'),
        422: problem('A target starting on that date exists'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const target = await runInWorkspace(c, (ctx) => createTarget(ctx, id, c.req.valid('json')));
      c.header('ETag', etag(target.version));
      return c.json(target, 201);
    },
  );

  router.openapi(
    apiRoute('kpis:write', {
      method: 'delete',
      path: '/kpi-targets/{id}',
      tags,
      summary: 'Remove a target',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, 404: problem('No such target'), 412: staleProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteTarget(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-findings',
      tags,
      summary: 'Anomalies found in the visible accounts’ series, newest first, with explanations in ru and en',
      request: { query: listFindingsQuery },
      responses: {
        200: { description: 'A page of findings', ...json(pageOf(FindingSchema)) },
        404: problem('No such account or series'),
      },
    }),
    async (c) => {
      const page = await runInWorkspace(c, (ctx) => listFindings(ctx, c.req.valid('query')));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-findings/{id}',
      tags,
      summary: 'One finding',
      request: { params: IdParams },
      responses: {
        200: { description: 'Finding', headers: etagHeader, ...json(FindingSchema) },
        404: problem('No such finding'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const finding = await runInWorkspace(c, (ctx) => getFinding(ctx, id));
      c.header('ETag', etag(finding.version));
      return c.json(serialize(finding), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:triage', {
      method: 'patch',
      path: '/kpi-findings/{id}',
      tags,
      summary: 'Acknowledge a finding, mark it a false alarm (kept as feedback) or open it again',
      request: {
        params: IdParams,
        body: { required: true, ...json(decideFindingInput.meta({ id: 'KpiFindingDecide' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(FindingSchema) },
        404: problem('No such finding'),
        412: staleProblem,
        422: problem('The finding already has a follow-up'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const finding = await runInWorkspace(c, (ctx) => decideFinding(ctx, id, c.req.valid('json'), expectedVersion(c)));
      c.header('ETag', etag(finding.version));
      return c.json(serialize(finding), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:triage', {
      method: 'post',
      path: '/kpi-findings/{id}/follow-up',
      tags,
      summary:
        'Turn a finding into a follow-up in one step: a note on the account’s timeline whose next step has an owner and a due date',
      request: {
        params: IdParams,
        body: { required: true, ...json(followUpFindingInput.meta({ id: 'KpiFindingFollowUp' })) },
      },
      responses: {
        200: { description: 'The finding, linked to its follow-up', headers: etagHeader, ...json(FindingSchema) },
        404: problem('No such finding'),
        412: staleProblem,
        422: problem('The finding already has a follow-up, or the owner is not a member'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const finding = await runInWorkspace(c, (ctx) =>
        followUpFinding(ctx, deps.followUps, id, input, localeOf(c), expectedVersion(c)),
      );
      c.header('ETag', etag(finding.version));
      return c.json(serialize(finding), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/accounts/{id}/health',
      tags,
      summary: 'An account’s health now (0–100, grade, factor by factor) and its daily history',
      request: { params: IdParams },
      responses: { 200: { description: 'Health', ...json(AccountHealthSchema) }, 404: problem('No such account') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await runInWorkspace(c, (ctx) => getAccountHealth(ctx, deps.accountFacts, id)), 200);
    },
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/health',
      tags,
      summary: 'Portfolio health: accounts per grade, and every visible account weakest first',
      responses: { 200: { description: 'Overview', ...json(HealthOverviewSchema) } },
    }),
    async (c) => c.json(await runInWorkspace(c, (ctx) => getHealthOverview(ctx, deps.accountFacts)), 200),
  );

  router.openapi(
    apiRoute('kpis:manage', {
      method: 'post',
      path: '/health/recompute',
      tags,
      summary: 'Record today’s health of every account now (the background worker does it once a day)',
      responses: { 200: { description: 'Accounts recorded', ...json(z.object({ recorded: z.number().int() })) } },
    }),
    async (c) => c.json({ recorded: await runInWorkspace(c, (ctx) => recordDailyHealth(ctx, deps.accountFacts)) }, 200),
  );

  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/health/settings',
      tags,
      summary: 'The weights of the health factors',
      responses: { 200: { description: 'Settings', headers: etagHeader, ...json(HealthSettingsSchema) } },
    }),
    async (c) => {
      const settings = await runInWorkspace(c, (ctx) => getHealthSettings(ctx));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  router.openapi(
    apiRoute('kpis:manage', {
      method: 'put',
      path: '/health/settings',
      tags,
      summary: 'Change the weights of the health factors (a factor weighted 0 does not count)',
      request: { body: { required: true, ...json(updateHealthSettingsInput.meta({ id: 'HealthSettingsUpdate' })) } },
      responses: {
        200: { description: 'Saved', headers: etagHeader, ...json(HealthSettingsSchema) },
        412: staleProblem,
      },
    }),
    async (c) => {
      const settings = await runInWorkspace(c, (ctx) =>
        updateHealthSettings(ctx, c.req.valid('json'), expectedVersion(c)),
      );
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  return router;
}
