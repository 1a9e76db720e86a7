import { and, eq, inArray } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { stageMatcher } from './deal-stages';
import { chunkReader } from './file-store';
import { type DuplicateProposal, findDuplicates } from './find-duplicates';
import type { ImportField, ImportSource } from './formats/fields';
import { splitCycles } from './hierarchy-cycles';
import {
  columnNamer,
  drafterOf,
  failuresOf,
  type ImportPlan,
  type ImportRow,
  loadImport,
  planImport,
  rowProblemReporter,
  rowsOfImport,
} from './load-import';
import { importMessages } from './messages';
import { ownerMatcher, unknownOwners } from './owners';
import type { AccountDraft, ContactDraft } from './row-drafts';
import { type ImportedEntity, importedEntityOf, imports, type RowProblem } from './schema';
import { knownRecords } from './write-batch';
import { resolveInteractions } from './write-interactions';
import { resolveKpiPoints, storedKpiRows } from './write-kpi-points';
import { resolveDeals } from './write-opportunities';

export type ImportCheck = {
  totalRows: number;
  validRows: number;
  toCreate: number;
  toUpdate: number;
  problems: RowProblem[];
  /** Stages of a deals file that no pipeline stage is named like, for the user to map (mapped ones too). */
  unknownStages: string[];
  /** Owners of the file no member of the workspace matches, for the user to map (mapped ones too). */
  unknownOwners: string[];
  /** Rows to create that look like records Accord has; the user merges or keeps each. */
  duplicates: { proposals: DuplicateProposal[]; total: number };
};

async function existingExternalIds(ctx: UseCaseContext, entity: ImportedEntity, source: ImportSource, ids: string[]) {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 10_000) {
    const known = await knownRecords(ctx, { source }, entity, ids.slice(start, start + 10_000));
    for (const id of known.keys()) found.add(id);
  }
  return found;
}

async function existingAccountNames(ctx: UseCaseContext, names: string[]) {
  if (names.length === 0) return new Set<string>();
  const rows = await ctx.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), inArray(accounts.name, names)));
  return new Set(rows.map((row) => row.name));
}

/** References a row makes to records that are neither in the file nor in Accord. */
async function referenceProblems(ctx: UseCaseContext, job: ImportRow, allDrafts: ImportPlan['drafts']) {
  const { source } = job;
  if (job.kind === 'opportunities') return dealProblems(ctx, job, allDrafts);
  if (job.kind === 'interactions' || job.kind === 'kpiPoints') return resolverProblems(ctx, job, allDrafts);
  const drafts = allDrafts.flatMap((item): { row: number; draft: AccountDraft | ContactDraft }[] =>
    item.draft.kind === 'accounts' || item.draft.kind === 'contacts' ? [{ row: item.row, draft: item.draft }] : [],
  );
  const inFile = new Set(drafts.map(({ draft }) => draft.externalId));
  const namesInFile = new Set(drafts.flatMap(({ draft }) => (draft.kind === 'accounts' ? [draft.name] : [])));
  const referenceOf = (draft: AccountDraft | ContactDraft) =>
    draft.kind === 'accounts'
      ? { id: draft.parentExternalId, name: draft.parentName, field: 'parentExternalId' as const }
      : { id: draft.reportsToExternalId, name: null, field: 'reportsToExternalId' as const };
  const accountRefs = drafts.flatMap(({ draft }) =>
    draft.kind === 'contacts' && draft.accountExternalId && !draft.accountName ? [draft.accountExternalId] : [],
  );
  const knownAccounts = await existingExternalIds(ctx, 'account', source, [...new Set(accountRefs)]);
  const parentIds = drafts.flatMap(({ draft }) => {
    const reference = referenceOf(draft).id;
    return reference && !inFile.has(reference) ? [reference] : [];
  });
  const entity = drafts[0]?.draft.kind === 'contacts' ? 'contact' : 'account';
  const knownParents = await existingExternalIds(ctx, entity, source, [...new Set(parentIds)]);
  const parentNames = drafts.flatMap(({ draft }) =>
    draft.kind === 'accounts' && draft.parentName && !namesInFile.has(draft.parentName) ? [draft.parentName] : [],
  );
  const knownNames = await existingAccountNames(ctx, [...new Set(parentNames)]);
  const problems: RowProblem[] = [];
  const reportOn = rowProblemReporter(problems, columnNamer(job));
  const report = (row: number, field: ImportField, text: typeof importMessages.accountNotFound, reference: string) =>
    reportOn(row, { text, params: { reference } }, { field });
  // NOTE: loops within the file are found here; loops through records Accord has, when the run links them.
  const inFileLinks = drafts.flatMap(({ row, draft }) => {
    const target = referenceOf(draft).id;
    return target && inFile.has(target) ? [{ row, id: draft.externalId, target, field: referenceOf(draft).field }] : [];
  });
  for (const link of splitCycles(inFileLinks, () => undefined).cyclic) {
    report(link.row, link.field, importMessages.hierarchyCycle, link.target);
  }
  for (const { row, draft } of drafts) {
    if (draft.kind === 'contacts' && draft.accountExternalId && !draft.accountName) {
      if (!knownAccounts.has(draft.accountExternalId))
        report(row, 'accountExternalId', importMessages.accountNotFound, draft.accountExternalId);
    }
    const { id, name, field } = referenceOf(draft);
    if (id && !inFile.has(id) && !knownParents.has(id)) report(row, field, importMessages.parentNotFound, id);
    if (name && !namesInFile.has(name) && !knownNames.has(name)) {
      report(row, 'parentName', importMessages.parentNotFound, name);
    }
  }
  return problems;
}

