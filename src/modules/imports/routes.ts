import { z } from '@hono/zod-openapi';
import { localeOf } from '../../platform/http/context';
import { IdParams, json, pageOf, problem } from '../../platform/http/openapi-schemas';
import { actorOf, apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { spoolBody } from '../../platform/http/spool-body';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { checkImport, previewImport } from './check-import';
import { createImport, maxImportBytes, uploadTooLarge } from './create-import';
import { getImport, viewOf } from './get-import';
import { listImports } from './list-imports';
import { loadImport } from './load-import';
import {
  conflictProblem,
  ImportCheckSchema,
  ImportListItemSchema,
  ImportPreviewSchema,
  ImportSchema,
  notFoundProblem,
  PresetSchema,
} from './openapi';
import { deletePreset, listPresets, savePreset } from './presets';
import { problemsCsv } from './problems-csv';
import { processImport, startImport } from './run-import';
import { listImportsQuery, savePresetInput, updateImportInput, uploadImportQuery } from './schemas';
import { cancelImport, undoImport } from './undo-import';
import { updateImport } from './update-import';

const tags = ['Imports'];

/** The upload path takes a file body far larger than the API's usual 1 MB. */
export const importUploadBody = { path: /^\/api\/v1\/imports$/, maxBytes: maxImportBytes };

/** The imports API: upload, detect and map, preview, dry run, run with progress, cancel, undo; mapping presets. */
export function importRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('imports:run', {
      method: 'get',
      path: '/imports',
      tags,
      summary: 'The workspace’s imports, newest first (cursor-paginated)',
      request: { query: listImportsQuery },
      responses: { 200: { description: 'A page of imports', ...json(pageOf(ImportListItemSchema)) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(serialize(await runInWorkspace(c, (ctx) => listImports(ctx, query))), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'post',
      path: '/imports',
      tags,
      summary:
        'Upload a CSV, XLSX or HTML-table file (the raw bytes as the body): detects format, encoding, delimiter, source and kind, and suggests a mapping',
      request: {
        query: uploadImportQuery,
        body: {
          required: true,
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
      responses: {
        201: { description: 'A draft import', ...json(ImportSchema) },
        413: problem('The file is larger than 512 MB or has more than 5,000,000 rows'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      // NOTE: the body goes to a temporary file as it arrives; the transaction that stores it in
      // pieces (decision 0015) opens once the client has sent it all.
      const body = await spoolBody(c.req.raw.body, maxImportBytes, uploadTooLarge);
      try {
        const created = await runInWorkspace(c, (ctx) => createImport(ctx, body.open(), query));
        c.header('Location', `/api/v1/imports/${created.id}`);
        return c.json(serialize(created), 201);
      } finally {
        await body.dispose();
      }
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'get',
      path: '/imports/{id}',
      tags,
      summary: 'An import: detection, mapping, status and progress',
      request: { params: IdParams },
      responses: { 200: { description: 'Import', ...json(ImportSchema) }, ...notFoundProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(serialize(await runInWorkspace(c, (ctx) => getImport(ctx, id))), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'patch',
      path: '/imports/{id}',
      tags,
      summary: 'Correct the detection (format, encoding, delimiter, kind, source) or the column mapping of a draft',
      request: { params: IdParams, body: { required: true, ...json(updateImportInput.meta({ id: 'ImportPatch' })) } },
      responses: {
        200: { description: 'Updated', ...json(ImportSchema) },
        ...notFoundProblem,
        ...conflictProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(serialize(await runInWorkspace(c, (ctx) => updateImport(ctx, id, input))), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'get',
      path: '/imports/{id}/preview',
      tags,
      summary: 'The first 20 rows as they will be stored, with any problems',
      request: { params: IdParams },
      responses: { 200: { description: 'Preview', ...json(ImportPreviewSchema) }, ...notFoundProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await runInWorkspace(c, (ctx) => previewImport(ctx, id)), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'post',
      path: '/imports/{id}/dry-run',
      tags,
      summary: 'Validate every row and reference without writing; lists each bad row with the reason',
      request: { params: IdParams },
      responses: { 200: { description: 'What the import would do', ...json(ImportCheckSchema) }, ...notFoundProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await runInWorkspace(c, (ctx) => checkImport(ctx, id)), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'get',
      path: '/imports/{id}/problems',
      tags,
      summary: 'The bad rows of the last dry run or run as CSV (UTF-8 with BOM), in the request’s language',
      request: { params: IdParams },
      responses: {
        200: { description: 'CSV: row, column, problem', content: { 'text/csv': { schema: z.string() } } },
        ...notFoundProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const job = await runInWorkspace(c, (ctx) => loadImport(ctx, id));
      return c.body(problemsCsv(job.problems, localeOf(c)), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="import-problems.csv"',
      });
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'post',
      path: '/imports/{id}/run',
      tags,
      summary: 'Start the import (or resume an interrupted one); follow its progress with GET /imports/{id}',
      request: { params: IdParams },
      responses: {
        202: { description: 'Started', ...json(ImportSchema) },
        ...notFoundProblem,
        ...conflictProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const actor = actorOf(c);
      const { db, now, logger } = c.get('deps');
      const started = await runInWorkspace(c, (ctx) => startImport(ctx, id));
      // NOTE: runs after the response; each batch commits on its own, progress is read from the row.
      void processImport(db, actor, id, { now }).catch((error: unknown) => {
        logger.error({ err: error, importId: id }, 'Import failed');
      });
      return c.json(serialize(viewOf(started, now())), 202);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'post',
      path: '/imports/{id}/cancel',
      tags,
      summary: 'Stop a running import after its current batch (what it wrote stays until undone), or discard a draft',
      request: { params: IdParams },
      responses: {
        200: { description: 'Cancel requested', ...json(ImportSchema) },
        ...notFoundProblem,
        ...conflictProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(serialize(await runInWorkspace(c, (ctx) => cancelImport(ctx, id))), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'post',
      path: '/imports/{id}/undo',
      tags,
      summary: 'Undo a finished import as a whole: delete what it created, restore what it updated',
      request: { params: IdParams },
      responses: { 200: { description: 'Undone', ...json(ImportSchema) }, ...notFoundProblem, ...conflictProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(serialize(await runInWorkspace(c, (ctx) => undoImport(ctx, id))), 200);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'get',
      path: '/import-presets',
      tags,
      summary: 'Saved column mappings',
      responses: { 200: { description: 'Presets', ...json(z.object({ items: z.array(PresetSchema) })) } },
    }),
    async (c) => c.json(serialize({ items: await runInWorkspace(c, (ctx) => listPresets(ctx)) }), 200),
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'post',
      path: '/import-presets',
      tags,
      summary: 'Save a column mapping under a name',
      request: { body: { required: true, ...json(savePresetInput.meta({ id: 'ImportPresetCreate' })) } },
      responses: {
        201: { description: 'Saved', ...json(PresetSchema) },
        409: problem('A preset with this name exists'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(serialize(await runInWorkspace(c, (ctx) => savePreset(ctx, input))), 201);
    },
  );

  router.openapi(
    apiRoute('imports:run', {
      method: 'delete',
      path: '/import-presets/{id}',
      tags,
      summary: 'Delete a saved mapping',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, 404: problem('No such preset') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deletePreset(ctx, id));
      return c.body(null, 204);
    },
  );

  return router;
}
