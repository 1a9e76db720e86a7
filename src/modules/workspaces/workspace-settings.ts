import { and, eq, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money';
import { notFound, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import type { Workspace } from './create-workspace';
import { workspaceMessages } from './messages';
import { workspaces } from './schema';
import { type UpdateWorkspaceInput, updateWorkspaceInput } from './schemas';

export async function getWorkspace(ctx: UseCaseContext): Promise<Workspace> {
  const [workspace] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, ctx.actor.workspaceId));
  if (!workspace) throw notFound(workspaceMessages.workspace);
  return workspace;
}

/** The workspace's default currency: what money entered without a currency is in. */
export async function workspaceCurrency(ctx: UseCaseContext): Promise<Currency> {
  const [workspace] = await ctx.db
    .select({ currency: workspaces.defaultCurrency })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  return (workspace?.currency ?? 'RUB') as Currency;
}

/**
 * Today's date (`YYYY-MM-DD`) in the workspace's time zone: the day its members live in, against
 * which due dates, overdue days and "this year" count. UTC's date is a day off every evening in
 * Moscow.
 */
export async function workspaceToday(ctx: UseCaseContext): Promise<string> {
  return dateIn(ctx.now, await workspaceTimeZone(ctx));
}

/** The workspace's IANA time zone, in which its members' calendar days are counted. */
export async function workspaceTimeZone(ctx: UseCaseContext): Promise<string> {
  const [workspace] = await ctx.db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  return workspace?.timeZone ?? 'UTC';
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string): string {
  // NOTE: the Swedish locale formats dates as ISO `YYYY-MM-DD`.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** Changes the workspace's name, default currency, language or time zone. */
export async function updateWorkspace(
  ctx: UseCaseContext,
  rawInput: UpdateWorkspaceInput,
  expectedVersion?: number,
): Promise<Workspace> {
  const input = updateWorkspaceInput.parse(rawInput);
  const [updated] = await ctx.db
    .update(workspaces)
    .set({ ...input, updatedAt: ctx.now, version: sql`${workspaces.version} + 1` })
    .where(
      and(
        eq(workspaces.id, ctx.actor.workspaceId),
        expectedVersion === undefined ? undefined : eq(workspaces.version, expectedVersion),
      ),
    )
    .returning();
  if (updated) return updated;
  await getWorkspace(ctx);
  throw staleVersion();
}
