import { and, count, eq, or, type SQL, sql } from 'drizzle-orm';
import { listReads } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds } from '../accounts';
import { type ContactRow, contactColumns } from './get-contact';
import { contacts } from './schema';
import { type ListContactsQuery, listContactsQuery } from './schemas';

export type ContactListItem = Omit<ContactRow, 'notes' | 'custom'> & { account: { id: string; name: string } };

const { notes: _notes, custom: _custom, ...listColumns } = contactColumns;

/** A name typed in any order or part, an e-mail, a title or a department word, in Russian or English. */
function contactSearchCondition(q: string): SQL {
  const words = sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`;
  return or(
    sql`${contacts.search} @@ ${words}`,
    sql`${contacts.fullName} ilike ${containsPattern(q)}`,
    sql`${contacts.emails} @> array[${q.toLowerCase()}]::text[]`,
  ) as SQL;
}

/** A page of contacts, of the whole workspace or one account (with the total on request). */
export async function listContacts(ctx: UseCaseContext, rawQuery: ListContactsQuery): Promise<Page<ContactListItem>> {
  const query = listContactsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { fullName: contacts.fullName, updatedAt: contacts.updatedAt, createdAt: contacts.createdAt },
    id: contacts.id,
    cursor: query.cursor,
  });
  const filters = and(
    eq(contacts.workspaceId, ctx.actor.workspaceId),
    visibleAccountIds(ctx, contacts.accountId),
    query.accountId ? eq(contacts.accountId, query.accountId) : undefined,
    query.q ? contactSearchCondition(query.q) : undefined,
  );
  const reads = listReads(ctx.db, query.q);
  const rows = await reads(() =>
    ctx.db
      .select({ ...listColumns, account: { id: accounts.id, name: accounts.name }, sortKey: page.sortKey })
      .from(contacts)
      .innerJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
      .where(and(filters, page.after))
      .orderBy(...page.orderBy)
      .limit(query.limit + 1),
  );
  const result = toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row);
  if (!query.total) return result;
  const [counted] = await reads(() => ctx.db.select({ total: count() }).from(contacts).where(filters));
  return { ...result, total: counted?.total ?? 0 };
}
