import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { withoutCycles } from './hierarchy-cycles';
import { rowProblemReporter } from './load-import';
import { importMessages } from './messages';
import type { AccountDraft, ContactDraft } from './row-drafts';
import type { RowProblem } from './schema';
import { knownRecords, type RunState } from './write-batch';

type Link = { row: number; externalId: string; reference: string; byName: boolean };

/**
 * Second pass of a run, once every row of the file exists: points accounts at their parents and
 * contacts at whom they report to, by external id (or, for parents, by name). A reference to
 * nothing in the file, earlier imports or Accord is reported on its row, and so is a link that
 * would close a loop (that link is not set; the others of the loop are).
 */
export async function linkReferences(
  ctx: UseCaseContext,
  state: RunState,
  batch: { row: number; draft: AccountDraft | ContactDraft }[],
): Promise<RowProblem[]> {
  const links = batch.flatMap(({ row, draft }): Link[] => {
    if (draft.kind === 'accounts') {
      if (draft.parentExternalId)
        return [{ row, externalId: draft.externalId, reference: draft.parentExternalId, byName: false }];
      if (draft.parentName) return [{ row, externalId: draft.externalId, reference: draft.parentName, byName: true }];
      return [];
    }
    return draft.reportsToExternalId
      ? [{ row, externalId: draft.externalId, reference: draft.reportsToExternalId, byName: false }]
      : [];
  });
  if (links.length === 0) return [];
  const entity = batch[0]?.draft.kind === 'accounts' ? 'account' : 'contact';
  const own = await knownRecords(
    ctx,
    state,
    entity,
    links.map((link) => link.externalId),
  );
  const targets = await knownRecords(
    ctx,
    state,
    entity,
    links.filter((link) => !link.byName).map((link) => link.reference),
  );
  const names = links.filter((link) => link.byName).map((link) => link.reference);
  if (names.length > 0) {
    const found = await ctx.db
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), inArray(accounts.name, names)));
    for (const row of found) if (!targets.has(row.name)) targets.set(row.name, row.id);
  }
  const problems: RowProblem[] = [];
  const report = rowProblemReporter(problems, state.columnOf);
  const fieldOf = (link: Link) =>
    link.byName ? 'parentName' : entity === 'account' ? 'parentExternalId' : 'reportsToExternalId';
  const candidates: { row: number; reference: string; id: string; target: string; link: Link }[] = [];
  for (const link of links) {
    const id = own.get(link.externalId);
    const target = targets.get(link.reference);
    if (!id) continue;
    if (!target) {
      const text = { text: importMessages.parentNotFound, params: { reference: link.reference } };
      report(link.row, text, { field: fieldOf(link) });
    } else if (target === id) {
      report(link.row, { text: importMessages.selfReference }, { field: fieldOf(link) });
    } else {
      candidates.push({ row: link.row, reference: link.reference, id, target, link });
    }
  }
  const { kept: pairs, cyclic } = await withoutCycles(ctx, entity, candidates);
  for (const link of cyclic) {
    const text = { text: importMessages.hierarchyCycle, params: { reference: link.reference } };
    report(link.row, text, { field: fieldOf(link.link) });
  }
  if (pairs.length === 0) return problems;
  const table = entity === 'account' ? accounts : contacts;
  const column = entity === 'account' ? sql.raw('parent_id') : sql.raw('reports_to_id');
  // NOTE: one statement for the whole batch; rows already pointing at the target are left alone.
  await ctx.db.execute(sql`
    update ${table} as t set ${column} = v.target, updated_at = ${ctx.now}, version = t.version + 1
    from unnest(${uuidArray(pairs.map((pair) => pair.id))}, ${uuidArray(pairs.map((pair) => pair.target))}) as v(id, target)
    where t.workspace_id = ${ctx.actor.workspaceId} and t.id = v.id and t.${column} is distinct from v.target`);
  return problems;
}
