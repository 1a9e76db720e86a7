import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:accord:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export const IdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

/** An ETag response header (the row version) for reads of a single record. */
export const etagHeader = { ETag: { schema: { type: 'string' as const }, description: 'Row version for If-Match' } };
