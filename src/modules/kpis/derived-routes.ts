import { z } from '@hono/zod-openapi';
import { json } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import type { DerivedSeriesRegistry } from './derived-series-job';
import { listDerivedSources } from './derived-sources';
import { DerivedSourceSchema } from './openapi';

/** Where derived KPI series come from (decision 0013). */
export function derivedSeriesRoutes(deps: { derivedSeries: DerivedSeriesRegistry }) {
  const router = createRouter();
  router.openapi(
    apiRoute('kpis:read', {
      method: 'get',
      path: '/kpi-derived-sources',
      tags: ['KPIs'],
      summary:
        'The series Accord computes from other modules’ data (read-only, refreshed by a background job when their source changes)',
      responses: { 200: { description: 'Sources', ...json(z.object({ items: z.array(DerivedSourceSchema) })) } },
    }),
    async (c) => c.json({ items: await runInWorkspace(c, (ctx) => listDerivedSources(ctx, deps.derivedSeries)) }, 200),
  );
  return router;
}
