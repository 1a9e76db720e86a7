import { and, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, domainOf } from '../accounts';
import { contacts } from '../contacts';
import { opportunities } from '../opportunities';
import { interactions } from '../relationships';
import { insertRows, updateRows } from './bulk-write';
import type { ImportField, ImportSource, ValueMappings } from './formats/fields';
import { rowProblemReporter } from './load-import';
import type { OwnerMatcher } from './owners';
import { companyNotFound } from './row-companies';
import type { AccountDraft, ContactDraft, RowDraft } from './row-drafts';
import { externalIds, type ImportedEntity, importChanges, type RowProblem } from './schema';

/** What stays the same for every batch of one run: the import, its currency, companies found by name. */
export type RunState = {
  importId: string;
  source: ImportSource;
  mappedFields: Set<ImportField>;
  currency: string;
  accountByName: Map<string, string>;
  /** Rows the user chose to merge into existing records: external id → record id. */
  merges: ReadonlyMap<string, string>;
  /** Values of the file mapped to Accord's own (a CRM's stage names → stage ids). */
  valueMappings: ValueMappings;
  /** The member an owner of the file is (by the user's choice, e-mail or name). */
  ownerOf: OwnerMatcher;
};

export type BatchResult = { created: number; updated: number; unchanged: number; problems: RowProblem[] };
type Planned<D extends RowDraft> = { row: number; draft: D };

const recordTables: Partial<
  Record<ImportedEntity, typeof accounts | typeof contacts | typeof opportunities | typeof interactions>
> = {
  account: accounts,
  contact: contacts,
  opportunity: opportunities,
  interaction: interactions,
};

/** Record ids already known for these external ids (only records that still exist). */
export async function knownRecords(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source'>,
  entity: ImportedEntity,
  ids: string[],
) {
  if (ids.length === 0) return new Map<string, string>();
  const table = recordTables[entity];
  if (!table) throw new Error(`No records of ${entity} are known by external id`);
  const rows = await ctx.db
    .select({ externalId: externalIds.externalId, recordId: externalIds.recordId })
    .from(externalIds)
    .innerJoin(table, and(eq(table.workspaceId, externalIds.workspaceId), eq(table.id, externalIds.recordId)))
    .where(
      and(
        eq(externalIds.workspaceId, ctx.actor.workspaceId),
        eq(externalIds.entity, entity),
        eq(externalIds.source, state.source),
        inArray(externalIds.externalId, ids),
      ),
    );
  const known = new Map(rows.map((row) => [row.externalId, row.recordId]));
  // NOTE: an Accord export names records by their own ids: in the same workspace they are the records.
  if (state.source === 'accord') {
    const ownIds = ids.filter((id) => !known.has(id) && uuidPattern.test(id));
    if (ownIds.length > 0) {
      const own = await ctx.db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.workspaceId, ctx.actor.workspaceId), inArray(table.id, ownIds)));
      for (const row of own) known.set(row.id, row.id);
    }
  }
  return known;
}

/**
 * The records the batch's rows already are: known by external id, or chosen by the user to merge
 * into; the merged ones then remember the row's external id like a created record would.
 */
