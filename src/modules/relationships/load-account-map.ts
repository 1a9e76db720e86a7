import { sql } from 'drizzle-orm';
import type { CoverageState, StakeholderState } from '../../analytics/relationships/gaps';
import type { StrengthMember } from '../../analytics/relationships/strength';
import {
  type BuyingRole,
  type DecisionOrientation,
  defaultStaleAfterDays,
  type InfluenceLevel,
  type LinkKind,
  levelRank,
  type RelationshipLevel,
  type SupportLevel,
} from '../../analytics/relationships/terms';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccounts } from '../accounts';
import { contacts } from '../contacts';
import { users } from '../users';
import type { AccountRef } from './access';
import { touchColumns } from './map-revision';
import { relationshipMessages } from './messages';
import {
  interactionContacts,
  relationshipCoverage,
  relationshipSettings,
  stakeholderLinks,
  stakeholders,
} from './schema';

/** One person of an account as the relationship map sees them. */
export type MapPerson = {
  id: string;
  fullName: string;
  title: string | null;
  department: string | null;
  reportsToId: string | null;
  /** The contact's row version, for If-Match when the chart changes whom they report to. */
  version: number;
  buyingRole: BuyingRole | null;
  support: SupportLevel | null;
  influence: InfluenceLevel | null;
  decisionOrientation: DecisionOrientation | null;
  keyPlayer: boolean;
  lastHeldAt: Date | null;
  hasPlannedInteraction: boolean;
  coverage: (CoverageState & { version: number })[];
};

export type MapLink = { id: string; fromContactId: string; toContactId: string; kind: LinkKind; note: string | null };

/** Everything known about an account's relationships, loaded in a handful of queries. */
export type AccountMap = {
  account: AccountRef;
  /** The workspace's staleness window, read in the same statement. */
  staleAfterDays: number;
  people: MapPerson[];
  links: MapLink[];
  /** Our people who own relationships here; `name` null for someone who left the workspace. */
  owners: { id: string; name: string | null }[];
};

type PersonRow = [
  id: string,
  fullName: string,
  title: string | null,
  department: string | null,
  reportsToId: string | null,
  version: number,
  buyingRole: BuyingRole | null,
  support: SupportLevel | null,
  influence: InfluenceLevel | null,
  decisionOrientation: DecisionOrientation | null,
  keyPlayer: boolean,
  lastHeldMs: number | null,
  planned: boolean,
  coverage: {
    id: string;
    userId: string;
    currentLevel: RelationshipLevel;
    targetLevel: RelationshipLevel;
    version: number;
  }[],
];
type LinkRow = [id: string, fromContactId: string, toContactId: string, kind: LinkKind, note: string | null];

/**
 * The common table expressions both map reads start with: the account's people with their
 * attributes (`people`), the time of their last held and any planned interaction (`touches`),
 * and our owners of each relationship (`owned`); `only` narrows them to the given people.
 */
export function accountPeople(ctx: UseCaseContext, accountId: string, only?: readonly string[]) {
  const workspaceId = ctx.actor.workspaceId;
  const onlyThem = only ? sql`and c.id = any(${sql.param([...only])}::uuid[])` : sql``;
  // NOTE: the lateral subqueries with `offset 0` keep attributes and owners looked up by key:
  // joined by hash instead, PostgreSQL read all 54,000 stakeholders (and 26,000 owners) of the
  // workspace for an account of 2,000 people.
  return sql`
    with people as (
      select c.id, c.full_name, c.title, c.department, c.reports_to_id, c.version,
        s.buying_role, s.support, s.influence, s.decision_orientation, coalesce(s.key_player, false) as key_player
      from ${contacts} c
      left join lateral (select * from ${stakeholders} s
        where s.workspace_id = ${workspaceId} and s.id = c.id offset 0) s on true
      where c.workspace_id = ${workspaceId} and c.account_id = ${accountId} ${onlyThem}
    ),
    touches as (
      select ic.contact_id, ${touchColumns(ctx)},
        bool_or(ic.status = 'planned' and ic.occurred_at >= ${ctx.now}) as planned
      from ${interactionContacts} ic join people p on p.id = ic.contact_id
      where ic.workspace_id = ${workspaceId}
      group by ic.contact_id
    ),
    owned as (
      select rc.contact_id,
        json_agg(json_build_object('id', rc.id, 'userId', rc.user_id, 'currentLevel', rc.current_level,
          'targetLevel', rc.target_level, 'version', rc.version) order by rc.created_at, rc.id) as coverage
      from people p cross join lateral (select * from ${relationshipCoverage} rc
        where rc.workspace_id = ${workspaceId} and rc.contact_id = p.id offset 0) rc
      group by rc.contact_id
    )`;
}

