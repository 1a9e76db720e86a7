import { freshnessDays, isStale } from '../../analytics/relationships/freshness';
import type { RelationshipLevel } from '../../analytics/relationships/terms';
import type { UseCaseContext } from '../../platform/use-case';
import { loadAccountMap, type MapLink, type MapPerson } from './load-account-map';

/** Dates as ISO text already: the chart of 2,000 people skips the generic serializer's walk. */
export type OrgChartPerson = Omit<MapPerson, 'coverage' | 'lastHeldAt'> & {
  lastHeldAt: string | null;
  freshnessDays: number | null;
  /** A key player or someone we own a relationship with, not contacted within the workspace's window. */
  stale: boolean;
  coverage: {
    id: string;
    userId: string;
    currentLevel: RelationshipLevel;
    targetLevel: RelationshipLevel;
    version: number;
  }[];
};

export type OrgChart = {
  account: { id: string; name: string };
  staleAfterDays: number;
  people: OrgChartPerson[];
  links: MapLink[];
  owners: { id: string; name: string | null; initials: string }[];
};

/** The letters on an owner's avatar: the first letters of the first two words of the name. */
export function initialsOf(name: string | null): string {
  if (!name) return '?';
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toLocaleUpperCase());
  return letters.join('') || '?';
}

/** Everything the org chart of an account draws, in one answer: people, attributes, links, owners, freshness. */
export async function getOrgChart(ctx: UseCaseContext, accountId: string): Promise<OrgChart> {
  const map = await loadAccountMap(ctx, accountId);
  const { staleAfterDays } = map;
  return {
    account: { id: map.account.id, name: map.account.name },
    staleAfterDays,
    people: map.people.map(({ coverage, lastHeldAt, ...person }) => {
      const days = freshnessDays(lastHeldAt, ctx.now);
      return {
        ...person,
        lastHeldAt: lastHeldAt ? lastHeldAt.toISOString() : null,
        freshnessDays: days,
        stale: (person.keyPlayer || coverage.length > 0) && isStale(days, staleAfterDays),
        coverage: coverage.map(({ coverageId, ...owner }) => ({ id: coverageId, ...owner })),
      };
    }),
    links: map.links,
    owners: map.owners.map((owner) => ({ ...owner, initials: initialsOf(owner.name) })),
  };
}
