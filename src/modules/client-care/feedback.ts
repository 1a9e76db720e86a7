import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can } from '../../platform/auth/permissions';
import { containsPattern } from '../../platform/db/like';
import { notFound } from '../../platform/errors';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { users } from '../users';
import { clientCareMessages } from './messages';
import {
  type FeedbackKind,
  type FeedbackSeverity,
  type FeedbackSource,
  type FeedbackStatus,
  hoursToResolve,
  nextFeedbackStatuses,
  type RootCause,
} from './rules';
import { clientFeedback } from './schema';
import { type ListFeedbackQuery, listFeedbackQuery } from './schemas';

type Ref = { id: string; name: string };
export type Feedback = {
  id: string;
  account: Ref;
  contact: Ref | null;
  kind: FeedbackKind;
  source: FeedbackSource;
  severity: FeedbackSeverity | null;
  description: string;
  owner: Ref;
  status: FeedbackStatus;
  nextStatuses: FeedbackStatus[];
  resolution: string | null;
  rootCause: RootCause | null;
  openedAt: Date;
  closedAt: Date | null;
  hoursToResolve: number | null;
  version: number;
};

const owners = alias(users, 'owner');
// NOTE: one digit per severity, so the keyset cursor compares it as text correctly; none is lowest.
const severityRank = sql<string>`(case ${clientFeedback.severity} when 'critical' then '4' when 'high' then '3'
  when 'medium' then '2' when 'low' then '1' else '0' end)`;

function selectFeedback(ctx: UseCaseContext, sortKey: SQL<string> = sql<string>`''`) {
  return ctx.db
    .select({
      row: clientFeedback,
      accountName: accounts.name,
      ownerName: owners.name,
      contactName: contacts.fullName,
      sortKey,
    })
    .from(clientFeedback)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, clientFeedback.workspaceId), eq(accounts.id, clientFeedback.accountId)),
    )
    .innerJoin(owners, eq(owners.id, clientFeedback.ownerId))
    .leftJoin(
      contacts,
      and(eq(contacts.workspaceId, clientFeedback.workspaceId), eq(contacts.id, clientFeedback.contactId)),
    );
}

type Row = {
  row: typeof clientFeedback.$inferSelect;
  accountName: string;
  ownerName: string;
  contactName: string | null;
};

function toFeedback({ row, accountName, ownerName, contactName }: Row): Feedback {
  return {
    id: row.id,
    account: { id: row.accountId, name: accountName },
    contact: row.contactId && contactName !== null ? { id: row.contactId, name: contactName } : null,
    kind: row.kind as FeedbackKind,
    source: row.source as FeedbackSource,
    severity: row.severity as FeedbackSeverity | null,
    description: row.description,
    owner: { id: row.ownerId, name: ownerName },
    status: row.status as FeedbackStatus,
    nextStatuses: nextFeedbackStatuses(row.status as FeedbackStatus),
    resolution: row.resolution,
    rootCause: row.rootCause as RootCause | null,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    hoursToResolve: hoursToResolve(row.openedAt, row.closedAt),
    version: row.version,
  };
}

/** The cases the actor may see: all of them, or (a specialist) those that are theirs to handle. */
function visibleFeedback(ctx: UseCaseContext): SQL | undefined {
  return and(
    eq(clientFeedback.workspaceId, ctx.actor.workspaceId),
    can(ctx.actor.role, 'accounts:read-all') ? undefined : eq(clientFeedback.ownerId, ctx.actor.userId),
  );
}

/** One case the actor may see; 404 otherwise. */
export async function getFeedback(ctx: UseCaseContext, id: string): Promise<Feedback> {
  const [row] = await selectFeedback(ctx).where(and(visibleFeedback(ctx), eq(clientFeedback.id, id)));
  if (!row) throw notFound(clientCareMessages.feedback);
  return toFeedback(row);
}

/** A page of the cases the actor may see, filtered and sorted (newest first by default). */
export async function listFeedback(ctx: UseCaseContext, rawQuery: ListFeedbackQuery): Promise<Page<Feedback>> {
  const query = listFeedbackQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { openedAt: clientFeedback.openedAt, severity: severityRank },
    id: clientFeedback.id,
    cursor: query.cursor,
  });
  const ownerId = query.ownerId === 'me' ? ctx.actor.userId : query.ownerId;
  const rows = await selectFeedback(ctx, page.sortKey)
    .where(
      and(
        visibleFeedback(ctx),
        query.accountId ? eq(clientFeedback.accountId, query.accountId) : undefined,
        query.kind ? eq(clientFeedback.kind, query.kind) : undefined,
        query.status ? eq(clientFeedback.status, query.status) : undefined,
        query.severity ? eq(clientFeedback.severity, query.severity) : undefined,
        ownerId ? eq(clientFeedback.ownerId, ownerId) : undefined,
        query.q ? sql`${clientFeedback.description} ilike ${containsPattern(query.q)}` : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.row.id })),
    query.limit,
    query.sort,
    toFeedback,
  );
}
