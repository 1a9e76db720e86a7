import { z } from '@hono/zod-openapi';
import { localeOf } from '../../platform/http/context';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { json, pageOf } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { exportAuditEntries, exportAuditQuery } from './export-audit-entries';
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
  router.openapi(
    apiRoute('audit:read', {
      method: 'get',
      path: '/audit-log/export',
      tags: ['Audit'],
      summary: 'The change history with the same filters as CSV (UTF-8 with BOM) or XLSX, newest first',
      request: { query: exportAuditQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportAuditEntries(ctx, query, localeOf(c))));
    },
  );
  return router;
}
