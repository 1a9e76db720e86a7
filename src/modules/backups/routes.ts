import { PassThrough, Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { json, problem } from '../../platform/http/openapi-schemas';
import { loggableError } from '../../platform/http/problem';
import { actorOf, apiRoute, createRouter } from '../../platform/http/route';
import { restoreWorkspace } from './restore-workspace';
import { writeBackup } from './write-backup';

const tags = ['Backups'];

/** Restores stream the upload; the limit only stops a runaway client. */
export const restoreUploadBody = { path: /^\/api\/v1\/workspace\/restore$/, maxBytes: 4 * 1024 * 1024 * 1024 };

const RestoreResultSchema = z
  .object({
    workspaceId: z.uuid(),
    name: z.string(),
    sourceWorkspaceId: z.uuid(),
    rows: z.number().int(),
    tables: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'RestoreResult' });

const RestoreQuery = z.object({
  workspaceId: z.uuid().optional().meta({
    description: 'Restore under this id, which must not exist. Default: the backup’s own id, or a new one when taken',
  }),
});

/** Backup of the current workspace and restore into a new one, for admins (decision 0019). */
export function backupRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('workspace:backup', {
      method: 'post',
      path: '/workspace/backups',
      tags,
      summary: 'Download a backup of the whole workspace (a gzip’d file, streamed from one consistent snapshot)',
      responses: {
        200: {
          description: 'The backup file',
          content: { 'application/gzip': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
    }),
    (c) => {
      const actor = actorOf(c);
      const { db, now } = c.get('deps');
      const logger = c.get('logger');
      const at = now();
      const body = new PassThrough();
      // NOTE: the file streams as it is written; a failure half-way cuts it short, and a cut file
      // is refused by restore (no manifest, or a gzip that does not end).
      writeBackup(db, actor.workspaceId, body, { now: at }).catch((error: unknown) => {
        logger.error({ err: loggableError(error) }, 'backup failed');
        body.destroy(error instanceof Error ? error : undefined);
      });
      const day = at.toISOString().slice(0, 10);
      return new Response(Readable.toWeb(body) as ReadableStream, {
        status: 200,
        headers: {
          'content-type': 'application/gzip',
          'content-disposition': `attachment; filename="accord-${day}.accord-backup.gz"`,
          'cache-control': 'no-store',
        },
      });
    },
  );

  router.openapi(
    apiRoute('workspace:backup', {
      method: 'post',
      path: '/workspace/restore',
      tags,
      summary: 'Restore a backup into a new workspace; you become its admin if you are not a member',
      request: {
        query: RestoreQuery,
        body: {
          required: true,
          content: { 'application/gzip': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
      responses: {
        201: { description: 'The restored workspace', ...json(RestoreResultSchema) },
        409: problem('The named workspace already exists'),
        422: problem('Not a backup, damaged, or written by another version of Accord'),
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { workspaceId } = c.req.valid('query');
      const body = c.req.raw.body;
      const input = body ? Readable.fromWeb(body as import('node:stream/web').ReadableStream) : Readable.from([]);
      const result = await restoreWorkspace(c.get('deps').db, input, {
        workspaceId,
        actorUserId: actor.userId,
        requestId: c.get('requestId'),
      });
      return c.json(result, 201);
    },
  );

  return router;
}
