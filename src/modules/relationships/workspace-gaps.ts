import { sql } from 'drizzle-orm';
import { type CoverageState, findGaps, type StakeholderState } from '../../analytics/relationships/gaps';
import { type GapKind, gapKinds } from '../../analytics/relationships/terms';
import { KeptInMemory } from '../../platform/kept-in-memory';
import type { UseCaseContext } from '../../platform/use-case';
import type { GapView } from './get-relationship-summary';
import {
  accountsChangedSince,
  type ClockMoments,
  clockMomentColumns,
  mapRevisionColumn,
  personValidUntil,
  touchColumns,
} from './map-revision';
import { getRelationshipSettings } from './settings';

export type WorkspaceGap = GapView & {
  account: { id: string; name: string; owner: { id: string; name: string | null } };
};

/** A gap with its place in the list: by account name, most serious kind first, then person. */
export type PositionedGap = {
  item: WorkspaceGap;
  key: [string, string, number, string];
  rowId: string;
  /** Copied out of `item` so the filter over 30,000 gaps reads one object shape (2.3 µs a gap otherwise). */
  accountId: string;
  ownerId: string;
  kind: GapKind;
};

const collator = new Intl.Collator('und');

export function compareGaps(a: Pick<PositionedGap, 'key' | 'rowId'>, b: Pick<PositionedGap, 'key' | 'rowId'>): number {
  return (
    collator.compare(a.key[0], b.key[0]) ||
    a.key[1].localeCompare(b.key[1]) ||
    a.key[2] - b.key[2] ||
    collator.compare(a.key[3], b.key[3]) ||
    a.rowId.localeCompare(b.rowId)
  );
}

type AccountRow = { id: string; name: string; owner_id: string };

type CandidateRow = ClockMoments & {
  id: string;
  account_id: string;
  full_name: string;
  title: string | null;
  key_player: boolean | null;
  buying_role: StakeholderState['buyingRole'];
  support: StakeholderState['support'];
  influence: StakeholderState['influence'];
  coverage: [string, string, CoverageState['currentLevel'], CoverageState['targetLevel']][];
};

/** One account's gaps in list order, and until when they hold as the clock moves on. */
type AccountGaps = { id: string; name: string; gaps: PositionedGap[]; validUntil: number };

type KeptGaps = {
  revision: number;
  accounts: Map<string, AccountGaps>;
  /** Account ids by name. */
  order: string[];
  /** Every gap in list order. */
  gaps: PositionedGap[];
  validUntil: number;
};

/** How many workspaces' gap lists one server keeps (about 10 MB for 30,000 gaps). */
const workspacesKept = 8;
const keptGaps = new KeptInMemory<string, KeptGaps>(workspacesKept);

/** Columns shared by both reads: a candidate's attributes, interactions and our owners. */
const candidateColumns = sql`c.id, c.account_id, c.full_name, c.title,
    s.key_player, s.buying_role, s.support, s.influence,
    ${clockMomentColumns},
    coalesce(o.coverage, '[]') as coverage`;

/** Everyone in the workspace who can take part in a gap rule (see `mattersForGaps`). */
function workspaceCandidates(ctx: UseCaseContext) {
  const workspaceId = ctx.actor.workspaceId;
  return sql`
    with candidates as (
      select s.id from stakeholders s
      where s.workspace_id = ${workspaceId}
        and (s.key_player or s.buying_role = 'decision_maker'
          or (s.influence = 'high' and s.support in ('enemy', 'non_supporter')))
      union
      select rc.contact_id from relationship_coverage rc where rc.workspace_id = ${workspaceId}
    ),
    -- NOTE: aggregated once over the workspace and joined, not looked up per person: at scale 50
    -- (28,000 candidates) correlated subqueries each took about as long as the rest.
    touches as (
      select ic.contact_id, ${touchColumns(ctx)} from interaction_contacts ic
      where ic.workspace_id = ${workspaceId}
      group by ic.contact_id
    ),
    owners as (
      select rc.contact_id,
        json_agg(json_build_array(rc.id, rc.user_id, rc.current_level, rc.target_level)) as coverage
      from relationship_coverage rc where rc.workspace_id = ${workspaceId}
      group by rc.contact_id
    )
    select ${candidateColumns}
    from candidates k
    join contacts c on c.workspace_id = ${workspaceId} and c.id = k.id
    join accounts a on a.workspace_id = ${workspaceId} and a.id = c.account_id
    left join stakeholders s on s.workspace_id = ${workspaceId} and s.id = c.id
    left join touches t on t.contact_id = c.id
    left join owners o on o.contact_id = c.id
    where a.status <> 'lost'`;
}

/** The candidates of a few accounts, looked up by key (the people of an account, then theirs). */
function accountCandidates(ctx: UseCaseContext, accountIds: readonly string[]) {
  const workspaceId = ctx.actor.workspaceId;
  return sql`
    select ${candidateColumns}
    from contacts c
    left join lateral (select * from stakeholders s
      where s.workspace_id = ${workspaceId} and s.id = c.id offset 0) s on true
    left join lateral (select json_agg(json_build_array(rc.id, rc.user_id, rc.current_level, rc.target_level))
        as coverage
      from relationship_coverage rc where rc.workspace_id = ${workspaceId} and rc.contact_id = c.id) o on true
    left join lateral (select ${touchColumns(ctx)} from interaction_contacts ic
      where ic.workspace_id = ${workspaceId} and ic.contact_id = c.id) t on true
    where c.workspace_id = ${workspaceId} and c.account_id = any(${sql.param(accountIds)}::uuid[])
      and (s.key_player or s.buying_role = 'decision_maker'
        or (s.influence = 'high' and s.support in ('enemy', 'non_supporter')) or o.coverage is not null)`;
}

