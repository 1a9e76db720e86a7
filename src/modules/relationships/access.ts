import { and, eq, inArray } from 'drizzle-orm';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds, visibleAccounts } from '../accounts';
import { contacts } from '../contacts';
import { memberships } from '../workspaces';
import { relationshipMessages } from './messages';

export type AccountRef = { id: string; name: string; ownerId: string };
export type ContactRef = { id: string; accountId: string; fullName: string };

/** The account, if the actor may see it (specialists: only their own or their team's). */
export async function findVisibleAccount(ctx: UseCaseContext, accountId: string): Promise<AccountRef | undefined> {
  const [account] = await ctx.db
    .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId), visibleAccounts(ctx)));
  return account;
}

/** The account, if the actor may see it; else 404. */
export async function visibleAccount(ctx: UseCaseContext, accountId: string): Promise<AccountRef> {
  const account = await findVisibleAccount(ctx, accountId);
  if (!account) throw notFound(relationshipMessages.account);
  return account;
}

/** The contact, if its account is visible to the actor; else 404. */
export async function visibleContact(ctx: UseCaseContext, contactId: string): Promise<ContactRef> {
  const [contact] = await ctx.db
    .select({ id: contacts.id, accountId: contacts.accountId, fullName: contacts.fullName })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        eq(contacts.id, contactId),
        visibleAccountIds(ctx, contacts.accountId),
      ),
    );
  if (!contact) throw notFound(relationshipMessages.contact);
  return contact;
}

/** Refuses (422 on `<listPath>.<i>`) any of the users who is not a member of the workspace. */
export async function assertMembers(ctx: UseCaseContext, userIds: readonly string[], listPath: string): Promise<void> {
  const index = await firstNonMember(ctx, userIds);
  if (index >= 0) throw ruleViolated(relationshipMessages.notAMember, undefined, `${listPath}.${index}`);
}

/** Refuses (422 on `path`) a user who is not a member of the workspace. */
export async function assertMember(ctx: UseCaseContext, userId: string, path: string): Promise<void> {
  if ((await firstNonMember(ctx, [userId])) >= 0) throw ruleViolated(relationshipMessages.notAMember, undefined, path);
}

async function firstNonMember(ctx: UseCaseContext, userIds: readonly string[]): Promise<number> {
  if (userIds.length === 0) return -1;
  const found = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), inArray(memberships.userId, [...userIds])));
  const members = new Set(found.map((row) => row.userId));
  return userIds.findIndex((userId) => !members.has(userId));
}

/** Refuses (422 on `contactIds.<i>`) any contact that is not a person of the account. */
export async function assertContactsOfAccount(
  ctx: UseCaseContext,
  accountId: string,
  contactIds: readonly string[],
  alreadyParticipating: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (contactIds.length === 0) return;
  const found = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        eq(contacts.accountId, accountId),
        inArray(contacts.id, [...contactIds]),
      ),
    );
  const known = new Set(found.map((row) => row.id));
  const index = contactIds.findIndex((id) => !known.has(id) && !alreadyParticipating.has(id));
  if (index >= 0) {
    throw ruleViolated(relationshipMessages.participantOtherAccount, undefined, `contactIds.${index}`);
  }
}
