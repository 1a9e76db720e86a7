import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions';
import { generateSecret, hashSecret } from '../../platform/auth/tokens';
import type { Executor } from '../../platform/db/client';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { type MemberAccess, memberships } from '../workspaces';
import { authMessages } from './messages';
import { apiTokens } from './schema';
import { type CreateApiTokenInput, createApiTokenInput } from './schemas';

const tokenPrefix = 'acc_';
const dayMs = 24 * 60 * 60 * 1000;
// NOTE: last-used is recorded at most once a minute per token.
const touchIntervalMs = 60_000;

export type ApiToken = {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  tokenPrefix: apiTokens.tokenPrefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

/** Creates an API token for the actor in their workspace; the secret is returned once, never stored. */
export async function createApiToken(
  ctx: UseCaseContext,
  rawInput: CreateApiTokenInput,
): Promise<{ token: string; apiToken: ApiToken }> {
  const input = createApiTokenInput.parse(rawInput);
  const token = generateSecret(tokenPrefix);
  const [created] = await ctx.db
    .insert(apiTokens)
    .values({
      workspaceId: ctx.actor.workspaceId,
      userId: ctx.actor.userId,
      name: input.name,
      tokenHash: hashSecret(token),
      tokenPrefix: token.slice(0, tokenPrefix.length + 6),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * dayMs) : null,
    })
    .returning(tokenColumns);
  if (!created) throw new Error('Token insert returned nothing');
  return { token, apiToken: created };
}

/** The actor's own tokens in this workspace, newest first. */
export async function listApiTokens(ctx: UseCaseContext): Promise<ApiToken[]> {
  return ctx.db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, ctx.actor.workspaceId), eq(apiTokens.userId, ctx.actor.userId)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(ctx: UseCaseContext, tokenId: string): Promise<void> {
  const [revoked] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.now, updatedAt: ctx.now, version: sql`${apiTokens.version} + 1` })
    .where(
      and(
        eq(apiTokens.workspaceId, ctx.actor.workspaceId),
        eq(apiTokens.userId, ctx.actor.userId),
        eq(apiTokens.id, tokenId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  if (!revoked) throw notFound(authMessages.apiToken);
}

/** Revokes every live token a person holds in the actor's workspace: they are leaving it. */
export async function revokeMemberTokens(ctx: UseCaseContext, userId: string): Promise<void> {
  await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.now, updatedAt: ctx.now, version: sql`${apiTokens.version} + 1` })
    .where(
      and(eq(apiTokens.workspaceId, ctx.actor.workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    );
}

/** What the workspaces module calls when a member is removed. */
export const memberAccess: MemberAccess = { revokeMemberAccess: revokeMemberTokens };

/** The actor behind a Bearer token, if the token is live and its user still a member. */
export async function resolveApiToken(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ tokenId: string; userId: string; workspaceId: string; role: Role } | undefined> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: apiTokens.userId,
      workspaceId: apiTokens.workspaceId,
      role: memberships.role,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, apiTokens.workspaceId), eq(memberships.userId, apiTokens.userId)),
    )
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > touchIntervalMs) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.workspaceId, row.workspaceId), eq(apiTokens.id, row.tokenId)));
  }
  return { tokenId: row.tokenId, userId: row.userId, workspaceId: row.workspaceId, role: row.role as Role };
}
