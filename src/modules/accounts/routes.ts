import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { getAccountFacets } from './account-facets';
import { createAccount } from './create-account';
import { deleteAccount } from './delete-account';
import { getAccount } from './get-account';
import { listAccounts } from './list-accounts';
import {
  accountFilters,
  accountStatuses,
  createAccountInput,
  listAccountsQuery,
  teamRoles,
  updateAccountInput,
} from './schemas';
import type { AccountStatusGuard } from './status-guard';
import { updateAccount } from './update-account';

const accountFields = {
  id: z.uuid(),
  name: z.string(),
  legalName: z.string().nullable(),
  taxId: z.string().nullable(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  segment: z.string().nullable(),
  status: z.enum(accountStatuses),
  ownerId: z.uuid(),
  parentId: z.uuid().nullable(),
  currency: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

const AccountListItemSchema = z
  .object({ ...accountFields, owner: z.object({ id: z.uuid(), name: z.string() }) })
  .meta({ id: 'AccountListItem' });

const AccountSchema = z
  .object({
    ...accountFields,
    custom: z.record(z.string(), z.unknown()),
    notes: z.string().nullable(),
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    children: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.enum(accountStatuses) })),
    childCount: z.number().int(),
    team: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.enum(teamRoles) })),
  })
  .meta({ id: 'Account' });

const AccountFacetsSchema = z
  .object({
    total: z.number().int(),
    statuses: z.array(z.object({ value: z.enum(accountStatuses), count: z.number().int() })),
    industries: z.array(z.object({ value: z.string(), count: z.number().int() })),
    owners: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'AccountFacets' });

/** The accounts API; `statusGuard` is another module's rule on statuses (the key-account cap). */
export function accountRoutes(options: { statusGuard?: AccountStatusGuard } = {}) {
  const router = createRouter();

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/accounts',
      tags: ['Accounts'],
      summary: 'Search, filter and sort accounts (cursor-paginated)',
      request: { query: listAccountsQuery },
      responses: {
        200: {
          description: 'A page of accounts',
          ...json(pageOf(AccountListItemSchema, { total: true })),
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listAccounts(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/accounts/facets',
      tags: ['Accounts'],
      summary: 'The filtered total and counts by status, industry and owner, for the list filters',
      request: { query: accountFilters },
      responses: { 200: { description: 'Facets', ...json(AccountFacetsSchema) } },
    }),
    async (c) => {
      const filters = c.req.valid('query');
      return c.json(await runInWorkspace(c, (ctx) => getAccountFacets(ctx, filters)), 200);
    },
  );

  router.openapi(
    apiRoute('accounts:write', {
      method: 'post',
      path: '/accounts',
      tags: ['Accounts'],
      summary: 'Create an account',
      request: { body: { required: true, ...json(createAccountInput.meta({ id: 'AccountCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(AccountSchema) },
        422: problem('Owner, team or parent not allowed, or no room for another key account'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const account = await runInWorkspace(c, (ctx) => createAccount(ctx, input, options.statusGuard));
      c.header('ETag', etag(account.version));
      c.header('Location', `/api/v1/accounts/${account.id}`);
      return c.json(serialize(account), 201);
    },
  );

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/accounts/{id}',
      tags: ['Accounts'],
      summary: 'An account with its owner, parent, subsidiaries and team',
      request: { params: IdParams },
      responses: {
        200: { description: 'Account', headers: etagHeader, ...json(AccountSchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const account = await runInWorkspace(c, (ctx) => getAccount(ctx, id));
      c.header('ETag', etag(account.version));
      return c.json(serialize(account), 200);
    },
  );

  router.openapi(
    apiRoute('accounts:write', {
      method: 'patch',
      path: '/accounts/{id}',
      tags: ['Accounts'],
      summary: 'Change an account (send If-Match to avoid overwriting others’ changes)',
      request: { params: IdParams, body: { required: true, ...json(updateAccountInput.meta({ id: 'AccountPatch' })) } },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(AccountSchema) },
        404: problem('No such account'),
        412: staleProblem,
        422: problem('Owner, team or parent not allowed, or no room for another key account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const account = await runInWorkspace(c, (ctx) =>
        updateAccount(ctx, id, input, expectedVersion(c), options.statusGuard),
      );
      c.header('ETag', etag(account.version));
      return c.json(serialize(account), 200);
    },
  );

  router.openapi(
    apiRoute('accounts:delete', {
      method: 'delete',
      path: '/accounts/{id}',
      tags: ['Accounts'],
      summary: 'Delete an account with its contacts (subsidiaries are kept)',
      request: { params: IdParams },
      responses: {
        204: { description: 'Deleted' },
        404: problem('No such account'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteAccount(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  return router;
}
