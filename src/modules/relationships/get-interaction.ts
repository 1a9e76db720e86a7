import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { InteractionKind, InteractionStatus } from '../../analytics/relationships/terms';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { users } from '../users';
import { findVisibleAccount } from './access';
import { relationshipMessages } from './messages';
import { interactionContacts, interactions, interactionUsers } from './schema';

export type InteractionRow = {
  id: string;
  accountId: string;
  kind: InteractionKind;
  status: InteractionStatus;
  occurredAt: Date;
  durationMinutes: number | null;
  location: string | null;
  subject: string;
  summary: string | null;
  outcome: string | null;
  nextStep: string | null;
  nextStepOwnerId: string | null;
  nextStepDueOn: string | null;
  nextStepDone: boolean;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export type Interaction = InteractionRow & {
  contacts: { id: string; fullName: string; title: string | null }[];
  /** Our people; `name` is null for someone who has left the workspace. */
  users: { id: string; name: string | null }[];
  nextStepOwner: { id: string; name: string | null } | null;
};

export const interactionColumns = {
  id: interactions.id,
  accountId: interactions.accountId,
  kind: sql<InteractionKind>`${interactions.kind}`,
  status: sql<InteractionStatus>`${interactions.status}`,
  occurredAt: interactions.occurredAt,
  durationMinutes: interactions.durationMinutes,
  location: interactions.location,
  subject: interactions.subject,
  summary: interactions.summary,
  outcome: interactions.outcome,
  nextStep: interactions.nextStep,
  nextStepOwnerId: interactions.nextStepOwnerId,
  nextStepDueOn: interactions.nextStepDueOn,
  nextStepDone: interactions.nextStepDone,
  createdById: interactions.createdById,
  createdAt: interactions.createdAt,
  updatedAt: interactions.updatedAt,
  version: interactions.version,
};

/** Adds both sides' participants and the next step's owner to interactions read as rows. */
export async function withParticipants(ctx: UseCaseContext, rows: InteractionRow[]): Promise<Interaction[]> {
  if (rows.length === 0) return [];
  const workspaceId = ctx.actor.workspaceId;
  const ids = rows.map((row) => row.id);
  const theirs = await ctx.db
    .select({
      interactionId: interactionContacts.interactionId,
      id: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
    })
    .from(interactionContacts)
    .innerJoin(
      contacts,
      and(eq(contacts.workspaceId, interactionContacts.workspaceId), eq(contacts.id, interactionContacts.contactId)),
    )
    .where(and(eq(interactionContacts.workspaceId, workspaceId), inArray(interactionContacts.interactionId, ids)))
    .orderBy(asc(contacts.fullName));
  const ours = await ctx.db
    .select({ interactionId: interactionUsers.interactionId, id: interactionUsers.userId, name: users.name })
    .from(interactionUsers)
    .leftJoin(users, eq(users.id, interactionUsers.userId))
    .where(and(eq(interactionUsers.workspaceId, workspaceId), inArray(interactionUsers.interactionId, ids)))
    .orderBy(asc(users.name));
  const ownerIds = [...new Set(rows.flatMap((row) => (row.nextStepOwnerId ? [row.nextStepOwnerId] : [])))];
  const owners =
    ownerIds.length === 0
      ? []
      : await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds));
  const ownerNames = new Map(owners.map((owner) => [owner.id, owner.name]));
  return rows.map((row) => ({
    ...row,
    contacts: theirs
      .filter((person) => person.interactionId === row.id)
      .map(({ interactionId: _interactionId, ...person }) => person),
    users: ours.filter((person) => person.interactionId === row.id).map(({ interactionId: _id, ...person }) => person),
    nextStepOwner: row.nextStepOwnerId
      ? { id: row.nextStepOwnerId, name: ownerNames.get(row.nextStepOwnerId) ?? null }
      : null,
  }));
}

/** An interaction with its participants, if its account is visible to the actor. */
export async function getInteraction(ctx: UseCaseContext, id: string): Promise<Interaction> {
  const [row] = await ctx.db
    .select(interactionColumns)
    .from(interactions)
    .where(and(eq(interactions.workspaceId, ctx.actor.workspaceId), eq(interactions.id, id)));
  if (!row || !(await findVisibleAccount(ctx, row.accountId))) throw notFound(relationshipMessages.interaction);
  const [interaction] = await withParticipants(ctx, [row]);
  return interaction as Interaction;
}
