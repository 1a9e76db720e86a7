import { and, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { opportunities } from '../opportunities';
import { interactions } from '../relationships';
import { insertRows } from './bulk-write';
import type { ImportField, ImportSource, ValueMappings } from './formats/fields';
import type { OwnerMatcher } from './owners';
import type { RowDraft } from './row-drafts';
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
  /** The file's column mapped to a field, named in a problem about its value. */
  columnOf: (field: ImportField | null) => string | null;
};

export type BatchResult = { created: number; updated: number; unchanged: number; problems: RowProblem[] };
export type Planned<D extends RowDraft> = { row: number; draft: D };

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
async function recordsOfRows(
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

type RecordTable = typeof accounts | typeof contacts | typeof opportunities | typeof interactions;

/** The records the batch's rows already are (see recordsOfRows), read whole to compare with the rows. */
export async function storedRecordsOfRows<T extends RecordTable>(
  ctx: UseCaseContext,
  state: RunState,
  entity: ImportedEntity,
  table: T,
  externalIds: string[],
) {
  const { known, merged } = await recordsOfRows(ctx, state, entity, externalIds);
  const rows: T['$inferSelect'][] = known.size
    ? await ctx.db
        .select()
        .from(table as RecordTable)
        .where(and(eq(table.workspaceId, ctx.actor.workspaceId), inArray(table.id, [...known.values()])))
    : [];
  return { known, merged, existingById: new Map(rows.map((row) => [row.id, row])) };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function rememberExternalIds(
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

/** What one batch wrote: remembered for the next run, recorded for undo. */
type Written = {
  created: { externalId: string; recordId: string }[];
  /** Rows the user chose to merge into records. */
  merged: { externalId: string; recordId: string }[];
  /** The batch's records that are still there, by id. */
  existing: ReadonlyMap<string, unknown>;
  changes: { recordId: string; previous: Record<string, unknown> | null }[];
  unchanged: number;
  problems: RowProblem[];
};

/** Ends a batch: remembers the records it created or merged into, records its changes for undo, counts them. */
export async function finishBatch(
  ctx: UseCaseContext,
  state: RunState,
  entity: ImportedEntity,
  written: Written,
): Promise<BatchResult> {
  // NOTE: a merge target deleted since the choice was made is created afresh, like an unknown row.
  const stillThere = written.merged.filter((item) => written.existing.has(item.recordId));
  await rememberExternalIds(ctx, state, entity, [...written.created, ...stillThere]);
  await recordChanges(ctx, state, entity, written.changes);
  const created = written.created.length;
  return {
    created,
    updated: written.changes.length - created,
    unchanged: written.unchanged,
    problems: written.problems,
  };
}

export function pick<T extends Record<string, unknown>>(row: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, row[key]])) as Partial<T>;
}

export function sameValues(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return Object.keys(after).every((key) => JSON.stringify(before[key]) === JSON.stringify(after[key]));
}

/** The member a file's owner value names, if any. */
export function memberOf(state: Pick<RunState, 'ownerOf'>, owner: string | null): string | undefined {
  const match = state.ownerOf(owner);
  return match && 'userId' in match ? match.userId : undefined;
}

/** The columns a known record may have updated: those the mapped fields fill. */
export function updatableKeys<K extends string>(state: RunState, columnsOf: Partial<Record<ImportField, K[]>>): K[] {
  return [...new Set([...state.mappedFields].flatMap((field) => columnsOf[field] ?? []))];
}
