import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { freshnessDays, isStale } from '../../analytics/relationships/freshness';
import type {
  BuyingRole,
  DecisionOrientation,
  InfluenceLevel,
  LinkKind,
  RelationshipLevel,
  SupportLevel,
} from '../../analytics/relationships/terms';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { users } from '../users';
import { visibleContact } from './access';
import { interactionContacts, relationshipCoverage, stakeholderLinks, stakeholders } from './schema';
import { getRelationshipSettings } from './settings';

export type StakeholderAttributes = {
  buyingRole: BuyingRole | null;
  support: SupportLevel | null;
  influence: InfluenceLevel | null;
  decisionOrientation: DecisionOrientation | null;
  keyPlayer: boolean;
  notes: string | null;
};

export type CoverageDetail = {
  id: string;
  contactId: string;
  userId: string;
  /** Null when the member's name is no longer visible (they left the workspace). */
  userName: string | null;
  currentLevel: RelationshipLevel;
  targetLevel: RelationshipLevel;
  version: number;
};

export type LinkDetail = {
  id: string;
  fromContactId: string;
  toContactId: string;
  kind: LinkKind;
  note: string | null;
  version: number;
};

export type StakeholderDetail = StakeholderAttributes & {
  contactId: string;
  accountId: string;
  fullName: string;
  /** Row version of the attributes; 0 until they are first recorded. */
  version: number;
  lastHeldAt: Date | null;
  freshnessDays: number | null;
  stale: boolean;
  staleAfterDays: number;
  coverage: CoverageDetail[];
  /** Dotted lines from or to this person, with the other person's name. */
  links: (LinkDetail & { other: { id: string; fullName: string } })[];
};

const emptyAttributes: StakeholderAttributes = {
  buyingRole: null,
  support: null,
  influence: null,
  decisionOrientation: null,
  keyPlayer: false,
  notes: null,
};

export const coverageColumns = {
  id: relationshipCoverage.id,
  contactId: relationshipCoverage.contactId,
  userId: relationshipCoverage.userId,
  userName: users.name,
  currentLevel: sql<RelationshipLevel>`${relationshipCoverage.currentLevel}`,
  targetLevel: sql<RelationshipLevel>`${relationshipCoverage.targetLevel}`,
  version: relationshipCoverage.version,
};

export const linkColumns = {
  id: stakeholderLinks.id,
  fromContactId: stakeholderLinks.fromContactId,
  toContactId: stakeholderLinks.toContactId,
  kind: sql<LinkKind>`${stakeholderLinks.kind}`,
  note: stakeholderLinks.note,
  version: stakeholderLinks.version,
};

const others = alias(contacts, 'other');

/** A person's stakeholder attributes, who of ours owns the relationship, their dotted lines and freshness. */
export async function getStakeholder(ctx: UseCaseContext, contactId: string): Promise<StakeholderDetail> {
  const contact = await visibleContact(ctx, contactId);
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await ctx.db
    .select({
      buyingRole: sql<BuyingRole | null>`${stakeholders.buyingRole}`,
      support: sql<SupportLevel | null>`${stakeholders.support}`,
      influence: sql<InfluenceLevel | null>`${stakeholders.influence}`,
      decisionOrientation: sql<DecisionOrientation | null>`${stakeholders.decisionOrientation}`,
      keyPlayer: stakeholders.keyPlayer,
      notes: stakeholders.notes,
      version: stakeholders.version,
    })
    .from(stakeholders)
    .where(and(eq(stakeholders.workspaceId, workspaceId), eq(stakeholders.id, contactId)));
  const [held] = await ctx.db
    .select({
      lastHeldAt: sql<Date | null>`max(${interactionContacts.occurredAt})`.mapWith(interactionContacts.occurredAt),
    })
    .from(interactionContacts)
    .where(
      and(
        eq(interactionContacts.workspaceId, workspaceId),
        eq(interactionContacts.contactId, contactId),
        eq(interactionContacts.status, 'held'),
        sql`${interactionContacts.occurredAt} <= ${ctx.now}`,
      ),
    );
  const coverage = await ctx.db
    .select(coverageColumns)
    .from(relationshipCoverage)
    .leftJoin(users, eq(users.id, relationshipCoverage.userId))
    .where(and(eq(relationshipCoverage.workspaceId, workspaceId), eq(relationshipCoverage.contactId, contactId)))
    .orderBy(asc(relationshipCoverage.createdAt));
  const links = await ctx.db
    .select({ ...linkColumns, otherName: others.fullName, otherId: others.id })
    .from(stakeholderLinks)
    .innerJoin(
      others,
      and(
        eq(others.workspaceId, stakeholderLinks.workspaceId),
        sql`${others.id} = case when ${stakeholderLinks.fromContactId} = ${contactId} then ${stakeholderLinks.toContactId} else ${stakeholderLinks.fromContactId} end`,
      ),
    )
    .where(
      and(
        eq(stakeholderLinks.workspaceId, workspaceId),
        or(eq(stakeholderLinks.fromContactId, contactId), eq(stakeholderLinks.toContactId, contactId)),
      ),
    )
    .orderBy(asc(stakeholderLinks.createdAt));
  const settings = await getRelationshipSettings(ctx);
  const lastHeldAt = held?.lastHeldAt ?? null;
  const days = freshnessDays(lastHeldAt, ctx.now);
  return {
    contactId,
    accountId: contact.accountId,
    fullName: contact.fullName,
    ...emptyAttributes,
    version: 0,
    ...row,
    lastHeldAt,
    freshnessDays: days,
    stale: isStale(days, settings.staleAfterDays),
    staleAfterDays: settings.staleAfterDays,
    coverage,
    links: links.map(({ otherId, otherName, ...link }) => ({ ...link, other: { id: otherId, fullName: otherName } })),
  };
}
