import { and, eq, inArray } from 'drizzle-orm';
import type { Message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import type { ImportField } from './formats/fields';
import { importMessages } from './messages';
import { knownRecords, type RunState } from './write-batch';

/** How a row names its company. */
export type CompanyReference = {
  accountExternalId: string | null;
  accountName: string | null;
  /** The company's INN (KPI values): found among the accounts' tax ids, before the name. */
  accountTaxId?: string | null;
  /** The record an activity is about (Salesforce's WhatId): its company when that record is one. */
  relatedExternalId?: string | null;
};

/** The people a row names, with the company of each one found. */
type NamedPeople = { reference: string; contact?: { accountId: string } | undefined }[];

/** Where the kinds of rows differ in finding their company. */
export type CompanyLookup = {
  /** Which rows are looked up by exact name: every row, or only those without the source's id (KPI values). */
  byName: 'every-row' | 'rows-without-id';
  /** Whether the related record may be the company, after the id and the name (activities). */
  byRelated: boolean;
};

export type RowCompanies = {
  /** Every company found, for the look-ups that follow (series a module fills, the people of rows). */
  found: string[];
  /**
   * A row's company: by the source's id, else by exact name, else (with `byRelated`) the related
   * record; a row naming no company at all takes the company of the first of its people found.
   */
  companyOf: (row: CompanyReference, people?: NamedPeople) => string | undefined;
};

/**
 * Accounts by exact name or by tax id (the oldest of equal ones), for rows without a known
 * company id: value → account id.
 */
async function accountsBy(
  ctx: UseCaseContext,
  column: 'name' | 'taxId',
  values: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (values.length === 0) return found;
  const rows = await ctx.db
    .select({ id: accounts.id, value: accounts[column] })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), inArray(accounts[column], [...new Set(values)])))
    .orderBy(accounts.createdAt);
  for (const row of rows) if (row.value && !found.has(row.value)) found.set(row.value, row.id);
  return found;
}

/** Finds the companies a batch's rows name, never creating one (unlike a contact's). */
export async function companiesOfRows(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source'>,
  rows: CompanyReference[],
  lookup: CompanyLookup,
): Promise<RowCompanies> {
  const byId = await knownRecords(ctx, state, 'account', [
    ...new Set(
      rows.flatMap((row) =>
        [row.accountExternalId, lookup.byRelated ? (row.relatedExternalId ?? null) : null].filter((id) => id !== null),
      ),
    ),
  ]);
  const byName = await accountsBy(
    ctx,
    'name',
    rows.flatMap((row) =>
      row.accountName && (lookup.byName === 'every-row' || !row.accountExternalId) ? [row.accountName] : [],
    ),
  );
  const byTaxId = await accountsBy(
    ctx,
    'taxId',
    rows.flatMap((row) => (row.accountTaxId ? [row.accountTaxId] : [])),
  );
  const companyOf = (row: CompanyReference, people: NamedPeople = []) =>
    (row.accountExternalId ? byId.get(row.accountExternalId) : undefined) ??
    (row.accountTaxId ? byTaxId.get(row.accountTaxId) : undefined) ??
    (row.accountName ? byName.get(row.accountName) : undefined) ??
    (lookup.byRelated && row.relatedExternalId ? byId.get(row.relatedExternalId) : undefined) ??
    (row.accountExternalId || row.accountName || row.accountTaxId
      ? undefined
      : people.find((person) => person.contact)?.contact?.accountId);
  return { found: [...byId.values(), ...byTaxId.values(), ...byName.values()], companyOf };
}

/** The field a row names its company by, as `companyNotFound` reports it; none when only by its people. */
export function companyField(row: CompanyReference): ImportField | null {
  if (!row.accountExternalId && !row.accountName && !row.accountTaxId && row.relatedExternalId) {
    return 'relatedExternalId';
  }
  if (row.accountExternalId) return 'accountExternalId';
  if (row.accountTaxId) return 'taxId';
  return row.accountName ? 'accountName' : null;
}

/** Why a row's company is not found, naming what the row gave: its id, name, related record or first person. */
export function companyNotFound(row: CompanyReference, people: NamedPeople = []): Message {
  if (!row.accountExternalId && !row.accountName && !row.accountTaxId && row.relatedExternalId) {
    return { text: importMessages.relatedNotAccount, params: { reference: row.relatedExternalId } };
  }
  const reference = row.accountExternalId ?? row.accountTaxId ?? row.accountName ?? people[0]?.reference ?? '';
  return { text: importMessages.accountNotFound, params: { reference } };
}
