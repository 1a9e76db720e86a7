import { sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { domainOf } from '../accounts';
import type { ImportPlan } from './load-import';
import type { AccountDraft, ContactDraft } from './row-drafts';

/** Why a row looks like a record Accord already has, strongest first. */
export const duplicateReasons = ['taxId', 'domain', 'email', 'name'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** A row that would create a record, and the existing record it may be. */
export type DuplicateProposal = {
  row: number;
  externalId: string;
  /** The name in the file. */
  name: string;
  record: { id: string; name: string };
  reason: DuplicateReason;
  /** Name similarity (pg_trgm) of the two, 0–1. */
  similarity: number;
};

/** How alike two names must be (pg_trgm similarity) to propose one as the other. */
const nameSimilarityAtLeast = 0.6;
/** Proposals listed at most; the rest are counted. */
export const proposalsListed = 500;
const rowsPerQuery = 5_000;

type ProposalRow = {
  row: number;
  external_id: string;
  name: string;
  record_id: string;
  record_name: string;
  reason: DuplicateReason;
  similarity: number;
};

/**
 * Rows that would create a record while Accord has one that looks the same: a company with the
 * same INN or website domain or a very similar name, a person with a shared e-mail or a very
 * similar full name. The user then chooses, row by row, to merge or to keep both.
 */
export async function findDuplicates(
  ctx: UseCaseContext,
  drafts: ImportPlan['drafts'],
): Promise<{ proposals: DuplicateProposal[]; total: number }> {
  const proposals: DuplicateProposal[] = [];
  // NOTE: `%` compares names with the trigram index at this threshold (for this transaction only).
  await ctx.db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(nameSimilarityAtLeast)}, true)`);
  for (let start = 0; start < drafts.length; start += rowsPerQuery) {
    const chunk = drafts.slice(start, start + rowsPerQuery);
    const accounts = chunk.flatMap(({ row, draft }) => (draft.kind === 'accounts' ? [{ row, draft }] : []));
    const contacts = chunk.flatMap(({ row, draft }) => (draft.kind === 'contacts' ? [{ row, draft }] : []));
    const rows = [
      ...(accounts.length > 0 ? await accountCandidates(ctx, accounts) : []),
      ...(contacts.length > 0 ? await contactCandidates(ctx, contacts) : []),
    ];
    for (const row of rows) {
      proposals.push({
        row: row.row,
        externalId: row.external_id,
        name: row.name,
        record: { id: row.record_id, name: row.record_name },
        reason: row.reason,
        similarity: Math.round(row.similarity * 100) / 100,
      });
    }
  }
  proposals.sort((left, right) => left.row - right.row);
  return { proposals: proposals.slice(0, proposalsListed), total: proposals.length };
}

const textArray = (values: readonly (string | null)[]) => sql.param(values.map((value) => value ?? ''));

async function accountCandidates(ctx: UseCaseContext, rows: { row: number; draft: AccountDraft }[]) {
  const result = await ctx.db.execute<ProposalRow>(sql`
    select d.row, d.external_id, d.name, a.id as record_id, a.name as record_name,
      case when d.tax_id <> '' and a.tax_id = d.tax_id then 'taxId'
        when d.domain <> '' and a.domain = d.domain then 'domain' else 'name' end as reason,
      similarity(a.name, d.name)::float8 as similarity
    from unnest(${sql.param(rows.map(({ row }) => row))}::int[],
      ${textArray(rows.map(({ draft }) => draft.externalId))}::text[],
      ${textArray(rows.map(({ draft }) => draft.name))}::text[],
      ${textArray(rows.map(({ draft }) => draft.taxId))}::text[],
      ${textArray(rows.map(({ draft }) => (draft.website ? domainOf(draft.website) : null)))}::text[])
      as d(row, external_id, name, tax_id, domain)
    cross join lateral (
      select a.id, a.name, a.tax_id, a.domain from (
        select a.id, a.name, a.tax_id, a.domain from accounts a
        where a.workspace_id = ${ctx.actor.workspaceId} and d.tax_id <> '' and a.tax_id = d.tax_id
        union
        select a.id, a.name, a.tax_id, a.domain from accounts a
        where a.workspace_id = ${ctx.actor.workspaceId} and d.domain <> '' and a.domain = d.domain
        union
        select a.id, a.name, a.tax_id, a.domain from accounts a
        where a.workspace_id = ${ctx.actor.workspaceId} and a.name % d.name
      ) a
      order by (d.tax_id <> '' and a.tax_id = d.tax_id) desc, (d.domain <> '' and a.domain = d.domain) desc,
        similarity(a.name, d.name) desc, a.id
      limit 1
    ) a`);
  return result.rows;
}

async function contactCandidates(ctx: UseCaseContext, rows: { row: number; draft: ContactDraft }[]) {
  const fullName = (draft: ContactDraft) =>
    [draft.lastName, draft.firstName, draft.patronymic].filter(Boolean).join(' ');
  const result = await ctx.db.execute<ProposalRow>(sql`
    select d.row, d.external_id, d.name, c.id as record_id, c.full_name as record_name,
      case when c.emails && d.emails then 'email' else 'name' end as reason,
      similarity(c.full_name, d.name)::float8 as similarity
    from unnest(${sql.param(rows.map(({ row }) => row))}::int[],
      ${textArray(rows.map(({ draft }) => draft.externalId))}::text[],
      ${textArray(rows.map(({ draft }) => fullName(draft)))}::text[],
      ${textArray(rows.map(({ draft }) => draft.emails.join('\n')))}::text[])
      as d0(row, external_id, name, email_lines)
    cross join lateral (select d0.row, d0.external_id, d0.name,
      coalesce(string_to_array(nullif(d0.email_lines, ''), E'\\n'), '{}') as emails) d
    cross join lateral (
      select c.id, c.full_name, c.emails from (
        select c.id, c.full_name, c.emails from contacts c
        where c.workspace_id = ${ctx.actor.workspaceId} and cardinality(d.emails) > 0 and c.emails && d.emails
        union
        select c.id, c.full_name, c.emails from contacts c
        where c.workspace_id = ${ctx.actor.workspaceId} and c.full_name % d.name
      ) c
      order by (c.emails && d.emails) desc, similarity(c.full_name, d.name) desc, c.id
      limit 1
    ) c`);
  return result.rows;
}
