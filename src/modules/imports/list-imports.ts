import { and, eq } from 'drizzle-orm';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { imports } from './schema';
import { type ListImportsQuery, listImportsQuery } from './schemas';

const listColumns = {
  id: imports.id,
  fileName: imports.fileName,
  kind: imports.kind,
  source: imports.source,
  status: imports.status,
  totalRows: imports.totalRows,
  createdCount: imports.createdCount,
  updatedCount: imports.updatedCount,
  unchangedCount: imports.unchangedCount,
  failedCount: imports.failedCount,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
};

export type ImportListItem = { [K in keyof typeof listColumns]: (typeof imports.$inferSelect)[K] } & {
  /** Who uploaded the file (null once they are gone). */
  createdBy: { id: string; name: string } | null;
};

/** The workspace's imports, newest first (cursor-paginated), each with who uploaded it. */
export async function listImports(ctx: UseCaseContext, rawQuery: ListImportsQuery): Promise<Page<ImportListItem>> {
  const query = listImportsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { createdAt: imports.createdAt },
    id: imports.id,
    cursor: query.cursor,
  });
  const rows = await ctx.db
    .select({ ...listColumns, uploader: { id: users.id, name: users.name }, sortKey: page.sortKey })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, uploader, ...row }) => ({
    ...row,
    createdBy: uploader?.id ? uploader : null,
  }));
}
