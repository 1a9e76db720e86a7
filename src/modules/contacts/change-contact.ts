import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { resolveCustomValues } from '../custom-fields';
import { assertAccountExists, assertReportsToAllowed } from './contact-rules';
import { type ContactDetail, getContact } from './get-contact';
import { contacts } from './schema';
import { type CreateContactInput, createContactInput, type UpdateContactInput, updateContactInput } from './schemas';

/** Adds a person to an account. */
export async function createContact(ctx: UseCaseContext, rawInput: CreateContactInput): Promise<ContactDetail> {
  const { custom, ...input } = createContactInput.parse(rawInput);
  await assertAccountExists(ctx, input.accountId);
  if (input.reportsToId) await assertReportsToAllowed(ctx, undefined, input.accountId, input.reportsToId);
  const customValues = await resolveCustomValues(ctx, 'contact', custom);
  const [created] = await ctx.db
    .insert(contacts)
    .values({
      ...input,
      workspaceId: ctx.actor.workspaceId,
      custom: customValues,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: contacts.id });
  if (!created) throw new Error('Contact insert returned nothing');
  return getContact(ctx, created.id);
}

/**
 * Changes the given fields of a contact; refused with 412 when `expectedVersion` is stale.
 * Moving a contact to another account takes them out of the old account's reporting lines.
 */
export async function updateContact(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateContactInput,
  expectedVersion?: number,
): Promise<ContactDetail> {
  const { custom, ...input } = updateContactInput.parse(rawInput);
  await lockRow(ctx.db, contacts, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getContact(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const scope = eq(contacts.workspaceId, ctx.actor.workspaceId);
  const accountId = input.accountId ?? current.accountId;
  const movesAccount = accountId !== current.accountId;
  if (movesAccount) await assertAccountExists(ctx, accountId);
  const reportsToId = input.reportsToId !== undefined ? input.reportsToId : movesAccount ? null : current.reportsToId;
  if (reportsToId && (reportsToId !== current.reportsToId || movesAccount)) {
    await assertReportsToAllowed(ctx, id, accountId, reportsToId);
  }
  const customValues =
    custom === undefined ? undefined : await resolveCustomValues(ctx, 'contact', custom, current.custom);
  const [updated] = await ctx.db
    .update(contacts)
    .set({
      ...input,
      accountId,
      reportsToId,
      ...(customValues === undefined ? {} : { custom: customValues }),
      updatedAt: ctx.now,
      version: sql`${contacts.version} + 1`,
    })
    .where(and(scope, eq(contacts.id, id), eq(contacts.version, current.version)))
    .returning({ id: contacts.id });
  if (!updated) throw staleVersion();
  if (movesAccount) {
    await ctx.db
      .update(contacts)
      .set({ reportsToId: null, updatedAt: ctx.now, version: sql`${contacts.version} + 1` })
      .where(and(scope, eq(contacts.reportsToId, id)));
  }
  return getContact(ctx, id);
}

/** Deletes a contact; their direct reports now report to the contact's own manager. */
export async function deleteContact(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  await lockRow(ctx.db, contacts, { workspaceId: ctx.actor.workspaceId, id }, 'delete');
  const current = await getContact(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const scope = eq(contacts.workspaceId, ctx.actor.workspaceId);
  await ctx.db
    .update(contacts)
    .set({ reportsToId: current.reportsToId, updatedAt: ctx.now, version: sql`${contacts.version} + 1` })
    .where(and(scope, eq(contacts.reportsToId, id)));
  const [deleted] = await ctx.db
    .delete(contacts)
    .where(and(scope, eq(contacts.id, id), eq(contacts.version, current.version)))
    .returning({ id: contacts.id });
  if (!deleted) throw staleVersion();
}
