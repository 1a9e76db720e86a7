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

/** A JSON body (request or response) described by a zod schema. */
export function json<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } } };
}

/** A documented problem+json response. */
export function problem(description: string) {
  return { description, content: problemContent };
}

/** The 412 a write answers when its If-Match version is no longer the row's. */
export const staleProblem = problem('Changed by someone else since the If-Match version');

/** The body of a cursor-paginated list: `{ items, nextCursor }`, with `total` when asked for. */
export function pageOf<T extends z.ZodType>(item: T, options: { total?: boolean } = {}) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    ...(options.total ? { total: z.number().int().optional().meta({ description: 'Only with ?total=true' }) } : {}),
  });
}
