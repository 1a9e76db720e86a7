import { and, eq, inArray } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, domainOf } from '../accounts';
import { insertRows, updateRows } from './bulk-write';
import type { ImportField } from './formats/fields';
import type { AccountDraft } from './row-drafts';
import {
  type BatchResult,
  finishBatch,
  memberOf,
  type Planned,
  pick,
  type RunState,
  recordChanges,
  sameValues,
  storedRecordsOfRows,
  updatableKeys,
} from './write-batch';

type AccountKey = keyof AccountDraft & keyof typeof accounts.$inferSelect;

const accountColumnsOf: Partial<Record<ImportField, AccountKey[]>> = {
  name: ['name'],
  legalName: ['legalName'],
  taxId: ['taxId'],
  website: ['website'],
  industry: ['industry'],
  segment: ['segment'],
  tags: ['tags'],
  notes: ['notes'],
};

/** Writes one batch of account rows: new ones inserted, known ones updated in the mapped fields only. */
export async function writeAccounts(
  ctx: UseCaseContext,
  state: RunState,
  batch: Planned<AccountDraft>[],
): Promise<BatchResult> {
  const { known, merged, existingById } = await storedRecordsOfRows(
    ctx,
    state,
    'account',
    accounts,
    batch.map((item) => item.draft.externalId),
  );
  const keys = updatableKeys(state, accountColumnsOf);
  const ownerMapped = state.mappedFields.has('owner');
  const inserts: (typeof accounts.$inferInsert)[] = [];
  const createdIds: { externalId: string; recordId: string }[] = [];
  const changes: { recordId: string; previous: Record<string, unknown> | null }[] = [];
  const updates: Record<string, unknown>[] = [];
  let unchanged = 0;
  for (const { draft } of batch) {
    const recordId = known.get(draft.externalId);
    const current = recordId ? existingById.get(recordId) : undefined;
    if (!current) {
      const id = newId();
      inserts.push({
        workspaceId: ctx.actor.workspaceId,
        id,
        name: draft.name,
        legalName: draft.legalName,
        taxId: draft.taxId,
        website: draft.website,
        domain: draft.website ? domainOf(draft.website) : null,
        industry: draft.industry,
        segment: draft.segment,
        tags: draft.tags,
        notes: draft.notes,
        ownerId: memberOf(state, draft.owner) ?? ctx.actor.userId,
        currency: state.currency,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      createdIds.push({ externalId: draft.externalId, recordId: id });
      changes.push({ recordId: id, previous: null });
      continue;
    }
    // NOTE: an owner no member matches leaves the account with the owner it has.
    const next = {
      ...pick(draft, keys),
      ...(ownerMapped ? { ownerId: memberOf(state, draft.owner) ?? current.ownerId } : {}),
    };
    if (sameValues(current, next)) {
      unchanged += 1;
      continue;
    }
    const previous = {
      ...pick(current, keys),
      ...(keys.includes('website') ? { domain: current.domain } : {}),
      ...(ownerMapped ? { ownerId: current.ownerId } : {}),
    };
    updates.push({
      id: current.id,
      ...next,
      ...(keys.includes('website') ? { domain: draft.website ? domainOf(draft.website) : null } : {}),
    });
    changes.push({ recordId: current.id, previous });
  }
  await insertRows(ctx, accounts, inserts);
  const updatedColumns = [
    ...keys,
    ...(keys.includes('website') ? ['domain'] : []),
    ...(ownerMapped ? ['ownerId'] : []),
  ];
  await updateRows(ctx, accounts, updatedColumns, updates);
  return finishBatch(ctx, state, 'account', {
    created: createdIds,
    merged,
    existing: existingById,
    changes,
    unchanged,
    problems: [],
  });
}

/** Finds the companies contacts name, creating those Accord does not have yet (recorded for undo). */
export async function accountsByName(ctx: UseCaseContext, state: RunState, names: string[]): Promise<void> {
  const missing = [...new Set(names)].filter((name) => !state.accountByName.has(name));
  if (missing.length === 0) return;
  const found = await ctx.db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), inArray(accounts.name, missing)))
    .orderBy(accounts.createdAt);
  for (const row of found) if (!state.accountByName.has(row.name)) state.accountByName.set(row.name, row.id);
  const toCreate = missing.filter((name) => !state.accountByName.has(name));
  if (toCreate.length === 0) return;
  const created = toCreate.map((name) => ({ name, id: newId() }));
  await insertRows(
    ctx,
    accounts,
    created.map(({ name, id }) => ({
      workspaceId: ctx.actor.workspaceId,
      id,
      name,
      ownerId: ctx.actor.userId,
      currency: state.currency,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  await recordChanges(
    ctx,
    state,
    'account',
    created.map(({ id }) => ({ recordId: id, previous: null })),
  );
  for (const { name, id } of created) state.accountByName.set(name, id);
}
