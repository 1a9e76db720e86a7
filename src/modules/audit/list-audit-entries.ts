import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { containsPattern } from '../../platform/db/like';
import { listQuerySchema } from '../../platform/list-query';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { auditLog } from './schema';

export const listAuditQuery = listQuerySchema(['at'], '-at').extend({
  entity: z.string().max(100).optional(),
  entityId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
});

export type AuditEntry = {
  id: string;
  at: Date;
  actor: { id: string; name: string } | null;
  requestId: string | null;
  entity: string;
  entityId: string;
  action: 'insert' | 'update' | 'delete';
  before: unknown;
  after: unknown;
};

/** The workspace's change history, newest first, optionally of one entity or one person. */
export async function listAuditEntries(
  ctx: UseCaseContext,
  rawQuery: z.input<typeof listAuditQuery>,
): Promise<Page<AuditEntry>> {
  const query = listAuditQuery.parse(rawQuery);
  const page = keyset({ sort: query.sort, expressions: { at: auditLog.at }, id: auditLog.id, cursor: query.cursor });
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorUserId,
      actorName: users.name,
      requestId: auditLog.requestId,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      sortKey: page.sortKey,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.workspaceId, ctx.actor.workspaceId),
        query.entity ? eq(auditLog.entity, query.entity) : undefined,
        query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
        query.actorUserId ? eq(auditLog.actorUserId, query.actorUserId) : undefined,
        pattern
          ? sql`(${auditLog.before}::text ilike ${pattern} or ${auditLog.after}::text ilike ${pattern})`
          : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ actorId, actorName, sortKey: _sortKey, ...row }) => ({
    ...row,
    action: row.action as AuditEntry['action'],
    actor: actorId ? { id: actorId, name: actorName ?? '' } : null,
  }));
}