/** Reads the gaps of the given accounts (all of the workspace's when `accountIds` is undefined). */
async function readAccountGaps(ctx: UseCaseContext, accountIds: readonly string[] | undefined): Promise<AccountGaps[]> {
  const workspaceId = ctx.actor.workspaceId;
  const { staleAfterDays } = await getRelationshipSettings(ctx);
  const only = accountIds ? sql`and a.id = any(${sql.param(accountIds)}::uuid[])` : sql``;
  const accountRows = (
    await ctx.db.execute<AccountRow>(sql`
      select a.id, a.name, a.owner_id from accounts a
      where a.workspace_id = ${workspaceId} and a.status <> 'lost' ${only}`)
  ).rows;
  const candidates = (
    await ctx.db.execute<CandidateRow>(accountIds ? accountCandidates(ctx, accountIds) : workspaceCandidates(ctx))
  ).rows;
  const byAccount = new Map<string, CandidateRow[]>();
  for (const row of candidates) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push(row);
    byAccount.set(row.account_id, list);
  }
  const now = ctx.now.getTime();
  const options = { now: ctx.now, staleAfterDays };
  return accountRows.map((account) => {
    const people = byAccount.get(account.id) ?? [];
    let validUntil = Number.POSITIVE_INFINITY;
    const states: StakeholderState[] = people.map((row) => {
      validUntil = Math.min(validUntil, personValidUntil(row, now));
      return {
        contactId: row.id,
        keyPlayer: row.key_player ?? false,
        buyingRole: row.buying_role,
        support: row.support,
        influence: row.influence,
        lastHeldAt: row.last_held_ms === null ? null : new Date(row.last_held_ms),
        hasPlannedInteraction: row.last_planned_ms !== null && row.last_planned_ms >= now,
        coverage: row.coverage.map(([coverageId, userId, currentLevel, targetLevel]) => ({
          coverageId,
          userId,
          currentLevel,
          targetLevel,
        })),
      };
    });
    const named = new Map(people.map((row) => [row.id, row]));
    const gaps = findGaps(states, options).map((gap): PositionedGap => {
      const person = gap.contactId ? named.get(gap.contactId) : undefined;
      return {
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
      };
    });
    return { id: account.id, name: account.name, gaps: gaps.sort(compareGaps), validUntil };
  });
}

function byName(accounts: Map<string, AccountGaps>): string[] {
  return [...accounts.values()]
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
    .map((account) => account.id);
}

function assemble(revision: number, accounts: Map<string, AccountGaps>, order: string[]): KeptGaps {
  const gaps: PositionedGap[] = [];
  let validUntil = Number.POSITIVE_INFINITY;
  for (const id of order) {
    const account = accounts.get(id);
    if (!account) continue;
    for (const gap of account.gaps) gaps.push(gap);
    validUntil = Math.min(validUntil, account.validUntil);
  }
  return { revision, accounts, order, gaps, validUntil };
}

/** The kept list with `fresh` in place of the accounts in `redone` (those not in `fresh` are gone). */
function patched(kept: KeptGaps, revision: number, redone: ReadonlySet<string>, fresh: AccountGaps[]): KeptGaps {
  const accounts = new Map(kept.accounts);
  const freshIds = new Set(fresh.map((account) => account.id));
  let reorder = false;
  for (const id of redone) {
    if (accounts.delete(id) && !freshIds.has(id)) reorder = true;
  }
  for (const account of fresh) {
    const before = kept.accounts.get(account.id);
    if (before?.name !== account.name) reorder = true;
    accounts.set(account.id, account);
  }
  return assemble(revision, accounts, reorder ? byName(accounts) : kept.order);
}

/**
 * Every gap of the workspace's accounts that are not lost, in list order, whoever may see them.
 * Kept in this server's memory per workspace: when the map changes only the accounts it changed
 * are read again, and as the clock moves on only the accounts whose answer it changes (a person's
 * days since contact ticking over, a planned meeting passing).
 */
export async function workspaceGaps(ctx: UseCaseContext): Promise<PositionedGap[]> {
  const workspaceId = ctx.actor.workspaceId;
  // NOTE: the revision is read before the map, so a map read after it is at least as new as it.
  const [{ revision = 0 } = {}] = (await ctx.db.execute<{ revision: number }>(sql`select ${mapRevisionColumn(ctx)}`))
    .rows;
  const kept = keptGaps.get(workspaceId);
  const now = ctx.now.getTime();
  if (kept && kept.revision === revision && now < kept.validUntil) return kept.gaps;
  const changed =
    kept && kept.revision !== revision ? await accountsChangedSince(ctx, kept.revision) : new Set<string>();
  // NOTE: past a quarter of the accounts, one read of the workspace is cheaper than looking each up.
  if (!kept || changed === 'whole map' || changed.size > kept.accounts.size / 4) {
    const accounts = new Map((await readAccountGaps(ctx, undefined)).map((account) => [account.id, account]));
    return keptGaps.set(workspaceId, assemble(revision, accounts, byName(accounts))).gaps;
  }
  for (const account of kept.accounts.values()) {
    if (now >= account.validUntil) changed.add(account.id);
  }
  const fresh = changed.size > 0 ? await readAccountGaps(ctx, [...changed]) : [];
  return keptGaps.set(workspaceId, patched(kept, revision, changed, fresh)).gaps;
}
