import { findGaps, type Gap } from '../../analytics/relationships/gaps';
import { relationshipStrength, type StrengthExplanation } from '../../analytics/relationships/strength';
import type { UseCaseContext } from '../../platform/use-case';
import { loadAccountMap, stakeholderStateOf, strengthMemberOf } from './load-account-map';

/** A gap with the names a reader needs. */
export type GapView = Gap & {
  contact: { id: string; fullName: string; title: string | null } | null;
  user: { id: string; name: string | null } | null;
};

export type RelationshipSummary = {
  accountId: string;
  staleAfterDays: number;
  strength: StrengthExplanation;
  gaps: GapView[];
  /** How many people the account has, how many are key players, and how many have an owner of ours. */
  stakeholders: { total: number; keyPlayers: number; covered: number };
};

/** An account's relationship strength, explained factor by factor, and the gaps in our coverage. */
export async function getRelationshipSummary(ctx: UseCaseContext, accountId: string): Promise<RelationshipSummary> {
  const map = await loadAccountMap(ctx, accountId);
  const { staleAfterDays } = map;
  const options = { now: ctx.now, staleAfterDays };
  const people = new Map(map.people.map((person) => [person.id, person]));
  const owners = new Map(map.owners.map((owner) => [owner.id, owner]));
  const gaps = findGaps(map.people.map(stakeholderStateOf), options).map((gap) => {
    const person = gap.contactId ? people.get(gap.contactId) : undefined;
    return {
      ...gap,
      contact: person ? { id: person.id, fullName: person.fullName, title: person.title } : null,
      user: gap.userId ? (owners.get(gap.userId) ?? { id: gap.userId, name: null }) : null,
    };
  });
  return {
    accountId,
    staleAfterDays,
    strength: relationshipStrength(map.people.map(strengthMemberOf), options),
    gaps,
    stakeholders: {
      total: map.people.length,
      keyPlayers: map.people.filter((person) => person.keyPlayer).length,
      covered: map.people.filter((person) => person.coverage.length > 0).length,
    },
  };
}
