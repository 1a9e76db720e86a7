import { sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import type { UseCaseContext } from '../../platform/use-case';
import type { ImportedEntity } from './schema';

/** The parent (or reports-to) links Accord has above these records, followed to the top. */
async function storedLinksAbove(
  ctx: UseCaseContext,
  entity: Extract<ImportedEntity, 'account' | 'contact'>,
  starts: string[],
): Promise<Map<string, string>> {
  const table = sql.raw(entity === 'account' ? 'accounts' : 'contacts');
  const column = sql.raw(entity === 'account' ? 'parent_id' : 'reports_to_id');
  // NOTE: `union` drops a link already seen, so a loop already stored ends the walk instead of spinning.
  const result = await ctx.db.execute<{ id: string; parent: string }>(sql`
    with recursive up(id, parent) as (
      select t.id, t.${column} from ${table} t
      where t.workspace_id = ${ctx.actor.workspaceId} and t.id = any(${uuidArray(starts)}) and t.${column} is not null
      union
      select t.id, t.${column} from up join ${table} t on t.workspace_id = ${ctx.actor.workspaceId} and t.id = up.parent
      where t.${column} is not null
    )
    select id, parent from up`);
  return new Map(result.rows.map((row) => [row.id, row.parent]));
}

/**
 * Splits links (record → its new parent), taken in file order, into those that keep the hierarchy
 * a tree and those that would close a loop, given the links stored before. The walk up stops at a
 * record seen twice, so it ends even on stored loops.
 */
export function splitCycles<L extends { id: string; target: string }>(
  links: L[],
  storedParentOf: (id: string) => string | undefined,
): { kept: L[]; cyclic: L[] } {
  const added = new Map<string, string>();
  const parentOf = (id: string) => added.get(id) ?? storedParentOf(id);
  const kept: L[] = [];
  const cyclic: L[] = [];
  for (const link of links) {
    const seen = new Set<string>();
    let current: string | undefined = link.target;
    while (current !== undefined && current !== link.id && !seen.has(current)) {
      seen.add(current);
      current = parentOf(current);
    }
    if (current === link.id) {
      cyclic.push(link);
    } else {
      added.set(link.id, link.target);
      kept.push(link);
    }
  }
  return { kept, cyclic };
}

/** `splitCycles` for records Accord has, against the parents (or reports-to) it stores above them. */
export async function withoutCycles<L extends { id: string; target: string }>(
  ctx: UseCaseContext,
  entity: Extract<ImportedEntity, 'account' | 'contact'>,
  links: L[],
): Promise<{ kept: L[]; cyclic: L[] }> {
  if (links.length === 0) return { kept: [], cyclic: [] };
  const stored = await storedLinksAbove(ctx, entity, [...new Set(links.flatMap((link) => [link.id, link.target]))]);
  return splitCycles(links, (id) => stored.get(id));
}
