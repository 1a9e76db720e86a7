import { z } from '@hono/zod-openapi';
import { json, pageOf } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { listAuditEntries, listAuditQuery } from './list-audit-entries';

const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    requestId: z.string().nullable(),
    entity: z.string(),
    entityId: z.uuid(),
    action: z.enum(['insert', 'update', 'delete']),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export function auditRoutes() {
  const router = createRouter();
  router.openapi(
    apiRoute('audit:read', {
      method: 'get',
      path: '/audit-log',
      tags: ['Audit'],
      summary: 'Who changed what and when (newest first)',
      request: { query: listAuditQuery },
      responses: {
        200: { description: 'A page of audit entries', ...json(pageOf(AuditEntrySchema)) },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listAuditEntries(ctx, query));
      return c.json(serialize(page), 200);
    },
  );
  return router;
}