/** Columns `account` (id, name, owner; null when the actor may not see it) and `stale_after_days`. */
export function accountAndSettings(ctx: UseCaseContext, accountId: string) {
  const workspaceId = ctx.actor.workspaceId;
  const visible = visibleAccounts(ctx);
  return sql`
    (select json_build_array(accounts.id, accounts.name, accounts.owner_id) from ${accounts}
      where accounts.workspace_id = ${workspaceId} and accounts.id = ${accountId}
        ${visible ? sql`and ${visible}` : sql``}) as account,
    (select rs.stale_after_days from ${relationshipSettings} rs where rs.workspace_id = ${workspaceId}) as stale_after_days`;
}

/** Our people who own relationships with anyone in `people`, as `[id, name]` pairs. */
export function accountOwners(ctx: UseCaseContext) {
  return sql`coalesce((select json_agg(json_build_array(u.id, u.name) order by u.name)
    from ${users} u
    where u.id in (select rc.user_id from ${relationshipCoverage} rc
      where rc.workspace_id = ${ctx.actor.workspaceId} and rc.contact_id in (select id from people))), '[]')`;
}

/**
 * Loads the relationship map of a visible account (404 otherwise) in one statement: PostgreSQL
 * gathers people, attributes, freshness, owners and lines into JSON arrays, so 2,000 people cost
 * one round trip and one parse instead of five result sets mapped row by row.
 */
export async function loadAccountMap(ctx: UseCaseContext, accountId: string): Promise<AccountMap> {
  const result = await ctx.db.execute<{
    account: [string, string, string] | null;
    stale_after_days: number | null;
    people: PersonRow[];
    links: LinkRow[];
    owners: [string, string][];
  }>(sql`
    ${accountPeople(ctx, accountId)}
    select ${accountAndSettings(ctx, accountId)},
      coalesce((select json_agg(json_build_array(p.id, p.full_name, p.title, p.department, p.reports_to_id, p.version,
          p.buying_role, p.support, p.influence, p.decision_orientation, p.key_player,
          (extract(epoch from t.last_held) * 1000)::float8, coalesce(t.planned, false), coalesce(o.coverage, '[]'))
          order by p.full_name, p.id)
        from people p left join touches t on t.contact_id = p.id left join owned o on o.contact_id = p.id), '[]') as people,
      coalesce((select json_agg(json_build_array(l.id, l.from_contact_id, l.to_contact_id, l.kind, l.note)
          order by l.created_at, l.id)
        from ${stakeholderLinks} l
        where l.workspace_id = ${ctx.actor.workspaceId} and l.from_contact_id in (select id from people)), '[]') as links,
      ${accountOwners(ctx)} as owners`);
  const row = result.rows[0];
  if (!row?.account) throw notFound(relationshipMessages.account);
  const [id, name, ownerId] = row.account;
  return {
    account: { id, name, ownerId },
    staleAfterDays: row.stale_after_days ?? defaultStaleAfterDays,
    people: row.people.map((person) => ({
      id: person[0],
      fullName: person[1],
      title: person[2],
      department: person[3],
      reportsToId: person[4],
      version: person[5],
      buyingRole: person[6],
      support: person[7],
      influence: person[8],
      decisionOrientation: person[9],
      keyPlayer: person[10],
      lastHeldAt: person[11] === null ? null : new Date(person[11]),
      hasPlannedInteraction: person[12],
      coverage: person[13].map(({ id, ...owner }) => ({ coverageId: id, ...owner })),
    })),
    links: row.links.map(([id, fromContactId, toContactId, kind, note]) => ({
      id,
      fromContactId,
      toContactId,
      kind,
      note,
    })),
    owners: row.owners.map(([id, name]) => ({ id, name })),
  };
}

/** A person as the gap rules see them. */
export function stakeholderStateOf(person: MapPerson): StakeholderState {
  return {
    contactId: person.id,
    keyPlayer: person.keyPlayer,
    buyingRole: person.buyingRole,
    support: person.support,
    influence: person.influence,
    lastHeldAt: person.lastHeldAt,
    hasPlannedInteraction: person.hasPlannedInteraction,
    coverage: person.coverage,
  };
}

/** A person as the strength score sees them: the best level any of our people has with them. */
export function strengthMemberOf(
  person: Pick<MapPerson, 'keyPlayer' | 'influence' | 'support' | 'lastHeldAt'> & {
    coverage: readonly { currentLevel: RelationshipLevel }[];
  },
): StrengthMember {
  let bestLevel: RelationshipLevel | null = null;
  for (const { currentLevel } of person.coverage) {
    if (bestLevel === null || levelRank(currentLevel) > levelRank(bestLevel)) bestLevel = currentLevel;
  }
  return {
    keyPlayer: person.keyPlayer,
    influence: person.influence,
    support: person.support,
    bestLevel,
    lastHeldAt: person.lastHeldAt,
  };
}
