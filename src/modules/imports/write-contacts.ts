import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { insertRows, updateRows } from './bulk-write';
import type { ImportField } from './formats/fields';
import { rowProblemReporter } from './load-import';
import { companyField, companyNotFound } from './row-companies';
import type { ContactDraft } from './row-drafts';
import type { RowProblem } from './schema';
import { accountsByName } from './write-accounts';
import {
  type BatchResult,
  finishBatch,
  knownRecords,
  type Planned,
  pick,
  type RunState,
  sameValues,
  storedRecordsOfRows,
  updatableKeys,
} from './write-batch';

type ContactKey = keyof ContactDraft & keyof typeof contacts.$inferSelect;

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
  const report = rowProblemReporter(problems, state.columnOf);
  const resolved: { row: number; draft: ContactDraft; accountId: string }[] = [];
  for (const { row, draft } of batch) {
    const accountId =
      (draft.accountExternalId ? accountIds.get(draft.accountExternalId) : undefined) ??
      (draft.accountName ? state.accountByName.get(draft.accountName) : undefined);
    if (!accountId) {
      report(row, companyNotFound(draft), { field: companyField(draft) });
      continue;
    }
    resolved.push({ row, draft, accountId });
  }
  const { known, merged, existingById } = await storedRecordsOfRows(
    ctx,
    state,
    'contact',
    contacts,
    resolved.map((item) => item.draft.externalId),
  );
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
  return finishBatch(ctx, state, 'contact', {
    created: createdIds,
    merged,
    existing: existingById,
    changes,
    unchanged,
    problems,
  });
}
