import { asc, eq } from 'drizzle-orm';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaces } from '../workspaces';
import { deliveryMessages } from './messages';
import { projectTypes } from './schema';
import { type CreateProjectTypeInput, createProjectTypeInput } from './schemas';

export type ProjectType = { id: string; name: string; stages: string[] };

/** The two project types every workspace starts with, in its language. */
export const defaultProjectTypes = {
  ru: [
    { name: 'Сайт', stages: ['Бриф', 'Дизайн', 'Разработка', 'Запуск', 'Поддержка'] },
    { name: 'Рекламная кампания', stages: ['Бриф', 'Медиаплан', 'Настройка', 'Ведение', 'Отчёт'] },
  ],
  en: [
    { name: 'Website', stages: ['Brief', 'Design', 'Development', 'Launch', 'Support'] },
    { name: 'Advertising campaign', stages: ['Brief', 'Media plan', 'Setup', 'Running', 'Report'] },
  ],
} as const;

const columns = { id: projectTypes.id, name: projectTypes.name, stages: projectTypes.stages };

/** The workspace's project types; the defaults are written on first use, in the workspace's language. */
export async function listProjectTypes(ctx: UseCaseContext): Promise<ProjectType[]> {
  const existing = await ctx.db
    .select(columns)
    .from(projectTypes)
    .where(eq(projectTypes.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(projectTypes.createdAt), asc(projectTypes.name));
  if (existing.length > 0) return existing;
  const [workspace] = await ctx.db
    .select({ locale: workspaces.locale })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  const defaults = workspace?.locale === 'en' ? defaultProjectTypes.en : defaultProjectTypes.ru;
  await ctx.db
    .insert(projectTypes)
    .values(
      defaults.map((type) => ({
        workspaceId: ctx.actor.workspaceId,
        name: type.name,
        stages: [...type.stages],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    )
    .onConflictDoNothing();
  return ctx.db
    .select(columns)
    .from(projectTypes)
    .where(eq(projectTypes.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(projectTypes.createdAt), asc(projectTypes.name));
}

/** Adds a project type with its stages in order; 422 on `name` when taken. */
export async function createProjectType(ctx: UseCaseContext, rawInput: CreateProjectTypeInput): Promise<ProjectType> {
  const input = createProjectTypeInput.parse(rawInput);
  await listProjectTypes(ctx);
  const [created] = await ctx.db
    .insert(projectTypes)
    .values({ workspaceId: ctx.actor.workspaceId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning(columns);
  if (!created) throw ruleViolated(deliveryMessages.projectTypeTaken, undefined, 'name');
  return created;
}
