import { and, eq, inArray, sql } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccount } from './access';
import { type Interaction, interactionColumns, withParticipants } from './get-interaction';
import { interactionContacts, interactions, interactionUsers } from './schema';
import { type ListInteractionsQuery, listInteractionsQuery } from './schemas';

/** An account's timeline: its interactions, newest first by default, filtered by kind, status or participant. */
export async function listInteractions(
  ctx: UseCaseContext,
  accountId: string,
  rawQuery: ListInteractionsQuery,
): Promise<Page<Interaction>> {
  const query = listInteractionsQuery.parse(rawQuery);
  await visibleAccount(ctx, accountId);
  const workspaceId = ctx.actor.workspaceId;
  const page = keyset({
    sort: query.sort,
    expressions: { occurredAt: interactions.occurredAt },
    id: interactions.id,
    cursor: query.cursor,
  });
  const rows = await ctx.db
    .select({ ...interactionColumns, sortKey: page.sortKey })
    .from(interactions)
    .where(
      and(
        eq(interactions.workspaceId, workspaceId),
        eq(interactions.accountId, accountId),
        query.kind?.length ? inArray(interactions.kind, query.kind) : undefined,
        query.status?.length ? inArray(interactions.status, query.status) : undefined,
        query.contactId
          ? sql`exists (select 1 from ${interactionContacts} ic where ic.workspace_id = ${workspaceId}
              and ic.interaction_id = ${interactions.id} and ic.contact_id = ${query.contactId})`
          : undefined,
        query.userId
          ? sql`exists (select 1 from ${interactionUsers} iu where iu.workspace_id = ${workspaceId}
              and iu.interaction_id = ${interactions.id} and iu.user_id = ${query.userId})`
          : undefined,
        query.q
          ? sql`concat_ws(' ', ${interactions.subject}, ${interactions.summary}, ${interactions.outcome}, ${interactions.nextStep}) ilike ${containsPattern(query.q)}`
          : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  const result = toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row);
  return { ...result, items: await withParticipants(ctx, result.items) };
}
