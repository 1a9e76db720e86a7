import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../platform/errors';
import { type Message, message } from '../../platform/i18n/text';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountStatus, accounts, visibleAccountIds } from '../accounts';
import { users } from '../users';
import { type NominationWarning, nominationWarningMessages, portfolioMessages } from './messages';
import { portfolioDesignations } from './schema';
import {
  type DesignationKind,
  type DesignationStatus,
  type ListDesignationsQuery,
  listDesignationsQuery,
} from './schemas';

export type Designation = {
  id: string;
  account: { id: string; name: string; status: AccountStatus };
  kind: DesignationKind;
  status: DesignationStatus;
  justification: string;
  requestedBy: { id: string; name: string | null };
  requestedAt: Date;
  decidedBy: { id: string; name: string | null } | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  attractiveness: number | null;
  warnings: { code: NominationWarning; message: Message }[];
  previousStatus: AccountStatus | null;
  newStatus: AccountStatus | null;
  version: number;
};

const requesters = alias(users, 'requester');
const deciders = alias(users, 'decider');

function selectDesignations(ctx: UseCaseContext, sortKey: SQL<string> = sql<string>`''`) {
  return ctx.db
    .select({
      id: portfolioDesignations.id,
      accountId: accounts.id,
      accountName: accounts.name,
      accountStatus: accounts.status,
      kind: portfolioDesignations.kind,
      status: portfolioDesignations.status,
      justification: portfolioDesignations.justification,
      requestedBy: portfolioDesignations.requestedBy,
      requestedByName: requesters.name,
      requestedAt: portfolioDesignations.createdAt,
      decidedBy: portfolioDesignations.decidedBy,
      decidedByName: deciders.name,
      decidedAt: portfolioDesignations.decidedAt,
      decisionComment: portfolioDesignations.decisionComment,
      attractiveness: portfolioDesignations.attractiveness,
      attractivenessThreshold: portfolioDesignations.attractivenessThreshold,
      warnings: portfolioDesignations.warnings,
      previousStatus: portfolioDesignations.previousStatus,
      newStatus: portfolioDesignations.newStatus,
      version: portfolioDesignations.version,
      sortKey,
    })
    .from(portfolioDesignations)
    .innerJoin(
      accounts,
      and(
        eq(accounts.workspaceId, portfolioDesignations.workspaceId),
        eq(accounts.id, portfolioDesignations.accountId),
      ),
    )
    .leftJoin(requesters, eq(requesters.id, portfolioDesignations.requestedBy))
    .leftJoin(deciders, eq(deciders.id, portfolioDesignations.decidedBy))
    .$dynamic();
}

type DesignationRow = Awaited<ReturnType<ReturnType<typeof selectDesignations>['execute']>>[number];

function designationOf(row: DesignationRow): Designation {
  return {
    id: row.id,
    account: { id: row.accountId, name: row.accountName, status: row.accountStatus as AccountStatus },
    kind: row.kind as DesignationKind,
    status: row.status as DesignationStatus,
    justification: row.justification,
    requestedBy: { id: row.requestedBy, name: row.requestedByName },
    requestedAt: row.requestedAt,
    decidedBy: row.decidedBy ? { id: row.decidedBy, name: row.decidedByName } : null,
    decidedAt: row.decidedAt,
    decisionComment: row.decisionComment,
    attractiveness: row.attractiveness,
    warnings: (row.warnings as NominationWarning[])
      .filter((code) => code in nominationWarningMessages)
      .map((code) => ({
        code,
        message: message(nominationWarningMessages[code], {
          score: row.attractiveness ?? '—',
          threshold: row.attractivenessThreshold ?? '—',
        }),
      })),
    previousStatus: row.previousStatus as AccountStatus | null,
    newStatus: row.newStatus as AccountStatus | null,
    version: row.version,
  };
}

/** One designation of an account the actor may see. */
export async function getDesignation(ctx: UseCaseContext, id: string): Promise<Designation> {
  const [row] = await selectDesignations(ctx).where(
    and(
      eq(portfolioDesignations.workspaceId, ctx.actor.workspaceId),
      eq(portfolioDesignations.id, id),
      visibleAccountIds(ctx, portfolioDesignations.accountId),
    ),
  );
  if (!row) throw notFound(portfolioMessages.designation);
  return designationOf(row);
}

/** Nominations and demotions, newest first: the approvals queue (`status=pending`) or an account's history. */
export async function listDesignations(
  ctx: UseCaseContext,
  rawQuery: ListDesignationsQuery = {},
): Promise<Page<Designation>> {
  const query = listDesignationsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { createdAt: portfolioDesignations.createdAt },
    id: portfolioDesignations.id,
    cursor: query.cursor,
  });
  const rows = await selectDesignations(ctx, page.sortKey)
    .where(
      and(
        eq(portfolioDesignations.workspaceId, ctx.actor.workspaceId),
        visibleAccountIds(ctx, portfolioDesignations.accountId),
        query.status?.length ? inArray(portfolioDesignations.status, query.status) : undefined,
        query.kind?.length ? inArray(portfolioDesignations.kind, query.kind) : undefined,
        query.accountId ? eq(portfolioDesignations.accountId, query.accountId) : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, designationOf);
}
