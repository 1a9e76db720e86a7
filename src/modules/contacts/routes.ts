import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { createContact, deleteContact, updateContact } from './change-contact';
import { getContact } from './get-contact';
import { listContacts } from './list-contacts';
import { createContactInput, listContactsQuery, messengerKinds, updateContactInput } from './schemas';

const contactFields = {
  id: z.uuid(),
  accountId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  patronymic: z.string().nullable(),
  fullName: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  messengers: z.array(z.object({ kind: z.enum(messengerKinds), handle: z.string() })),
  reportsToId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  account: z.object({ id: z.uuid(), name: z.string() }),
};

const ContactListItemSchema = z.object(contactFields).meta({ id: 'ContactListItem' });

const ContactSchema = z
  .object({
    ...contactFields,
    notes: z.string().nullable(),
    custom: z.record(z.string(), z.unknown()),
    reportsTo: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
    directReports: z.array(z.object({ id: z.uuid(), fullName: z.string(), title: z.string().nullable() })),
  })
  .meta({ id: 'Contact' });

export function contactRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('contacts:read', {
      method: 'get',
      path: '/contacts',
      tags: ['Contacts'],
      summary: 'Search contacts of the workspace or of one account (cursor-paginated)',
      request: { query: listContactsQuery },
      responses: {
        200: {
          description: 'A page of contacts',
          ...json(pageOf(ContactListItemSchema, { total: true })),
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listContacts(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('contacts:write', {
      method: 'post',
      path: '/contacts',
      tags: ['Contacts'],
      summary: 'Add a contact to an account',
      request: { body: { required: true, ...json(createContactInput.meta({ id: 'ContactCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(ContactSchema) },
        422: problem('Account or manager not allowed'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const contact = await runInWorkspace(c, (ctx) => createContact(ctx, input));
      c.header('ETag', etag(contact.version));
      c.header('Location', `/api/v1/contacts/${contact.id}`);
      return c.json(serialize(contact), 201);
    },
  );

  router.openapi(
    apiRoute('contacts:read', {
      method: 'get',
      path: '/contacts/{id}',
      tags: ['Contacts'],
      summary: 'A contact with account, manager and direct reports',
      request: { params: IdParams },
      responses: {
        200: { description: 'Contact', headers: etagHeader, ...json(ContactSchema) },
        404: problem('No such contact'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const contact = await runInWorkspace(c, (ctx) => getContact(ctx, id));
      c.header('ETag', etag(contact.version));
      return c.json(serialize(contact), 200);
    },
  );

  router.openapi(
    apiRoute('contacts:write', {
      method: 'patch',
      path: '/contacts/{id}',
      tags: ['Contacts'],
      summary: 'Change a contact (send If-Match to avoid overwriting others’ changes)',
      request: { params: IdParams, body: { required: true, ...json(updateContactInput.meta({ id: 'ContactPatch' })) } },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(ContactSchema) },
        404: problem('No such contact'),
        412: staleProblem,
        422: problem('Account or manager not allowed'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const contact = await runInWorkspace(c, (ctx) => updateContact(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(contact.version));
      return c.json(serialize(contact), 200);
    },
  );

  router.openapi(
    apiRoute('contacts:delete', {
      method: 'delete',
      path: '/contacts/{id}',
      tags: ['Contacts'],
      summary: 'Delete a contact (their reports move up to their manager)',
      request: { params: IdParams },
      responses: {
        204: { description: 'Deleted' },
        404: problem('No such contact'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteContact(ctx, id, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  return router;
}
