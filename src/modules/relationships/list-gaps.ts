import { and, eq, sql } from 'drizzle-orm';
import { type GapKind, gapKinds } from '../../analytics/relationships/terms';
import { invalidField } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccounts } from '../accounts';
import { type ListGapsQuery, listGapsQuery } from './schemas';
import { compareGaps, type PositionedGap, type WorkspaceGap, workspaceGaps } from './workspace-gaps';

export type { WorkspaceGap } from './workspace-gaps';

export type GapPage = {
  items: WorkspaceGap[];
  nextCursor: string | null;
  /** Gaps matching every filter. */
  total: number;
  /** Gaps of each kind matching the other filters (what each kind filter would find). */
  counts: Record<GapKind, number>;
};

const cursorSort = 'gaps';

function readCursor(cursor: string): Pick<PositionedGap, 'key' | 'rowId'> {
  const position = decodeCursor(cursor, cursorSort);
  try {
    const key = JSON.parse(position.key) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 4 &&
      typeof key[0] === 'string' &&
      typeof key[1] === 'string' &&
      Number.isInteger(key[2]) &&
      typeof key[3] === 'string'
    ) {
      return { key: key as PositionedGap['key'], rowId: position.id };
    }
  } catch {
    // a forged key: the same answer as below
  }
  throw invalidField('cursor', platformMessages.invalidCursor);
}

async function visibleAccountSet(ctx: UseCaseContext): Promise<Set<string> | undefined> {
  const visible = visibleAccounts(ctx);
  if (!visible) return undefined;
  const rows = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), visible));
  return new Set(rows.map((row) => row.id));
}

/**
 * Every gap in the workspace's coverage (accounts the actor may see, lost accounts left out),
 * by account name, most serious kind first; filterable by kind and account owner. The whole
 * workspace's list is kept in this server's memory (see `workspaceGaps`); who may see which
 * account, and names of people of ours, are read on every request.
 */
export async function listGaps(ctx: UseCaseContext, rawQuery: ListGapsQuery): Promise<GapPage> {
  const query = listGapsQuery.parse(rawQuery);
  const after = query.cursor ? readCursor(query.cursor) : undefined;
  const gaps = await workspaceGaps(ctx);
  const visible = await visibleAccountSet(ctx);
  const owners = query.ownerId?.length ? new Set(query.ownerId) : undefined;
  const wanted = query.kind?.length ? new Set<GapKind>(query.kind) : undefined;
  const counts = Object.fromEntries(gapKinds.map((kind) => [kind, 0])) as Record<GapKind, number>;
  const found: PositionedGap[] = [];
  for (const gap of gaps) {
    if ((visible && !visible.has(gap.accountId)) || (owners && !owners.has(gap.ownerId))) continue;
    counts[gap.kind] += 1;
    if (!wanted || wanted.has(gap.kind)) found.push(gap);
  }
  const start = after ? found.findIndex((candidate) => compareGaps(candidate, after) > 0) : 0;
  const page = start < 0 ? [] : found.slice(start, start + query.limit);
  const more = start >= 0 && start + query.limit < found.length;
  const last = page.at(-1);
  const names = await userNames(ctx, page);
  return {
    items: page.map(({ item }) => ({
      ...item,
      account: {
        ...item.account,
        owner: { id: item.account.owner.id, name: names.get(item.account.owner.id) ?? null },
      },
      user: item.user ? { id: item.user.id, name: names.get(item.user.id) ?? null } : null,
    })),
    nextCursor: more && last ? encodeCursor({ sort: cursorSort, key: JSON.stringify(last.key), id: last.rowId }) : null,
    total: found.length,
    counts,
  };
}

async function userNames(ctx: UseCaseContext, page: PositionedGap[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      page.flatMap(({ item }) => (item.user ? [item.user.id, item.account.owner.id] : [item.account.owner.id])),
    ),
  ];
  if (ids.length === 0) return new Map();
  const rows = (await ctx.db.execute<{ id: string; name: string }>(sql`select id, name from users where id in ${ids}`))
    .rows;
  return new Map(rows.map((row) => [row.id, row.name]));
}
