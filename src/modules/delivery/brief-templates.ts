import { and, asc, eq } from 'drizzle-orm';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaces } from '../workspaces';
import { briefTemplates } from './client-work-schema';
import { type CreateBriefTemplateInput, createBriefTemplateInput } from './client-work-schemas';
import { deliveryMessages } from './messages';
import { type BriefField, defaultBriefTemplates } from './request-rules';

export type BriefTemplate = { id: string; name: string; fields: BriefField[] };

const columns = { id: briefTemplates.id, name: briefTemplates.name, fields: briefTemplates.fields };
const asTemplate = (row: { id: string; name: string; fields: unknown }): BriefTemplate => ({
  ...row,
  fields: row.fields as BriefField[],
});

async function selectTemplates(ctx: UseCaseContext): Promise<BriefTemplate[]> {
  const rows = await ctx.db
    .select(columns)
    .from(briefTemplates)
    .where(eq(briefTemplates.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(briefTemplates.createdAt), asc(briefTemplates.name));
  return rows.map(asTemplate);
}

/** The workspace's brief templates; the default one is written on first use, in the workspace's language. */
export async function listBriefTemplates(ctx: UseCaseContext): Promise<BriefTemplate[]> {
  const existing = await selectTemplates(ctx);
  if (existing.length > 0) return existing;
  const [workspace] = await ctx.db
    .select({ locale: workspaces.locale })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  const template = workspace?.locale === 'en' ? defaultBriefTemplates.en : defaultBriefTemplates.ru;
  await ctx.db
    .insert(briefTemplates)
    .values({ workspaceId: ctx.actor.workspaceId, ...template, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing();
  return selectTemplates(ctx);
}

/** One brief template; 422 on `path` when the workspace has no such template. */
export async function findBriefTemplate(ctx: UseCaseContext, id: string, path: string): Promise<BriefTemplate> {
  const [row] = await ctx.db
    .select(columns)
    .from(briefTemplates)
    .where(and(eq(briefTemplates.workspaceId, ctx.actor.workspaceId), eq(briefTemplates.id, id)));
  if (!row) throw ruleViolated(deliveryMessages.noSuchBriefTemplate, undefined, path);
  return asTemplate(row);
}

/** Adds a brief template with its typed fields; 422 on `name` when taken. */
export async function createBriefTemplate(
  ctx: UseCaseContext,
  rawInput: CreateBriefTemplateInput,
): Promise<BriefTemplate> {
  const input = createBriefTemplateInput.parse(rawInput);
  await listBriefTemplates(ctx);
  const [created] = await ctx.db
    .insert(briefTemplates)
    .values({ workspaceId: ctx.actor.workspaceId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning(columns);
  if (!created) throw ruleViolated(deliveryMessages.briefTemplateTaken, undefined, 'name');
  return asTemplate(created);
}