/** Deals whose company or stage is not found, checked as the run will (in slices of 5,000 rows). */
async function dealProblems(ctx: UseCaseContext, job: ImportRow, drafts: ImportPlan['drafts']) {
  const deals = drafts.flatMap((item) => (item.draft.kind === 'opportunities' ? [{ ...item, draft: item.draft }] : []));
  const problems: RowProblem[] = [];
  const ownerOf = await ownerMatcher(ctx, job.valueMappings);
  for (let start = 0; start < deals.length; start += 5000) {
    const slice = deals.slice(start, start + 5000);
    problems.push(...(await resolveDeals(ctx, { ...job, ownerOf, columnOf: columnNamer(job) }, slice)).problems);
  }
  return problems;
}

/** Activities and KPI values whose company, people or metric are not found, as the run will find them. */
async function resolverProblems(ctx: UseCaseContext, job: ImportRow, drafts: ImportPlan['drafts']) {
  const state = { source: job.source, columnOf: columnNamer(job) };
  const problems: RowProblem[] = [];
  for (let start = 0; start < drafts.length; start += 5000) {
    const slice = drafts.slice(start, start + 5000);
    const activities = slice.flatMap((item) =>
      item.draft.kind === 'interactions' ? [{ ...item, draft: item.draft }] : [],
    );
    const points = slice.flatMap((item) => (item.draft.kind === 'kpiPoints' ? [{ ...item, draft: item.draft }] : []));
    if (activities.length > 0) problems.push(...(await resolveInteractions(ctx, state, activities)).problems);
    if (points.length > 0) problems.push(...(await resolveKpiPoints(ctx, state, points)).problems);
  }
  return problems;
}

/** Stages no pipeline stage is named like: the ones the user maps (or has mapped) by hand. */
async function unknownStages(ctx: UseCaseContext, drafts: ImportPlan['drafts']) {
  const stageOf = await stageMatcher(ctx, {});
  const values = new Set(
    drafts.flatMap(({ draft }) => (draft.kind === 'opportunities' && draft.stage ? [draft.stage] : [])),
  );
  return [...values].filter((value) => 'unknown' in stageOf(value));
}

/**
 * The dry run: reads and validates every row and every reference without writing any record,
 * and keeps the bad rows on the import (for the CSV download).
 */
export async function checkImport(ctx: UseCaseContext, id: string): Promise<ImportCheck> {
  const job = await loadImport(ctx, id);
  const read = chunkReader(ctx, id);
  const plan = await planImport(job, rowsOfImport(read, job), await drafterOf(ctx, job, read));
  const entity = importedEntityOf(job.kind);
  // NOTE: KPI values have no external ids: a value is its series' point at a time, known when stored.
  const known =
    entity === 'kpi_series'
      ? await storedKpiRows(
          ctx,
          { source: job.source, columnOf: columnNamer(job) },
          plan.drafts.flatMap((item) => (item.draft.kind === 'kpiPoints' ? [{ ...item, draft: item.draft }] : [])),
        )
      : await existingExternalIds(
          ctx,
          entity,
          job.source,
          plan.drafts.map(({ draft }) => draft.externalId),
        );
  const problems = [...plan.problems, ...(await referenceProblems(ctx, job, plan.drafts))].sort(
    (left, right) => left.row - right.row,
  );
  const badRows = new Set(problems.flatMap((item) => (item.notice ? [] : [item.row])));
  if (job.status === 'draft') {
    await ctx.db
      .update(imports)
      .set({ problems, failedCount: failuresOf(problems), checkedAt: ctx.now, totalRows: plan.totalRows })
      .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)));
  }
  const merged = (externalId: string) => known.has(externalId) || job.merges[externalId] !== undefined;
  const toCreate = plan.drafts.filter(({ draft, row }) => !badRows.has(row) && !known.has(draft.externalId));
  return {
    totalRows: plan.totalRows,
    validRows: plan.totalRows - badRows.size,
    toCreate: toCreate.filter(({ draft }) => !merged(draft.externalId)).length,
    toUpdate: plan.drafts.filter(({ draft, row }) => !badRows.has(row) && merged(draft.externalId)).length,
    problems,
    unknownStages: job.kind === 'opportunities' ? await unknownStages(ctx, plan.drafts) : [],
    unknownOwners: unknownOwners(
      await ownerMatcher(ctx, {}),
      plan.drafts.map(({ draft }) => ('owner' in draft ? draft.owner : null)),
    ),
    duplicates: await findDuplicates(ctx, toCreate),
  };
}

/** The first rows as they will be stored, or why they cannot be (only those rows are read). */
export async function previewImport(ctx: UseCaseContext, id: string, limit = 20) {
  const job = await loadImport(ctx, id);
  const read = chunkReader(ctx, id);
  const head: string[][] = [];
  for await (const row of rowsOfImport(read, job)) {
    head.push(row);
    if (head.length >= limit) break;
  }
  const plan = await planImport(job, arrayRows(head), await drafterOf(ctx, job, read));
  const byRow = new Map(plan.drafts.map((item) => [item.row, item.draft]));
  return {
    columns: job.columns,
    totalRows: job.totalRows,
    rows: head.map((cells, index) => {
      const row = index + 2;
      const draft = byRow.get(row);
      const { kind: _kind, ...values } = draft ?? { kind: undefined };
      return {
        row,
        cells,
        values: draft ? (values as Record<string, unknown>) : null,
        problems: plan.problems.filter((item) => item.row === row),
      };
    }),
  };
}

async function* arrayRows(rows: string[][]) {
  yield* rows;
}
