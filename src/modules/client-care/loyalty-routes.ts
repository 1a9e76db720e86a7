import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import {
  createLoyaltyTier,
  deleteLoyaltyTier,
  getAccountLoyalty,
  listLoyaltyTiers,
  updateLoyaltyTier,
} from './loyalty';
import { AccountLoyaltySchema, LoyaltyTierSchema } from './openapi';
import { createLoyaltyTierInput, updateLoyaltyTierInput } from './schemas';

const tags = ['Client care'];

/** The loyalty programme: its tiers, and each account's tier. */
export function loyaltyRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/loyalty-tiers',
      tags,
      summary: 'The loyalty programme’s tiers, best first',
      responses: {
        200: {
          description: 'Tiers',
          ...json(z.object({ items: z.array(LoyaltyTierSchema) }).meta({ id: 'LoyaltyTierList' })),
        },
      },
    }),
    async (c) => {
      const items = await runInWorkspace(c, (ctx) => listLoyaltyTiers(ctx));
      return c.json(serialize({ items }), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'post',
      path: '/loyalty-tiers',
      tags,
      summary: 'Add a tier: criteria (tenure, 12 months’ revenue, projects) and benefits (discount, priority)',
      request: { body: { required: true, ...json(createLoyaltyTierInput.meta({ id: 'LoyaltyTierCreate' })) } },
      responses: {
        201: { description: 'Added', headers: etagHeader, ...json(LoyaltyTierSchema) },
        422: problem('The name or rank is taken'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const tier = await runInWorkspace(c, (ctx) => createLoyaltyTier(ctx, input));
      c.header('ETag', etag(tier.version));
      return c.json(serialize(tier), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'patch',
      path: '/loyalty-tiers/{id}',
      tags,
      summary: 'Change a tier’s criteria or benefits',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateLoyaltyTierInput.meta({ id: 'LoyaltyTierUpdate' })) },
      },
      responses: {
        200: { description: 'Changed', headers: etagHeader, ...json(LoyaltyTierSchema) },
        404: problem('No such tier'),
        412: staleProblem,
        422: problem('The name or rank is taken'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const tier = await runInWorkspace(c, (ctx) => updateLoyaltyTier(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(tier.version));
      return c.json(serialize(tier), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'delete',
      path: '/loyalty-tiers/{id}',
      tags,
      summary: 'Remove a tier; its accounts fall to the next tier they qualify for',
      request: { params: IdParams },
      responses: { 204: { description: 'Removed' }, 404: problem('No such tier') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteLoyaltyTier(ctx, id));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/accounts/{id}/loyalty',
      tags,
      summary: 'The account’s loyalty tier and the facts it rests on (revenue only for finance readers)',
      request: { params: IdParams },
      responses: {
        200: { description: 'Tier', ...json(AccountLoyaltySchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const loyalty = await runInWorkspace(c, (ctx) => getAccountLoyalty(ctx, id));
      return c.json(serialize(loyalty), 200);
    },
  );

  return router;
}