export async function recordsOfRows(
  ctx: UseCaseContext,
  state: RunState,
  entity: ImportedEntity,
  externalIds: string[],
): Promise<{ known: Map<string, string>; merged: { externalId: string; recordId: string }[] }> {
  const known = await knownRecords(ctx, state, entity, externalIds);
  const merged: { externalId: string; recordId: string }[] = [];
  for (const externalId of externalIds) {
    const recordId = state.merges.get(externalId);
    if (recordId && !known.has(externalId)) {
      known.set(externalId, recordId);
      merged.push({ externalId, recordId });
    }
  }
  return { known, merged };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function rememberExternalIds(
  ctx: UseCaseContext,
  state: RunState,
  entity: ImportedEntity,
  created: { externalId: string; recordId: string }[],
) {
  if (created.length === 0) return;
  await insertRows(
    ctx,
    externalIds,
    created.map((item) => ({
      workspaceId: ctx.actor.workspaceId,
      id: newId(),
      entity,
      source: state.source,
      externalId: item.externalId,
      recordId: item.recordId,
      importId: state.importId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
    sql`on conflict (workspace_id, entity, source, external_id) do update
      set record_id = excluded.record_id, import_id = excluded.import_id, updated_at = excluded.updated_at`,
  );
}

export async function recordChanges(
  ctx: UseCaseContext,
  state: RunState,
  entity: ImportedEntity,
  changes: { recordId: string; previous: Record<string, unknown> | null }[],
) {
  if (changes.length === 0) return;
  await insertRows(
    ctx,
    importChanges,
    changes.map((change) => ({
      workspaceId: ctx.actor.workspaceId,
      id: newId(),
      importId: state.importId,
      entity,
      recordId: change.recordId,
      action: change.previous ? ('updated' as const) : ('created' as const),
      previous: change.previous,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
}

export function pick<T extends Record<string, unknown>>(row: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, row[key]])) as Partial<T>;
}

export function sameValues(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return Object.keys(after).every((key) => JSON.stringify(before[key]) === JSON.stringify(after[key]));
}

type AccountKey = keyof AccountDraft & keyof typeof accounts.$inferSelect;
type ContactKey = keyof ContactDraft & keyof typeof contacts.$inferSelect;

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

const contactColumnsOf: Partial<Record<ImportField, ContactKey[]>> = {
  fullName: ['firstName', 'lastName', 'patronymic'],
  firstName: ['firstName'],
  lastName: ['lastName'],
  patronymic: ['patronymic'],
  title: ['title'],
  department: ['department'],
  email: ['emails'],
  phone: ['phones'],
  notes: ['notes'],
};

/** The member a file's owner value names, if any. */
export function memberOf(state: Pick<RunState, 'ownerOf'>, owner: string | null): string | undefined {
  const match = state.ownerOf(owner);
  return match && 'userId' in match ? match.userId : undefined;
}

function updatableKeys<K extends string>(state: RunState, columnsOf: Partial<Record<ImportField, K[]>>): K[] {
  return [...new Set([...state.mappedFields].flatMap((field) => columnsOf[field] ?? []))];
}

/** Writes one batch of account rows: new ones inserted, known ones updated in the mapped fields only. */
export async function writeAccounts(
  ctx: UseCaseContext,
  state: RunState,
  batch: Planned<AccountDraft>[],
): Promise<BatchResult> {
  const { known, merged } = await recordsOfRows(
    ctx,
    state,
    'account',
    batch.map((item) => item.draft.externalId),
  );
  const existing = known.size
    ? await ctx.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), inArray(accounts.id, [...known.values()])))
    : [];
  const existingById = new Map(existing.map((row) => [row.id, row]));
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
  // NOTE: a merge target deleted since the choice was made is created afresh, like an unknown row.
  const stillThere = merged.filter((item) => existingById.has(item.recordId));
  await rememberExternalIds(ctx, state, 'account', [...createdIds, ...stillThere]);
  await recordChanges(ctx, state, 'account', changes);
  return { created: inserts.length, updated: changes.length - inserts.length, unchanged, problems: [] };
}

/** Finds the companies contacts name, creating those Accord does not have yet (recorded for undo). */
async function accountsByName(ctx: UseCaseContext, state: RunState, names: string[]): Promise<void> {
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

/** Writes one batch of contact rows, each attached to its company by external id or by name. */
export async function writeContacts(
  ctx: UseCaseContext,
  state: RunState,
  batch: Planned<ContactDraft>[],
): Promise<BatchResult> {
  const accountIds = await knownRecords(ctx, state, 'account', [
    ...new Set(batch.flatMap((item) => (item.draft.accountExternalId ? [item.draft.accountExternalId] : []))),
  ]);
  await accountsByName(
    ctx,
    state,
    batch.flatMap(({ draft }) =>
      draft.accountName && !(draft.accountExternalId && accountIds.has(draft.accountExternalId))
        ? [draft.accountName]
        : [],
    ),
  );
  const problems: RowProblem[] = [];
  const report = rowProblemReporter(problems);
  const resolved: { row: number; draft: ContactDraft; accountId: string }[] = [];
  for (const { row, draft } of batch) {
    const accountId =
      (draft.accountExternalId ? accountIds.get(draft.accountExternalId) : undefined) ??
      (draft.accountName ? state.accountByName.get(draft.accountName) : undefined);
    if (!accountId) {
      report(row, companyNotFound(draft));
      continue;
    }
    resolved.push({ row, draft, accountId });
  }
  const { known, merged } = await recordsOfRows(
    ctx,
    state,
    'contact',
    resolved.map((item) => item.draft.externalId),
  );
  const existing = known.size
    ? await ctx.db
        .select()
        .from(contacts)
        .where(and(eq(contacts.workspaceId, ctx.actor.workspaceId), inArray(contacts.id, [...known.values()])))
    : [];
  const existingById = new Map(existing.map((row) => [row.id, row]));
  const keys = updatableKeys(state, contactColumnsOf);
  const inserts: (typeof contacts.$inferInsert)[] = [];
  const createdIds: { externalId: string; recordId: string }[] = [];
  const changes: { recordId: string; previous: Record<string, unknown> | null }[] = [];
  const updates: Record<string, unknown>[] = [];
  let unchanged = 0;
  for (const { draft, accountId } of resolved) {
    const recordId = known.get(draft.externalId);
    const current = recordId ? existingById.get(recordId) : undefined;
    if (!current) {
      const id = newId();
      inserts.push({
        workspaceId: ctx.actor.workspaceId,
        id,
        accountId,
        firstName: draft.firstName,
        lastName: draft.lastName,
        patronymic: draft.patronymic,
        title: draft.title,
        department: draft.department,
        emails: draft.emails,
        phones: draft.phones,
        notes: draft.notes,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      createdIds.push({ externalId: draft.externalId, recordId: id });
      changes.push({ recordId: id, previous: null });
      continue;
    }
    const next = { ...pick(draft, keys), accountId };
    if (sameValues(current, next)) {
      unchanged += 1;
      continue;
    }
    const previous = pick(current, [...keys, 'accountId' as const]);
    updates.push({ id: current.id, ...next });
    changes.push({ recordId: current.id, previous });
  }
  await insertRows(ctx, contacts, inserts);
  await updateRows(ctx, contacts, [...keys, 'accountId'], updates);
  // NOTE: a merge target deleted since the choice was made is created afresh, like an unknown row.
  const stillThere = merged.filter((item) => existingById.has(item.recordId));
  await rememberExternalIds(ctx, state, 'contact', [...createdIds, ...stillThere]);
  await recordChanges(ctx, state, 'contact', changes);
  return { created: inserts.length, updated: changes.length - inserts.length, unchanged, problems };
}
