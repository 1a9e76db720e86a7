import { etag, expectedVersion } from '../../platform/http/etag';
import { IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { TemplateSchema } from './openapi';
import { createTemplateSectionInput, reorderTemplateInput, updateTemplateSectionInput } from './schemas';
import { createTemplateSection, getTemplate, reorderTemplate, updateTemplateSection } from './template';

const tags = ['Account plans'];

/** The workspace's plan template: its sections, added, renamed, reordered and retired by heads and admins. */
export function planTemplateRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('plans:read', {
      method: 'get',
      path: '/plan-template',
      tags,
      summary: 'The sections new plans start with (the default framework until changed)',
      responses: { 200: { description: 'The template, retired sections too', ...json(TemplateSchema) } },
    }),
    async (c) => c.json({ items: await runInWorkspace(c, (ctx) => getTemplate(ctx)) }, 200),
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'post',
      path: '/plan-template/sections',
      tags,
      summary: 'Add a section at the end; new plans get it',
      request: {
        body: { required: true, ...json(createTemplateSectionInput.meta({ id: 'PlanTemplateSectionCreate' })) },
      },
      responses: { 201: { description: 'The template', ...json(TemplateSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json({ items: await runInWorkspace(c, (ctx) => createTemplateSection(ctx, input)) }, 201);
    },
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'patch',
      path: '/plan-template/sections/{id}',
      tags,
      summary: 'Rename, retire or bring back a section (plans that have it keep it)',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateTemplateSectionInput.meta({ id: 'PlanTemplateSectionPatch' })) },
      },
      responses: {
        200: { description: 'The template, retired sections too', ...json(TemplateSchema) },
        404: problem('No such section'),
        412: staleProblem,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const sections = await runInWorkspace(c, (ctx) => updateTemplateSection(ctx, id, input, expectedVersion(c)));
      const section = sections.find((candidate) => candidate.id === id);
      if (section) c.header('ETag', etag(section.version));
      return c.json({ items: sections }, 200);
    },
  );

  router.openapi(
    apiRoute('plans:manage', {
      method: 'put',
      path: '/plan-template/order',
      tags,
      summary: 'Put the sections in order: every section of the template, each once',
      request: { body: { required: true, ...json(reorderTemplateInput.meta({ id: 'PlanTemplateOrder' })) } },
      responses: { 200: { description: 'The template, retired sections too', ...json(TemplateSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json({ items: await runInWorkspace(c, (ctx) => reorderTemplate(ctx, input)) }, 200);
    },
  );

  return router;
}
