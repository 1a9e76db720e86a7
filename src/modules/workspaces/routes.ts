import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runAsSystem, runInWorkspace } from '../../platform/http/use-case-runner';
import { createWorkspace } from './create-workspace';
import {
  addMember,
  changeMemberRole,
  getMember,
  listMembers,
  listMembersQuery,
  type MemberRemovalPorts,
  removeMember,
} from './members';
import {
  addMemberInput,
  removeMemberInput,
  roleSchema,
  updateMemberInput,
  updateWorkspaceInput,
  workspaceSettingsInput,
} from './schemas';
import { getWorkspace, updateWorkspace } from './workspace-settings';

const WorkspaceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    defaultCurrency: z.string(),
    locale: z.string(),
    timeZone: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Workspace' });

const MemberSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    joinedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Member' });

const UserIdParams = z.object({ userId: z.uuid() });

export function workspaceRoutes(ports: MemberRemovalPorts) {
  const router = createRouter();

  router.openapi(
    apiRoute('signed-in', {
      method: 'get',
      path: '/workspace',
      tags: ['Workspaces'],
      summary: 'The current workspace and its settings',
      responses: { 200: { description: 'Workspace', headers: etagHeader, ...json(WorkspaceSchema) } },
    }),
    async (c) => {
      const workspace = await runInWorkspace(c, getWorkspace);
      c.header('ETag', etag(workspace.version));
      return c.json(serialize(workspace), 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'patch',
      path: '/workspace',
      tags: ['Workspaces'],
      summary: 'Change the current workspace settings',
      request: { body: { required: true, ...json(updateWorkspaceInput.meta({ id: 'WorkspaceSettingsPatch' })) } },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(WorkspaceSchema) },
        412: staleProblem,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const workspace = await runInWorkspace(c, (ctx) => updateWorkspace(ctx, input, expectedVersion(c)));
      c.header('ETag', etag(workspace.version));
      return c.json(serialize(workspace), 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'post',
      path: '/workspaces',
      tags: ['Workspaces'],
      summary: 'Create another workspace, with you as its admin',
      request: { body: { required: true, ...json(workspaceSettingsInput.meta({ id: 'WorkspaceSettings' })) } },
      responses: { 201: { description: 'Created', ...json(WorkspaceSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const workspace = await runAsSystem(c, (ctx) => createWorkspace(ctx.db, input, { userId: ctx.actor.userId }));
      return c.json(serialize(workspace), 201);
    },
  );

  router.openapi(
    apiRoute('members:read', {
      method: 'get',
      path: '/members',
      tags: ['Workspaces'],
      summary: 'Members of the current workspace',
      request: { query: listMembersQuery },
      responses: {
        200: {
          description: 'A page of members',
          ...json(pageOf(MemberSchema)),
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listMembers(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'post',
      path: '/members',
      tags: ['Workspaces'],
      summary: 'Add a person (creating their user if needed)',
      request: { body: { required: true, ...json(addMemberInput.meta({ id: 'AddMember' })) } },
      responses: {
        201: {
          description: 'Added; a generated password is returned once for a new user',
          ...json(z.object({ member: MemberSchema, temporaryPassword: z.string().optional() })),
        },
        409: problem('Already a member, or the e-mail belongs to someone else'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const result = await runAsSystem(c, (ctx) => addMember(ctx, input));
      return c.json(serialize(result), 201);
    },
  );

  router.openapi(
    apiRoute('members:read', {
      method: 'get',
      path: '/members/{userId}',
      tags: ['Workspaces'],
      summary: 'One member',
      request: { params: UserIdParams },
      responses: {
        200: { description: 'Member', headers: etagHeader, ...json(MemberSchema) },
        404: problem('No such member'),
      },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const member = await runInWorkspace(c, (ctx) => getMember(ctx, userId));
      c.header('ETag', etag(member.version));
      return c.json(serialize(member), 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'patch',
      path: '/members/{userId}',
      tags: ['Workspaces'],
      summary: "Change a member's role",
      request: {
        params: UserIdParams,
        body: { required: true, ...json(updateMemberInput.meta({ id: 'MemberPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(MemberSchema) },
        404: problem('No such member'),
        412: staleProblem,
        422: problem('The last admin cannot lose the role'),
      },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const input = c.req.valid('json');
      const member = await runInWorkspace(c, (ctx) => changeMemberRole(ctx, userId, input, expectedVersion(c)));
      c.header('ETag', etag(member.version));
      return c.json(serialize(member), 200);
    },
  );

  router.openapi(
    apiRoute('workspace:manage', {
      method: 'delete',
      path: '/members/{userId}',
      tags: ['Workspaces'],
      summary: 'Remove a member, handing their accounts to another',
      request: { params: UserIdParams, query: removeMemberInput },
      responses: {
        204: { description: 'Removed' },
        404: problem('No such member'),
        412: staleProblem,
        422: problem('Last admin, or accounts to hand over'),
      },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const query = c.req.valid('query');
      await runInWorkspace(c, (ctx) => removeMember(ctx, userId, query, ports, expectedVersion(c)));
      return c.body(null, 204);
    },
  );

  return router;
}
