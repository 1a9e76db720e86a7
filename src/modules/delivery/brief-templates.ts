import { and, asc, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaces } from '../workspaces';
import { briefTemplates } from './client-work-schema';
import {
  type CreateBriefTemplateInput,
  createBriefTemplateInput,
  type UpdateBriefTemplateInput,
  updateBriefTemplateInput,
} from './client-work-schemas';
import { deliveryMessages } from './messages';
import { type BriefField, defaultBriefTemplates } from './request-rules';

export type BriefTemplate = { id: string; name: string; fields: BriefField[]; retired: boolean; version: number };

const columns = {
  id: briefTemplates.id,
  name: briefTemplates.name,
  fields: briefTemplates.fields,
  retiredAt: briefTemplates.retiredAt,
  version: briefTemplates.version,
};
const asTemplate = ({
  retiredAt,
  ...row
}: {
  id: string;
  name: string;
  fields: unknown;
  retiredAt: Date | null;
  version: number;
}): BriefTemplate => ({ ...row, fields: row.fields as BriefField[], retired: retiredAt !== null });

async function selectTemplates(ctx: UseCaseContext): Promise<BriefTemplate[]> {
  const rows = await ctx.db
    .select(columns)
    .from(briefTemplates)
    .where(eq(briefTemplates.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(briefTemplates.createdAt), asc(briefTemplates.name));
  return rows.map(asTemplate);
}

/**
 * The workspace's brief templates in use (with `includeRetired`, the retired ones too); the
 * default one is written on first use, in the workspace's language.
 */
export async function listBriefTemplates(
  ctx: UseCaseContext,
  options: { includeRetired?: boolean } = {},
): Promise<BriefTemplate[]> {
  const existing = await selectTemplates(ctx);
  // NOTE: a workspace that retired every template has templates all the same: no default again.
  if (existing.length > 0) return existing.filter((template) => options.includeRetired || !template.retired);
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

/**
 * A brief template for a new brief; 422 on `path` when the workspace has no such template or it
 * is retired (a brief already answered with it keeps its copy of the fields).
 */
export async function findBriefTemplate(ctx: UseCaseContext, id: string, path: string): Promise<BriefTemplate> {
  const [row] = await ctx.db
    .select(columns)
    .from(briefTemplates)
    .where(and(eq(briefTemplates.workspaceId, ctx.actor.workspaceId), eq(briefTemplates.id, id)));
  if (!row) throw ruleViolated(deliveryMessages.noSuchBriefTemplate, undefined, path);
  if (row.retiredAt) throw ruleViolated(deliveryMessages.retiredBriefTemplate, undefined, path);
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

/** Renames a template, changes its fields, or retires it (and back); 422 on `name` when taken. */
export async function updateBriefTemplate(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateBriefTemplateInput,
  expectedVersion?: number,
): Promise<BriefTemplate> {
  const { retired, ...input } = updateBriefTemplateInput.parse(rawInput);
  const key = { workspaceId: ctx.actor.workspaceId, id };
  await lockRow(ctx.db, briefTemplates, key, 'update');
  const [current] = await ctx.db
    .select(columns)
    .from(briefTemplates)
    .where(and(eq(briefTemplates.workspaceId, key.workspaceId), eq(briefTemplates.id, id)));
  if (!current) throw notFound(deliveryMessages.briefTemplate);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  if (input.name && input.name !== current.name) {
    const [taken] = await ctx.db
      .select({ id: briefTemplates.id })
      .from(briefTemplates)
      .where(and(eq(briefTemplates.workspaceId, key.workspaceId), eq(briefTemplates.name, input.name)));
    if (taken) throw ruleViolated(deliveryMessages.briefTemplateTaken, undefined, 'name');
  }
  const [updated] = await ctx.db
    .update(briefTemplates)
    .set({
      ...input,
      ...(retired === undefined ? {} : { retiredAt: retired ? (current.retiredAt ?? ctx.now) : null }),
      updatedAt: ctx.now,
      version: sql`${briefTemplates.version} + 1`,
    })
    .where(and(eq(briefTemplates.workspaceId, key.workspaceId), eq(briefTemplates.id, id)))
    .returning(columns);
  return asTemplate(updated as NonNullable<typeof updated>);
}
