import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { createDepartment, listDeliveryMembers, listDepartments, placeMember } from './departments';
import {
  DeliveryMemberListSchema,
  DeliveryMemberSchema,
  DeliverySettingsSchema,
  DepartmentListSchema,
  DepartmentSchema,
  PriceListItemSchema,
  PriceListSchema,
  ProjectTypeListSchema,
  ProjectTypeSchema,
} from './openapi';
import { createPriceListItem, listPriceList } from './price-list';
import { createProjectType, listProjectTypes } from './project-types';
import {
  createDepartmentInput,
  createPriceListItemInput,
  createProjectTypeInput,
  placeMemberInput,
  updateDeliverySettingsInput,
} from './schemas';
import { getDeliverySettings, updateDeliverySettings } from './settings';

const tags = ['Delivery'];
const UserParams = z.object({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });

/** How delivery is organised: the acceptance window, departments, capacities, project types, price list. */
export function deliveryRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/delivery/settings',
      tags,
      summary: 'How many hours an assignee has to accept a task before it is flagged',
      responses: { 200: { description: 'Settings', headers: etagHeader, ...json(DeliverySettingsSchema) } },
    }),
    async (c) => {
      const settings = await runInWorkspace(c, (ctx) => getDeliverySettings(ctx));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'put',
      path: '/delivery/settings',
      tags,
      summary: 'Replace the delivery settings (If-Match "0" before the first change)',
      request: {
        body: { required: true, ...json(updateDeliverySettingsInput.meta({ id: 'DeliverySettingsUpdate' })) },
      },
      responses: {
        200: { description: 'Saved', headers: etagHeader, ...json(DeliverySettingsSchema) },
        412: staleProblem,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const settings = await runInWorkspace(c, (ctx) => updateDeliverySettings(ctx, input, expectedVersion(c)));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/departments',
      tags,
      summary: 'Departments with their headcount and weekly capacity',
      responses: { 200: { description: 'Departments', ...json(DepartmentListSchema) } },
    }),
    async (c) => {
      const items = await runInWorkspace(c, (ctx) => listDepartments(ctx));
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'post',
      path: '/departments',
      tags,
      summary: 'Add a department',
      request: { body: { required: true, ...json(createDepartmentInput.meta({ id: 'DepartmentCreate' })) } },
      responses: {
        201: { description: 'Created', ...json(DepartmentSchema) },
        422: problem('The name is taken'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const department = await runInWorkspace(c, (ctx) => createDepartment(ctx, input));
      return c.json(department, 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/delivery/members',
      tags,
      summary: 'Every member with their department and weekly capacity (40 h unless set)',
      responses: { 200: { description: 'Members', ...json(DeliveryMemberListSchema) } },
    }),
    async (c) => {
      const items = await runInWorkspace(c, (ctx) => listDeliveryMembers(ctx));
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'put',
      path: '/delivery/members/{userId}',
      tags,
      summary: 'Put a member in a department (or none) with a weekly capacity in hours',
      request: {
        params: UserParams,
        body: { required: true, ...json(placeMemberInput.meta({ id: 'DeliveryMemberPlacement' })) },
      },
      responses: {
        200: { description: 'Placed', ...json(DeliveryMemberSchema) },
        404: problem('Not a member of the workspace'),
        422: problem('No such department'),
      },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const input = c.req.valid('json');
      const member = await runInWorkspace(c, (ctx) => placeMember(ctx, userId, input));
      return c.json(member, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/project-types',
      tags,
      summary: 'Project types with their stages (website and advertising campaign to begin with)',
      responses: { 200: { description: 'Project types', ...json(ProjectTypeListSchema) } },
    }),
    async (c) => {
      const items = await runInWorkspace(c, (ctx) => listProjectTypes(ctx));
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'post',
      path: '/project-types',
      tags,
      summary: 'Add a project type with its stages in order',
      request: { body: { required: true, ...json(createProjectTypeInput.meta({ id: 'ProjectTypeCreate' })) } },
      responses: {
        201: { description: 'Created', ...json(ProjectTypeSchema) },
        422: problem('The name is taken'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const type = await runInWorkspace(c, (ctx) => createProjectType(ctx, input));
      return c.json(type, 201);
    },
  );

  router.openapi(
    apiRoute('estimates:read', {
      method: 'get',
      path: '/price-list',
      tags,
      summary: 'The services estimates are made of, with prices',
      responses: { 200: { description: 'Price list', ...json(PriceListSchema) } },
    }),
    async (c) => {
      const items = await runInWorkspace(c, (ctx) => listPriceList(ctx));
      return c.json({ items }, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:manage', {
      method: 'post',
      path: '/price-list',
      tags,
      summary: 'Add a service to the price list',
      request: { body: { required: true, ...json(createPriceListItemInput.meta({ id: 'PriceListItemCreate' })) } },
      responses: {
        201: { description: 'Created', ...json(PriceListItemSchema) },
        422: problem('The name is taken'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const item = await runInWorkspace(c, (ctx) => createPriceListItem(ctx, input));
      return c.json(item, 201);
    },
  );

  return router;
}
