import { z } from '@hono/zod-openapi';
import type { CalendarSource } from '../../platform/calendar-entries';
import { AppError, notFound } from '../../platform/errors';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { message } from '../../platform/i18n/text';
import {
  calendarFeedPath,
  disableCalendarFeed,
  getCalendarFeedStatus,
  readCalendarFeed,
  rotateCalendarFeed,
} from './calendar-feed';
import { createInteraction, deleteInteraction, updateInteraction } from './change-interaction';
import { getInteraction } from './get-interaction';
import { listInteractions } from './list-interactions';
import { relationshipMessages } from './messages';
import { CalendarFeedCreatedSchema, CalendarFeedStatusSchema, InteractionSchema } from './response-schemas';
import { createInteractionInput, listInteractionsQuery, updateInteractionInput } from './schemas';

const tags = ['Interactions'];

const FeedParams = z.object({
  file: z
    .string()
    .max(200)
    .openapi({ param: { name: 'file', in: 'path' }, description: '<token>.ics', example: 'cal_….ics' }),
});

/**
 * Interactions (the account timeline) and each member's calendar feed of planned meetings and next
 * steps; `calendarSources` are other modules' entries for a member's feed (money reminders,
 * deadlines).
 */
export function interactionRoutes(dependencies: { calendarSources?: readonly CalendarSource[] } = {}) {
  const router = createRouter();
  const calendarSources = dependencies.calendarSources ?? [];

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/accounts/{id}/interactions',
      tags,
      summary: 'The account timeline: interactions newest first, filterable by kind, status and participant',
      request: { params: IdParams, query: listInteractionsQuery },
      responses: {
        200: { description: 'A page of interactions', ...json(pageOf(InteractionSchema)) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listInteractions(ctx, id, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('interactions:write', {
      method: 'post',
      path: '/interactions',
      tags,
      summary: 'Log a meeting, negotiation, presentation, call, e-mail, messenger thread or note, planned or held',
      request: { body: { required: true, ...json(createInteractionInput.meta({ id: 'InteractionCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(InteractionSchema) },
        404: problem('No such account'),
        422: problem('A participant or next-step owner not allowed, or a held interaction in the future'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const interaction = await runInWorkspace(c, (ctx) => createInteraction(ctx, input));
      c.header('ETag', etag(interaction.version));
      c.header('Location', `/api/v1/interactions/${interaction.id}`);
      return c.json(serialize(interaction), 201);
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/interactions/{id}',
      tags,
      summary: 'An interaction with its participants on both sides',
      request: { params: IdParams },
      responses: {
        200: { description: 'Interaction', headers: etagHeader, ...json(InteractionSchema) },
        404: problem('No such interaction'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const interaction = await runInWorkspace(c, (ctx) => getInteraction(ctx, id));
      c.header('ETag', etag(interaction.version));
      return c.json(serialize(interaction), 200);
    },
  );

  router.openapi(
    apiRoute('interactions:write', {
      method: 'patch',
      path: '/interactions/{id}',
      tags,
      summary:
        'Change an interaction: mark it held, record the outcome, tick the next step done (participant lists replace)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateInteractionInput.meta({ id: 'InteractionPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(InteractionSchema) },
        404: problem('No such interaction'),
        412: staleProblem,
        422: problem('A participant or next-step owner not allowed, or a held interaction in the future'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const interaction = await runInWorkspace(c, (ctx) => updateInteraction(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(interaction.version));
      return c.json(serialize(interaction), 200);
    },
  );

  router.openapi(
    apiRoute('interactions:write', {
      method: 'delete',
      path: '/interactions/{id}',
      tags,
      summary: 'Delete an interaction',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, 404: problem('No such interaction'), 412: staleProblem },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteInteraction(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'get',
      path: '/calendar-feed',
      tags,
      summary: 'Whether you have a calendar feed in this workspace (its address is shown only when made)',
      responses: { 200: { description: 'Feed status', ...json(CalendarFeedStatusSchema) } },
    }),
    async (c) => {
      const status = await runInWorkspace(c, (ctx) => getCalendarFeedStatus(ctx));
      return c.json(serialize(status), 200);
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'post',
      path: '/calendar-feed',
      tags,
      summary:
        'Make a new secret calendar address for your planned meetings and next steps (the old one stops working)',
      responses: { 201: { description: 'The new address, shown once', ...json(CalendarFeedCreatedSchema) } },
    }),
    async (c) => {
      const feed = await runInWorkspace(c, (ctx) => rotateCalendarFeed(ctx));
      const path = calendarFeedPath(feed.token);
      return c.json(
        serialize({ token: feed.token, path, url: new URL(path, c.req.url).toString(), createdAt: feed.createdAt }),
        201,
      );
    },
  );

  router.openapi(
    apiRoute('relationships:read', {
      method: 'delete',
      path: '/calendar-feed',
      tags,
      summary: 'Turn your calendar feed off',
      responses: { 204: { description: 'Turned off' } },
    }),
    async (c) => {
      await runInWorkspace(c, (ctx) => disableCalendarFeed(ctx));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('public', {
      method: 'get',
      path: '/calendar-feeds/{file}',
      tags,
      summary: 'A member’s calendar (iCalendar) behind its secret address: subscribe from any calendar app',
      request: { params: FeedParams },
      responses: {
        200: { description: 'iCalendar feed', content: { 'text/calendar': { schema: z.string() } } },
        404: problem('No such feed'),
      },
    }),
    async (c) => {
      const { file } = c.req.valid('param');
      if (!file.endsWith('.ics')) {
        throw new AppError('not_found', message(relationshipMessages.invalidFeedAddress));
      }
      const { db, now } = c.get('deps');
      const calendar = await readCalendarFeed(db, file.slice(0, -'.ics'.length), now(), calendarSources);
      if (calendar === undefined) throw notFound(relationshipMessages.calendarFeed);
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Cache-Control', 'private, max-age=300');
      return c.body(calendar, 200);
    },
  );

  return router;
}
