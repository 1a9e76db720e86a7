import type { Context } from 'hono';
import { type AppEnv, localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { sendTableFile, tableFileResponse } from '../../platform/http/file-response';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { getBoard, getWorkload } from './board';
import { exportTasks, exportTasksQuery } from './export-work';
import { BoardSchema, ProjectListSchema, ProjectSchema, TaskSchema, WorkloadSchema } from './openapi';
import { createProject, getProject, listProjects, updateProject } from './projects';
import {
  addCommentInput,
  boardQuery,
  createProjectInput,
  createTaskInput,
  declineTaskInput,
  listProjectsQuery,
  moveTaskInput,
  updateProjectInput,
  workloadQuery,
} from './schemas';
import { acceptTask, addTaskComment, createTask, declineTask, getTask, moveTask } from './tasks';

const tags = ['Delivery'];

function withEtag<T extends { version: number }>(c: Context<AppEnv>, record: T) {
  c.header('ETag', etag(record.version));
  return serialize(record);
}

/** Projects, tasks handed to specialists, the board and the workload. */
export function workRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/projects',
      tags,
      summary: 'Projects the caller may see, of an account or an owner (`ownerId=me`: my projects)',
      request: { query: listProjectsQuery },
      responses: { 200: { description: 'Projects', ...json(ProjectListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const items = await runInWorkspace(c, (ctx) => listProjects(ctx, query));
      return c.json(serialize({ items }), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/projects',
      tags,
      summary: 'Start a project for an account (at its type’s first stage unless told)',
      request: { body: { required: true, ...json(createProjectInput.meta({ id: 'ProjectCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(ProjectSchema) },
        422: problem('No such account, project type or member, or a stage the type does not have'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const project = await runInWorkspace(c, (ctx) => createProject(ctx, input));
      return c.json(withEtag(c, project), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/projects/{id}',
      tags,
      summary: 'One project',
      request: { params: IdParams },
      responses: {
        200: { description: 'Project', headers: etagHeader, ...json(ProjectSchema) },
        404: problem('No such project, or not one the caller works on'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const project = await runInWorkspace(c, (ctx) => getProject(ctx, id));
      return c.json(withEtag(c, project), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'patch',
      path: '/projects/{id}',
      tags,
      summary: 'Change a project’s stage, owner, dates or budget',
      request: { params: IdParams, body: { required: true, ...json(updateProjectInput.meta({ id: 'ProjectPatch' })) } },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(ProjectSchema) },
        404: problem('No such project'),
        412: staleProblem,
        422: problem('A stage the project type does not have, or no such member'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const project = await runInWorkspace(c, (ctx) => updateProject(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, project), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/tasks/export',
      tags,
      summary: 'Every task the board filters select (done ones of any age) as CSV (UTF-8 with BOM) or XLSX',
      request: { query: exportTasksQuery },
      responses: { 200: tableFileResponse },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendTableFile(c, await runInWorkspace(c, (ctx) => exportTasks(ctx, query, localeOf(c))));
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/board',
      tags,
      summary: 'The kanban: a column per status with its count and most urgent tasks, filtered',
      request: { query: boardQuery },
      responses: { 200: { description: 'Board', ...json(BoardSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const board = await runInWorkspace(c, (ctx) => getBoard(ctx, query));
      return c.json(serialize(board), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/workload',
      tags,
      summary: 'Estimated hours against capacity per specialist or department per ISO week',
      request: { query: workloadQuery },
      responses: { 200: { description: 'Workload', ...json(WorkloadSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const workload = await runInWorkspace(c, (ctx) => getWorkload(ctx, query));
      return c.json(workload, 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/tasks',
      tags,
      summary: 'Hand a task to a specialist or a department; it waits for their acceptance',
      request: { body: { required: true, ...json(createTaskInput.meta({ id: 'TaskCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(TaskSchema) },
        422: problem('No such project, member or department'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const task = await runInWorkspace(c, (ctx) => createTask(ctx, input));
      return c.json(withEtag(c, task), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'get',
      path: '/tasks/{id}',
      tags,
      summary: 'One task with its comments',
      request: { params: IdParams },
      responses: {
        200: { description: 'Task', headers: etagHeader, ...json(TaskSchema) },
        404: problem('No such task, or not one given to the caller'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const task = await runInWorkspace(c, (ctx) => getTask(ctx, id));
      return c.json(withEtag(c, task), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'post',
      path: '/tasks/{id}/accept',
      tags,
      summary: 'The assignee (or a member of the assigned department) takes the task',
      request: { params: IdParams },
      responses: {
        200: { description: 'Accepted', headers: etagHeader, ...json(TaskSchema) },
        403: problem('Not the assignee'),
        404: problem('No such task'),
        412: staleProblem,
        422: problem('Already accepted or declined'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const task = await runInWorkspace(c, (ctx) => acceptTask(ctx, id, expectedVersion(c)));
      return c.json(withEtag(c, task), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'post',
      path: '/tasks/{id}/decline',
      tags,
      summary: 'The assignee turns the task down with a reason',
      request: { params: IdParams, body: { required: true, ...json(declineTaskInput.meta({ id: 'TaskDecline' })) } },
      responses: {
        200: { description: 'Declined', headers: etagHeader, ...json(TaskSchema) },
        403: problem('Not the assignee'),
        404: problem('No such task'),
        412: staleProblem,
        422: problem('Already accepted or declined'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const task = await runInWorkspace(c, (ctx) => declineTask(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, task), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'post',
      path: '/tasks/{id}/status',
      tags,
      summary: 'Move an accepted task: to do → in progress → in review → done, or back for rework',
      request: { params: IdParams, body: { required: true, ...json(moveTaskInput.meta({ id: 'TaskMove' })) } },
      responses: {
        200: { description: 'Moved', headers: etagHeader, ...json(TaskSchema) },
        403: problem('Neither the assignee nor a manager'),
        404: problem('No such task'),
        412: staleProblem,
        422: problem('Not accepted yet, or a move the workflow does not allow'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const task = await runInWorkspace(c, (ctx) => moveTask(ctx, id, input, expectedVersion(c)));
      return c.json(withEtag(c, task), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:read', {
      method: 'post',
      path: '/tasks/{id}/comments',
      tags,
      summary: 'Comment on a task',
      request: {
        params: IdParams,
        body: { required: true, ...json(addCommentInput.meta({ id: 'TaskCommentCreate' })) },
      },
      responses: {
        201: { description: 'The task with the new comment', headers: etagHeader, ...json(TaskSchema) },
        404: problem('No such task'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const task = await runInWorkspace(c, (ctx) => addTaskComment(ctx, id, input));
      return c.json(withEtag(c, task), 201);
    },
  );

  return router;
}
