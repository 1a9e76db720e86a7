import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { getAccount } from '../accounts';
import { projects } from '../delivery';
import { revenueFact } from '../finance';
import { dateIn, workspaceTimeZone } from '../workspaces';
import { computeTier, type LoyaltyFacts, monthsBetween } from './loyalty-rules';
import { clientCareMessages } from './messages';
import { loyaltyTiers } from './schema';
import {
  type CreateLoyaltyTierInput,
  createLoyaltyTierInput,
  type UpdateLoyaltyTierInput,
  updateLoyaltyTierInput,
} from './schemas';

export type LoyaltyTier = Omit<typeof loyaltyTiers.$inferSelect, 'workspaceId' | 'createdAt' | 'updatedAt'>;
export type AccountLoyalty = {
  tier: LoyaltyTier | null;
  /** What the tier was computed from; revenue is null for whoever may not see the account's money. */
  facts: { tenureMonths: number; projects: number; revenue12m: number | null };
};

const columns = {
  id: loyaltyTiers.id,
  name: loyaltyTiers.name,
  rank: loyaltyTiers.rank,
  minTenureMonths: loyaltyTiers.minTenureMonths,
  minRevenue12m: loyaltyTiers.minRevenue12m,
  minProjects: loyaltyTiers.minProjects,
  discount: loyaltyTiers.discount,
  priority: loyaltyTiers.priority,
  version: loyaltyTiers.version,
};

/** The workspace's loyalty tiers, best first. */
export async function listLoyaltyTiers(ctx: UseCaseContext): Promise<LoyaltyTier[]> {
  return ctx.db
    .select(columns)
    .from(loyaltyTiers)
    .where(eq(loyaltyTiers.workspaceId, ctx.actor.workspaceId))
    .orderBy(sql`${loyaltyTiers.rank} desc`, asc(loyaltyTiers.name));
}

async function assertFree(ctx: UseCaseContext, tier: { name?: string; rank?: number }, exceptId?: string) {
  const others = (column: typeof loyaltyTiers.name | typeof loyaltyTiers.rank, value: string | number) =>
    ctx.db
      .select({ id: loyaltyTiers.id })
      .from(loyaltyTiers)
      .where(
        and(
          eq(loyaltyTiers.workspaceId, ctx.actor.workspaceId),
          eq(column, value),
          exceptId ? ne(loyaltyTiers.id, exceptId) : undefined,
        ),
      );
  if (tier.name !== undefined && (await others(loyaltyTiers.name, tier.name)).length > 0)
    throw ruleViolated(clientCareMessages.tierNameTaken, undefined, 'name');
  if (tier.rank !== undefined && (await others(loyaltyTiers.rank, tier.rank)).length > 0)
    throw ruleViolated(clientCareMessages.tierRankTaken, undefined, 'rank');
}

/** Adds a tier; 422 on `name` or `rank` when another tier has it. */
export async function createLoyaltyTier(ctx: UseCaseContext, rawInput: CreateLoyaltyTierInput): Promise<LoyaltyTier> {
  const input = createLoyaltyTierInput.parse(rawInput);
  await assertFree(ctx, input);
  const [created] = await ctx.db
    .insert(loyaltyTiers)
    .values({ workspaceId: ctx.actor.workspaceId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .returning(columns);
  return created as LoyaltyTier;
}

/** Changes a tier's criteria or benefits; accounts' tiers follow at once, as they are computed when read. */
export async function updateLoyaltyTier(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateLoyaltyTierInput,
  expectedVersion?: number,
): Promise<LoyaltyTier> {
  const input = updateLoyaltyTierInput.parse(rawInput);
  await lockRow(ctx.db, loyaltyTiers, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const [current] = await ctx.db
    .select(columns)
    .from(loyaltyTiers)
    .where(and(eq(loyaltyTiers.workspaceId, ctx.actor.workspaceId), eq(loyaltyTiers.id, id)));
  if (!current) throw notFound(clientCareMessages.loyaltyTier);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  await assertFree(ctx, input, id);
  const [updated] = await ctx.db
    .update(loyaltyTiers)
    .set({ ...input, updatedAt: ctx.now, version: sql`${loyaltyTiers.version} + 1` })
    .where(and(eq(loyaltyTiers.workspaceId, ctx.actor.workspaceId), eq(loyaltyTiers.id, id)))
    .returning(columns);
  return updated as LoyaltyTier;
}

/** Removes a tier; the accounts in it fall to the next one they qualify for. */
export async function deleteLoyaltyTier(ctx: UseCaseContext, id: string): Promise<void> {
  const deleted = await ctx.db
    .delete(loyaltyTiers)
    .where(and(eq(loyaltyTiers.workspaceId, ctx.actor.workspaceId), eq(loyaltyTiers.id, id)))
    .returning({ id: loyaltyTiers.id });
  if (deleted.length === 0) throw notFound(clientCareMessages.loyaltyTier);
}

async function readFacts(ctx: UseCaseContext, accountId: string, createdAt: Date): Promise<LoyaltyFacts> {
  const [work] = await ctx.db
    .select({ count: sql<number>`count(*)::int`, firstStart: sql<string | null>`min(${projects.startsOn})::text` })
    .from(projects)
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), eq(projects.accountId, accountId)));
  const timeZone = await workspaceTimeZone(ctx);
  const today = dateIn(ctx.now, timeZone);
  const created = dateIn(createdAt, timeZone);
  const since = work?.firstStart && work.firstStart < created ? work.firstStart : created;
  // NOTE: the tier is the workspace's view of the account, the same for everyone who reads it, so
  // its revenue criterion reads all of finance; what the reader sees of the revenue itself is
  // decided by finance's own rules in `getAccountLoyalty`.
  const asFinanceReader = { ...ctx, actor: { ...ctx.actor, role: 'viewer' as const } };
  const revenue = await revenueFact.read(asFinanceReader, [accountId]);
  return {
    tenureMonths: monthsBetween(since, today),
    projects: work?.count ?? 0,
    revenue12m: revenue.get(accountId) ?? 0,
  };
}

/** The account's loyalty tier (the best it qualifies for) and the facts it rests on. */
export async function getAccountLoyalty(ctx: UseCaseContext, accountId: string): Promise<AccountLoyalty> {
  const account = await getAccount(ctx, accountId);
  const facts = await readFacts(ctx, accountId, account.createdAt);
  const tier = computeTier(await listLoyaltyTiers(ctx), facts);
  const visibleRevenue = can(ctx.actor.role, 'finance:read')
    ? ((await revenueFact.read(ctx, [accountId])).get(accountId) ?? null)
    : null;
  return { tier, facts: { tenureMonths: facts.tenureMonths, projects: facts.projects, revenue12m: visibleRevenue } };
}

/**
 * The discount (hundredths of a percent) offered on a new estimate of a project: its account's
 * loyalty tier's, or 0. Given to delivery's estimate routes by the composition root.
 */
export async function loyaltyDiscountForProject(ctx: UseCaseContext, projectId: string): Promise<number> {
  const [project] = await ctx.db
    .select({ accountId: projects.accountId })
    .from(projects)
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), eq(projects.id, projectId)));
  if (!project) return 0;
  const account = await getAccount(ctx, project.accountId);
  const tier = computeTier(await listLoyaltyTiers(ctx), await readFacts(ctx, project.accountId, account.createdAt));
  return tier?.discount ?? 0;
}
