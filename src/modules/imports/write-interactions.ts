import { and, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { interactionContacts, interactions, interactionUsers } from '../relationships';
import { insertRows, updateRows } from './bulk-write';
import type { ImportField } from './formats/fields';
import type { InteractionDraft } from './interaction-drafts';
import { rowProblemReporter } from './load-import';
import { importMessages } from './messages';
import { companiesOfRows, companyField, companyNotFound } from './row-companies';
import type { RowProblem } from './schema';
import {
  type BatchResult,
  finishBatch,
  knownRecords,
  memberOf,
  pick,
  type RunState,
  sameValues,
  storedRecordsOfRows,
  updatableKeys,
} from './write-batch';

type Planned = { row: number; draft: InteractionDraft };

/** The columns an imported activity sets; its time is ISO text, as the batch statements carry it. */
type InteractionValues = {
  accountId: string;
  kind: string;
  status: 'planned' | 'held';
  occurredAt: string;
  subject: string;
  summary: string | null;
};
export type ResolvedInteraction = Planned & { values: InteractionValues; contactIds: string[] };

// NOTE: the same grace as logging by hand: a meeting starting now is held, not planned.
const heldGraceMs = 10 * 60 * 1000;

type ContactRow = { id: string; accountId: string; emails: string[]; name: string; reversed: string };

const lower = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** The contacts the batch names by external id or e-mail, and those of its companies (for names). */
async function contactsOfBatch(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source'>,
  batch: Planned[],
  accountIds: string[],
) {
  const byExternalId = await knownRecords(ctx, state, 'contact', [
    ...new Set(batch.flatMap(({ draft }) => draft.contactExternalIds)),
  ]);
  const emails = [...new Set(batch.flatMap(({ draft }) => draft.contactEmails))];
  const ids = [...new Set(byExternalId.values())];
  const conditions = [
    ids.length > 0 ? inArray(contacts.id, ids) : undefined,
    emails.length > 0
      ? sql`exists (select 1 from unnest(${contacts.emails}) as e(email)
          where lower(e.email) in (select json_array_elements_text(${JSON.stringify(emails)}::json)))`
      : undefined,
    accountIds.length > 0 && batch.some(({ draft }) => draft.contactNames.length > 0)
      ? inArray(contacts.accountId, accountIds)
      : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return { byExternalId, rows: [] as ContactRow[] };
  const found = await ctx.db
    .select({
      id: contacts.id,
      accountId: contacts.accountId,
      emails: contacts.emails,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.actor.workspaceId), sql.join(conditions, sql` or `)));
  const rows = found.map((row) => ({
    id: row.id,
    accountId: row.accountId,
    emails: row.emails.map((email) => email.toLowerCase()),
    name: lower(`${row.lastName} ${row.firstName}`),
    reversed: lower(`${row.firstName} ${row.lastName}`),
  }));
  return { byExternalId, rows };
}

/**
 * Finds each activity's company (the source's id, the exact name, Salesforce's WhatId, or the
 * company of the people it names) and its people among that company's contacts. A row without a
 * company is reported and skipped; a person not found is a notice and the activity is kept.
 */
export async function resolveInteractions(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source' | 'columnOf'>,
  batch: Planned[],
): Promise<{ resolved: ResolvedInteraction[]; problems: RowProblem[] }> {
  const companies = await companiesOfRows(
    ctx,
    state,
    batch.map(({ draft }) => draft),
    { byName: 'every-row', byRelated: true },
  );
  const people = await contactsOfBatch(ctx, state, batch, [...new Set(companies.found)]);
  const contactById = new Map(people.rows.map((row) => [row.id, row]));
  const problems: RowProblem[] = [];
  const resolved: ResolvedInteraction[] = [];
  const report = rowProblemReporter(problems, state.columnOf);
  for (const { row, draft } of batch) {
    const named = [
      ...draft.contactExternalIds.map((reference) => ({
        reference,
        contact: contactById.get(people.byExternalId.get(reference) ?? ''),
      })),
      ...draft.contactEmails.map((reference) => ({
        reference,
        contact: people.rows.find((candidate) => candidate.emails.includes(reference)),
      })),
    ];
    const accountId = companies.companyOf(draft, named);
    if (!accountId) {
      report(row, companyNotFound(draft, named), { field: companyField(draft) });
      continue;
    }
    const byName = draft.contactNames.map((reference) => {
      const wanted = lower(reference);
      const contact = people.rows.find(
        (candidate) =>
          candidate.accountId === accountId && (candidate.name === wanted || candidate.reversed === wanted),
      );
      return { reference, contact };
    });
    const contactIds = new Set<string>();
    for (const { reference, contact } of [...named, ...byName]) {
      if (contact && contact.accountId === accountId) contactIds.add(contact.id);
      else report(row, { text: importMessages.contactNotFound, params: { reference } }, { notice: true });
    }
    const inFuture = Date.parse(draft.occurredAt) > ctx.now.getTime() + heldGraceMs;
    resolved.push({
      row,
      draft,
      contactIds: [...contactIds].sort(),
      values: {
        accountId,
        kind: draft.interactionKind,
        status: inFuture ? 'planned' : 'held',
        occurredAt: draft.occurredAt,
        subject: draft.subject,
        summary: draft.summary,
      },
    });
  }
  return { resolved, problems };
}

type InteractionKey = keyof InteractionValues;
const columnsOf: Partial<Record<ImportField, InteractionKey[]>> = {
  subject: ['subject'],
  summary: ['summary'],
  interactionType: ['kind'],
  interactionDate: ['occurredAt', 'status'],
  accountExternalId: ['accountId'],
  accountName: ['accountId'],
  relatedExternalId: ['accountId'],
};
const contactFields: ImportField[] = ['contactExternalId', 'contactEmail', 'contactName'];

/** Contacts of stored interactions, sorted, to compare with a row's. */
async function participantsOf(ctx: UseCaseContext, ids: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (ids.length === 0) return found;
  const rows = await ctx.db
    .select({ interactionId: interactionContacts.interactionId, contactId: interactionContacts.contactId })
    .from(interactionContacts)
    .where(
      and(eq(interactionContacts.workspaceId, ctx.actor.workspaceId), inArray(interactionContacts.interactionId, ids)),
    );
  for (const row of rows) found.set(row.interactionId, [...(found.get(row.interactionId) ?? []), row.contactId]);
  for (const list of found.values()) list.sort();
  return found;
}

/**
 * Sets who took part in these interactions (replacing what was there), with their time and status
 * repeated as the relationships module keeps them.
 */
export async function replaceParticipants(
  ctx: UseCaseContext,
  items: { interactionId: string; contactIds: string[] }[],
): Promise<void> {
  if (items.length === 0) return;
  const workspaceId = ctx.actor.workspaceId;
  const ids = items.map((item) => item.interactionId);
  await ctx.db
    .delete(interactionContacts)
    .where(and(eq(interactionContacts.workspaceId, workspaceId), inArray(interactionContacts.interactionId, ids)));
  const links = items.flatMap(({ interactionId, contactIds }) =>
    contactIds.map((contactId) => ({ interactionId, contactId })),
  );
  if (links.length === 0) return;
  await ctx.db.execute(sql`insert into interaction_contacts
      (workspace_id, id, interaction_id, contact_id, status, occurred_at, created_at, updated_at)
    select ${workspaceId}, accord_uuid_v7(), i.id, r.contact_id, i.status, i.occurred_at, ${ctx.now}, ${ctx.now}
    from json_to_recordset(${JSON.stringify(links.map((link) => ({ interaction_id: link.interactionId, contact_id: link.contactId })))}::json)
      as r(interaction_id uuid, contact_id uuid)
    join interactions i on i.workspace_id = ${workspaceId} and i.id = r.interaction_id`);
}

/** Our people on these interactions, by interaction. */
async function ourPeopleOf(ctx: UseCaseContext, ids: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (ids.length === 0) return found;
  const rows = await ctx.db
    .select({ interactionId: interactionUsers.interactionId, userId: interactionUsers.userId })
    .from(interactionUsers)
    .where(and(eq(interactionUsers.workspaceId, ctx.actor.workspaceId), inArray(interactionUsers.interactionId, ids)));
  for (const row of rows) found.set(row.interactionId, [...(found.get(row.interactionId) ?? []), row.userId]);
  for (const list of found.values()) list.sort();
  return found;
}

/** Sets our people on these interactions (replacing who was there): the members a file names responsible. */
export async function replaceOurPeople(
  ctx: UseCaseContext,
  items: { interactionId: string; userIds: string[] }[],
): Promise<void> {
  if (items.length === 0) return;
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.delete(interactionUsers).where(
    and(
      eq(interactionUsers.workspaceId, workspaceId),
      inArray(
        interactionUsers.interactionId,
        items.map((item) => item.interactionId),
      ),
    ),
  );
  await insertRows(
    ctx,
    interactionUsers,
    items.flatMap(({ interactionId, userIds }) =>
      userIds.map((userId) => ({
        workspaceId,
        id: newId(),
        interactionId,
        userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    ),
  );
}

/** Writes one batch of activity rows: new ones inserted, known ones updated in the mapped fields only. */
export async function writeInteractions(ctx: UseCaseContext, state: RunState, batch: Planned[]): Promise<BatchResult> {
  const { resolved, problems } = await resolveInteractions(ctx, state, batch);
  const { known, merged, existingById } = await storedRecordsOfRows(
    ctx,
    state,
    'interaction',
    interactions,
    resolved.map(({ draft }) => draft.externalId),
  );
  const ids = [...known.values()];
  const participants = await participantsOf(ctx, ids);
  // NOTE: the responsible member is our person on the activity; an owner no member matches leaves
  // a new activity without one and a stored one with whom it has.
  const ownerMapped = state.mappedFields.has('owner');
  const ourPeople = ownerMapped ? await ourPeopleOf(ctx, ids) : new Map<string, string[]>();
  const ours: { interactionId: string; userIds: string[] }[] = [];
  const keys = updatableKeys(state, columnsOf);
  const replacesPeople = [...state.mappedFields].some((field) => contactFields.includes(field));
  const inserts: (typeof interactions.$inferInsert)[] = [];
  const people: { interactionId: string; contactIds: string[] }[] = [];
  const createdIds: { externalId: string; recordId: string }[] = [];
  const changes: { recordId: string; previous: Record<string, unknown> | null }[] = [];
  const updates: Record<string, unknown>[] = [];
  let unchanged = 0;
  for (const { draft, values, contactIds } of resolved) {
    const recordId = known.get(draft.externalId);
    const current = recordId ? existingById.get(recordId) : undefined;
    if (!current) {
      const id = newId();
      inserts.push({
        ...values,
        occurredAt: new Date(values.occurredAt),
        workspaceId: ctx.actor.workspaceId,
        id,
        createdById: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      people.push({ interactionId: id, contactIds });
      const owner = memberOf(state, draft.owner);
      if (owner) ours.push({ interactionId: id, userIds: [owner] });
      createdIds.push({ externalId: draft.externalId, recordId: id });
      changes.push({ recordId: id, previous: null });
      continue;
    }
    // NOTE: a stored activity keeps its status unless the file moves it in time (a past meeting
    // still planned in Accord is not marked held by a re-import).
    const moved = current.occurredAt.toISOString() !== values.occurredAt;
    const next = pick({ ...values, status: moved ? values.status : current.status }, keys);
    const before = participants.get(current.id) ?? [];
    const samePeople = !replacesPeople || JSON.stringify(before) === JSON.stringify(contactIds);
    const owner = memberOf(state, draft.owner);
    const oursBefore = ourPeople.get(current.id) ?? [];
    const sameOurs = !owner || JSON.stringify(oursBefore) === JSON.stringify([owner]);
    if (sameValues(current, next) && samePeople && sameOurs) {
      unchanged += 1;
      continue;
    }
    updates.push({ id: current.id, ...next });
    if (replacesPeople || keys.includes('occurredAt')) {
      people.push({ interactionId: current.id, contactIds: replacesPeople ? contactIds : before });
    }
    if (!sameOurs && owner) ours.push({ interactionId: current.id, userIds: [owner] });
    changes.push({
      recordId: current.id,
      previous: { ...pick(current, keys), contactIds: before, ...(ownerMapped ? { userIds: oursBefore } : {}) },
    });
  }
  await insertRows(ctx, interactions, inserts);
  await updateRows(ctx, interactions, keys, updates);
  await replaceParticipants(ctx, people);
  await replaceOurPeople(ctx, ours);
  return finishBatch(ctx, state, 'interaction', {
    created: createdIds,
    merged,
    existing: existingById,
    changes,
    unchanged,
    problems,
  });
}
