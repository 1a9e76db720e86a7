import { and, eq, sql } from 'drizzle-orm';
import { type CoverageState, findGaps, type StakeholderState } from '../../analytics/relationships/gaps';
import { type GapKind, gapKinds } from '../../analytics/relationships/terms';
import { invalidField } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { KeptInMemory } from '../../platform/kept-in-memory';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccounts } from '../accounts';
import type { GapView } from './get-relationship-summary';
import { type KeptAt, mapRevisionColumn, stillCurrent } from './map-revision';
import { type ListGapsQuery, listGapsQuery } from './schemas';
import { getRelationshipSettings } from './settings';

export type WorkspaceGap = GapView & {
  account: { id: string; name: string; owner: { id: string; name: string | null } };
};

export type GapPage = {
  items: WorkspaceGap[];
  nextCursor: string | null;
  /** Gaps matching every filter. */
  total: number;
  /** Gaps of each kind matching the other filters (what each kind filter would find). */
  counts: Record<GapKind, number>;
};

type CandidateRow = {
  id: string;
  account_id: string;
  full_name: string;
  title: string | null;
  key_player: boolean | null;
  buying_role: StakeholderState['buyingRole'];
  support: StakeholderState['support'];
  influence: StakeholderState['influence'];
  /** Milliseconds since the epoch (raw queries would get timestamps as text). */
  last_held_ms: number | null;
  planned: boolean;
  coverage: [string, string, CoverageState['currentLevel'], CoverageState['targetLevel']][];
};

const collator = new Intl.Collator('und');
const cursorSort = 'gaps';

type Positioned = {
  item: WorkspaceGap;
  key: [string, string, number, string];
  rowId: string;
  /** Copied out of `item` so the filter over 30,000 gaps reads one object shape (2.3 µs a gap otherwise). */
  accountId: string;
  ownerId: string;
  kind: GapKind;
};

function compareGaps(a: Pick<Positioned, 'key' | 'rowId'>, b: Pick<Positioned, 'key' | 'rowId'>): number {
  return (
    collator.compare(a.key[0], b.key[0]) ||
    a.key[1].localeCompare(b.key[1]) ||
    a.key[2] - b.key[2] ||
    collator.compare(a.key[3], b.key[3]) ||
    a.rowId.localeCompare(b.rowId)
  );
}

function readCursor(cursor: string): Pick<Positioned, 'key' | 'rowId'> {
  const position = decodeCursor(cursor, cursorSort);
  try {
    const key = JSON.parse(position.key) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 4 &&
      typeof key[0] === 'string' &&
      typeof key[1] === 'string' &&
      Number.isInteger(key[2]) &&
      typeof key[3] === 'string'
    ) {
      return { key: key as Positioned['key'], rowId: position.id };
    }
  } catch {
    // a forged key: the same answer as below
  }
  throw invalidField('cursor', platformMessages.invalidCursor);
}

type KeptGaps = KeptAt & { gaps: Positioned[] };

/** How many workspaces' gap lists one server keeps (about 10 MB for 30,000 gaps). */
const workspacesKept = 8;
const keptGaps = new KeptInMemory<string, KeptGaps>(workspacesKept);

/**
 * Every gap of the workspace's accounts that are not lost, in list order, whoever may see them.
 * Only the people who can take part in a gap rule are loaded (see `mattersForGaps`).
 */
