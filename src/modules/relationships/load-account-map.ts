import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CoverageState, StakeholderState } from '../../analytics/relationships/gaps';
import type { StrengthMember } from '../../analytics/relationships/strength';
import {
  type BuyingRole,
  type DecisionOrientation,
  type InfluenceLevel,
  type LinkKind,
  levelRank,
  type RelationshipLevel,
  type SupportLevel,
} from '../../analytics/relationships/terms';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { users } from '../users';
import { type AccountRef, visibleAccount } from './access';
import { interactionContacts, relationshipCoverage, stakeholderLinks, stakeholders } from './schema';

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
  people: MapPerson[];
  links: MapLink[];
  /** Our people who own relationships here; `name` null for someone who left the workspace. */
  owners: { id: string; name: string | null }[];
};

/** Loads the relationship map of a visible account (404 otherwise). */
export async function loadAccountMap(ctx: UseCaseContext, accountId: string): Promise<AccountMap> {
  const account = await visibleAccount(ctx, accountId);
  const workspaceId = ctx.actor.workspaceId;
  const ofAccount = sql`(select c.id from ${contacts} c where c.workspace_id = ${workspaceId} and c.account_id = ${accountId})`;
  const rows = await ctx.db
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
      department: contacts.department,
      reportsToId: contacts.reportsToId,
      version: contacts.version,
      buyingRole: sql<BuyingRole | null>`${stakeholders.buyingRole}`,
      support: sql<SupportLevel | null>`${stakeholders.support}`,
      influence: sql<InfluenceLevel | null>`${stakeholders.influence}`,
      decisionOrientation: sql<DecisionOrientation | null>`${stakeholders.decisionOrientation}`,
      keyPlayer: sql<boolean>`coalesce(${stakeholders.keyPlayer}, false)`,
    })
    .from(contacts)
    .leftJoin(stakeholders, and(eq(stakeholders.workspaceId, contacts.workspaceId), eq(stakeholders.id, contacts.id)))
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)))
    .orderBy(asc(contacts.fullName), asc(contacts.id));
  const touches = await ctx.db
    .select({
      contactId: interactionContacts.contactId,
      lastHeldAt:
        sql<Date | null>`max(${interactionContacts.occurredAt}) filter (where ${interactionContacts.status} = 'held' and ${interactionContacts.occurredAt} <= ${ctx.now})`.mapWith(
          interactionContacts.occurredAt,
        ),
      planned: sql<boolean>`bool_or(${interactionContacts.status} = 'planned' and ${interactionContacts.occurredAt} >= ${ctx.now})`,
    })
    .from(interactionContacts)
    .where(and(eq(interactionContacts.workspaceId, workspaceId), sql`${interactionContacts.contactId} in ${ofAccount}`))
    .groupBy(interactionContacts.contactId);
  const coverage = await ctx.db
    .select({
      coverageId: relationshipCoverage.id,
      contactId: relationshipCoverage.contactId,
      userId: relationshipCoverage.userId,
      currentLevel: sql<RelationshipLevel>`${relationshipCoverage.currentLevel}`,
      targetLevel: sql<RelationshipLevel>`${relationshipCoverage.targetLevel}`,
      version: relationshipCoverage.version,
    })
    .from(relationshipCoverage)
    .where(
      and(eq(relationshipCoverage.workspaceId, workspaceId), sql`${relationshipCoverage.contactId} in ${ofAccount}`),
    )
    .orderBy(asc(relationshipCoverage.createdAt));
  const links = await ctx.db
    .select({
      id: stakeholderLinks.id,
      fromContactId: stakeholderLinks.fromContactId,
      toContactId: stakeholderLinks.toContactId,
      kind: sql<LinkKind>`${stakeholderLinks.kind}`,
      note: stakeholderLinks.note,
    })
    .from(stakeholderLinks)
    .where(and(eq(stakeholderLinks.workspaceId, workspaceId), sql`${stakeholderLinks.fromContactId} in ${ofAccount}`))
    .orderBy(asc(stakeholderLinks.createdAt));
  const ownerIds = [...new Set(coverage.map((row) => row.userId))];
  const named =
    ownerIds.length === 0
      ? []
      : await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds));
  const names = new Map(named.map((user) => [user.id, user.name]));

  const touchOf = new Map(touches.map((touch) => [touch.contactId, touch]));
  const coverageOf = new Map<string, MapPerson['coverage']>();
  for (const { contactId, ...row } of coverage) {
    const list = coverageOf.get(contactId) ?? [];
    list.push(row);
    coverageOf.set(contactId, list);
  }
  return {
    account,
    people: rows.map((row) => ({
      ...row,
      lastHeldAt: touchOf.get(row.id)?.lastHeldAt ?? null,
      hasPlannedInteraction: touchOf.get(row.id)?.planned ?? false,
      coverage: coverageOf.get(row.id) ?? [],
    })),
    links,
    owners: ownerIds.map((id) => ({ id, name: names.get(id) ?? null })),
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
