import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError, notFound, staleVersion } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { defaultSections, planMessages } from './messages';
import { planTemplateSections } from './schema';
import {
  type CreateTemplateSectionInput,
  createTemplateSectionInput,
  type ReorderTemplateInput,
  reorderTemplateInput,
  type UpdateTemplateSectionInput,
  updateTemplateSectionInput,
} from './schemas';

export type TemplateSection = {
  id: string;
  key: string | null;
  titleEn: string;
  titleRu: string;
  position: number;
  retired: boolean;
  version: number;
};

const sectionColumns = {
  id: planTemplateSections.id,
  key: planTemplateSections.key,
  titleEn: planTemplateSections.titleEn,
  titleRu: planTemplateSections.titleRu,
  position: planTemplateSections.position,
  retired: sql<boolean>`${planTemplateSections.retiredAt} is not null`,
  version: planTemplateSections.version,
};

/**
 * The workspace's template, every section (retired ones too), in order. A workspace that has
 * none yet gets the default sections here, on first use; the unique key makes two first uses agree.
 */
export async function getTemplate(ctx: UseCaseContext): Promise<TemplateSection[]> {
  const read = () =>
    ctx.db
      .select(sectionColumns)
      .from(planTemplateSections)
      .where(eq(planTemplateSections.workspaceId, ctx.actor.workspaceId))
      .orderBy(asc(planTemplateSections.position), asc(planTemplateSections.id));
  const sections = await read();
  if (sections.length > 0) return sections;
  await ctx.db
    .insert(planTemplateSections)
    .values(
      defaultSections.map((section, index) => ({
        ...section,
        workspaceId: ctx.actor.workspaceId,
        position: index + 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    )
    .onConflictDoNothing();
  return read();
}

/** Adds a section at the end of the template; new plans get it, existing ones do not. */
export async function createTemplateSection(
  ctx: UseCaseContext,
  rawInput: CreateTemplateSectionInput,
): Promise<TemplateSection[]> {
  const input = createTemplateSectionInput.parse(rawInput);
  const sections = await getTemplate(ctx);
  const last = Math.max(0, ...sections.map((section) => section.position));
  await ctx.db.insert(planTemplateSections).values({
    ...input,
    workspaceId: ctx.actor.workspaceId,
    position: last + 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return getTemplate(ctx);
}

/** Renames, retires or brings back a section; plans that have it keep it either way. */
export async function updateTemplateSection(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateTemplateSectionInput,
  expectedVersion?: number,
): Promise<TemplateSection[]> {
  const input = updateTemplateSectionInput.parse(rawInput);
  const sections = await getTemplate(ctx);
  const current = sections.find((section) => section.id === id);
  if (!current) throw notFound(planMessages.section);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const { retired, ...titles } = input;
  await ctx.db
    .update(planTemplateSections)
    .set({
      ...titles,
      ...(retired === undefined ? {} : { retiredAt: retired ? ctx.now : null }),
      updatedAt: ctx.now,
      version: sql`${planTemplateSections.version} + 1`,
    })
    .where(and(eq(planTemplateSections.workspaceId, ctx.actor.workspaceId), eq(planTemplateSections.id, id)));
  return getTemplate(ctx);
}

/** Puts the template's sections in the given order; every section must be named once. */
export async function reorderTemplate(ctx: UseCaseContext, rawInput: ReorderTemplateInput): Promise<TemplateSection[]> {
  const input = reorderTemplateInput.parse(rawInput);
  const sections = await getTemplate(ctx);
  const known = new Set(sections.map((section) => section.id));
  const named = new Set(input.sectionIds);
  if (named.size !== input.sectionIds.length || named.size !== known.size || ![...named].every((id) => known.has(id))) {
    throw new AppError('validation_failed', message(platformMessages.validationFailed), [
      { path: 'sectionIds', message: message(planMessages.sectionOrder) },
    ]);
  }
  for (const [index, id] of input.sectionIds.entries()) {
    const position = index + 1;
    if (sections.find((section) => section.id === id)?.position === position) continue;
    await ctx.db
      .update(planTemplateSections)
      .set({ position, updatedAt: ctx.now, version: sql`${planTemplateSections.version} + 1` })
      .where(and(eq(planTemplateSections.workspaceId, ctx.actor.workspaceId), eq(planTemplateSections.id, id)));
  }
  return getTemplate(ctx);
}