async function findWorkspaceGaps(ctx: UseCaseContext): Promise<Positioned[]> {
  const workspaceId = ctx.actor.workspaceId;
  const { staleAfterDays } = await getRelationshipSettings(ctx);
  const scope = sql`a.workspace_id = ${workspaceId} and a.status <> 'lost'`;
  const accountRows = (
    await ctx.db.execute<{ id: string; name: string; owner_id: string }>(sql`
      select a.id, a.name, a.owner_id from accounts a where ${scope}`)
  ).rows;
  const candidates = (
    await ctx.db.execute<CandidateRow>(sql`
      with candidates as (
        select s.id from stakeholders s
        where s.workspace_id = ${workspaceId}
          and (s.key_player or s.buying_role = 'decision_maker'
            or (s.influence = 'high' and s.support in ('enemy', 'non_supporter')))
        union
        select rc.contact_id from relationship_coverage rc where rc.workspace_id = ${workspaceId}
      ),
      -- NOTE: aggregated once over the workspace and joined, not looked up per person: at scale 50
      -- (28,000 candidates) three correlated subqueries each took about as long as the rest.
      held as (
        select ic.contact_id, max(ic.occurred_at) as last_held from interaction_contacts ic
        where ic.workspace_id = ${workspaceId} and ic.status = 'held' and ic.occurred_at <= ${ctx.now}
        group by ic.contact_id
      ),
      planned as (
        select distinct ic.contact_id from interaction_contacts ic
        where ic.workspace_id = ${workspaceId} and ic.status = 'planned' and ic.occurred_at >= ${ctx.now}
      ),
      owners as (
        select rc.contact_id,
          json_agg(json_build_array(rc.id, rc.user_id, rc.current_level, rc.target_level)) as coverage
        from relationship_coverage rc where rc.workspace_id = ${workspaceId}
        group by rc.contact_id
      )
      select c.id, c.account_id, c.full_name, c.title,
        s.key_player, s.buying_role, s.support, s.influence,
        extract(epoch from h.last_held)::float8 * 1000 as last_held_ms,
        p.contact_id is not null as planned,
        coalesce(o.coverage, '[]') as coverage
      from candidates k
      join contacts c on c.workspace_id = ${workspaceId} and c.id = k.id
      join accounts a on a.workspace_id = ${workspaceId} and a.id = c.account_id
      left join stakeholders s on s.workspace_id = ${workspaceId} and s.id = c.id
      left join held h on h.contact_id = c.id
      left join planned p on p.contact_id = c.id
      left join owners o on o.contact_id = c.id
      where ${scope}`)
  ).rows;

  const byAccount = new Map<string, CandidateRow[]>();
  for (const row of candidates) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push(row);
    byAccount.set(row.account_id, list);
  }
  const options = { now: ctx.now, staleAfterDays };
  const found: Positioned[] = [];
  for (const account of accountRows) {
    const people = byAccount.get(account.id) ?? [];
    const states: StakeholderState[] = people.map((row) => ({
      contactId: row.id,
      keyPlayer: row.key_player ?? false,
      buyingRole: row.buying_role,
      support: row.support,
      influence: row.influence,
      lastHeldAt: row.last_held_ms === null ? null : new Date(row.last_held_ms),
      hasPlannedInteraction: row.planned,
      coverage: row.coverage.map(([coverageId, userId, currentLevel, targetLevel]) => ({
        coverageId,
        userId,
        currentLevel,
        targetLevel,
      })),
    }));
    const named = new Map(people.map((row) => [row.id, row]));
    for (const gap of findGaps(states, options)) {
      const person = gap.contactId ? named.get(gap.contactId) : undefined;
      found.push({
        item: {
          ...gap,
          account: { id: account.id, name: account.name, owner: { id: account.owner_id, name: null } },
          contact: person ? { id: person.id, fullName: person.full_name, title: person.title } : null,
          user: gap.userId ? { id: gap.userId, name: null } : null,
        },
        key: [account.name, account.id, gapKinds.indexOf(gap.kind), person?.full_name ?? ''],
        rowId: gap.coverageId ?? gap.contactId ?? account.id,
        accountId: account.id,
        ownerId: account.owner_id,
        kind: gap.kind,
      });
    }
  }
  return found.sort(compareGaps);
}

async function visibleAccountSet(ctx: UseCaseContext): Promise<Set<string> | undefined> {
  const visible = visibleAccounts(ctx);
  if (!visible) return undefined;
  const rows = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), visible));
  return new Set(rows.map((row) => row.id));
}

/**
 * Every gap in the workspace's coverage (accounts the actor may see, lost accounts left out),
 * by account name, most serious kind first; filterable by kind and account owner. The whole
 * workspace's list is kept in this server's memory while its relationship map is unchanged (and
 * for at most a minute, as "not contacted in N days" moves with the clock); who may see which
 * account, and names of people of ours, are read on every request.
 */
export async function listGaps(ctx: UseCaseContext, rawQuery: ListGapsQuery): Promise<GapPage> {
  const query = listGapsQuery.parse(rawQuery);
  const after = query.cursor ? readCursor(query.cursor) : undefined;
  // NOTE: the revision is read before the map, so a map read after it is at least as new as it.
  const [{ revision = 0 } = {}] = (await ctx.db.execute<{ revision: number }>(sql`select ${mapRevisionColumn(ctx)}`))
    .rows;
  let kept = keptGaps.get(ctx.actor.workspaceId);
  if (!stillCurrent(kept, revision, ctx.now)) {
    kept = keptGaps.set(ctx.actor.workspaceId, {
      gaps: await findWorkspaceGaps(ctx),
      revision,
      computedAt: ctx.now.getTime(),
    });
  }
  const visible = await visibleAccountSet(ctx);
  const owners = query.ownerId?.length ? new Set(query.ownerId) : undefined;
  const wanted = query.kind?.length ? new Set<GapKind>(query.kind) : undefined;
  const counts = Object.fromEntries(gapKinds.map((kind) => [kind, 0])) as Record<GapKind, number>;
  const found: Positioned[] = [];
  for (const gap of kept.gaps) {
    if ((visible && !visible.has(gap.accountId)) || (owners && !owners.has(gap.ownerId))) continue;
    counts[gap.kind] += 1;
    if (!wanted || wanted.has(gap.kind)) found.push(gap);
  }
  const start = after ? found.findIndex((candidate) => compareGaps(candidate, after) > 0) : 0;
  const page = start < 0 ? [] : found.slice(start, start + query.limit);
  const more = start >= 0 && start + query.limit < found.length;
  const last = page.at(-1);
  const names = await userNames(ctx, page);
  return {
    items: page.map(({ item }) => ({
      ...item,
      account: {
        ...item.account,
        owner: { id: item.account.owner.id, name: names.get(item.account.owner.id) ?? null },
      },
      user: item.user ? { id: item.user.id, name: names.get(item.user.id) ?? null } : null,
    })),
    nextCursor: more && last ? encodeCursor({ sort: cursorSort, key: JSON.stringify(last.key), id: last.rowId }) : null,
    total: found.length,
    counts,
  };
}

async function userNames(ctx: UseCaseContext, page: Positioned[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      page.flatMap(({ item }) => (item.user ? [item.user.id, item.account.owner.id] : [item.account.owner.id])),
    ),
  ];
  if (ids.length === 0) return new Map();
  const rows = (await ctx.db.execute<{ id: string; name: string }>(sql`select id, name from users where id in ${ids}`))
    .rows;
  return new Map(rows.map((row) => [row.id, row.name]));
}
