import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { listDefinitions } from './custom-values';
import { createCustomField, deleteCustomField, updateCustomField } from './definitions';
import { createCustomFieldInput, customFieldEntities, customFieldTypes, updateCustomFieldInput } from './schemas';

const CustomFieldSchema = z
  .object({
    id: z.uuid(),
    entity: z.enum(customFieldEntities),
    key: z.string(),
    labelEn: z.string(),
    labelRu: z.string(),
    type: z.enum(customFieldTypes),
    options: z.array(z.object({ value: z.string(), labelEn: z.string(), labelRu: z.string() })),
    required: z.boolean(),
    position: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'CustomField' });

function toCustomField(definition: Awaited<ReturnType<typeof createCustomField>>) {
  const { workspaceId: _workspaceId, ...rest } = serialize(definition);
  return {
    ...rest,
    entity: definition.entity as (typeof customFieldEntities)[number],
    type: definition.type as (typeof customFieldTypes)[number],
  };
}

export function customFieldRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('signed-in', {
      method: 'get',
      path: '/custom-fields',
      tags: ['Custom fields'],
      summary: 'The workspace’s custom fields',
      request: { query: z.object({ entity: z.enum(customFieldEntities).optional() }) },
      responses: {
        200: {
          description: 'Definitions',
          ...json(z.object({ items: z.array(CustomFieldSchema), nextCursor: z.null() })),
        },
      },
    }),
    async (c) => {
      const { entity } = c.req.valid('query');
      const definitions = await runInWorkspace(c, (ctx) => listDefinitions(ctx, entity));
      return c.json({ items: definitions.map(toCustomField), nextCursor: null }, 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'post',
      path: '/custom-fields',
      tags: ['Custom fields'],
      summary: 'Define a custom field',
      request: { body: { required: true, ...json(createCustomFieldInput.meta({ id: 'CustomFieldCreate' })) } },
      responses: { 201: { description: 'Created', ...json(CustomFieldSchema) }, 409: problem('Key already used') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const created = await runInWorkspace(c, (ctx) => createCustomField(ctx, input));
      c.header('ETag', etag(created.version));
      return c.json(toCustomField(created), 201);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'patch',
      path: '/custom-fields/{id}',
      tags: ['Custom fields'],
      summary: 'Change labels, options, required flag or order',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateCustomFieldInput.meta({ id: 'CustomFieldPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(CustomFieldSchema) },
        404: problem('No such field'),
        412: problem('Changed by someone else'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const updated = await runInWorkspace(c, (ctx) => updateCustomField(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(updated.version));
      return c.json(toCustomField(updated), 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'delete',
      path: '/custom-fields/{id}',
      tags: ['Custom fields'],
      summary: 'Delete a custom field definition',
      request: { params: IdParams },
      responses: {
        204: { description: 'Deleted' },
        404: problem('No such field'),
        412: problem('Changed by someone else'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteCustomField(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  return router;
}
