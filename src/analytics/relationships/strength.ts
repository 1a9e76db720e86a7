import { freshnessDays } from './freshness';
import { type InfluenceLevel, levelRank, type RelationshipLevel, type SupportLevel } from './terms';

/** What the strength score needs to know about one of the account's people. */
export type StrengthMember = {
  keyPlayer: boolean;
  influence: InfluenceLevel | null;
  support: SupportLevel | null;
  /** The highest current level among our people who own the relationship; null when nobody does. */
  bestLevel: RelationshipLevel | null;
  lastHeldAt: Date | null;
};

export const strengthFactors = ['coverage', 'level', 'support', 'freshness'] as const;
export type StrengthFactor = (typeof strengthFactors)[number];

/** One factor's part of the score: `points` of its `weight`, from a share `value` in [0, 1]. */
export type StrengthContribution = {
  factor: StrengthFactor;
  weight: number;
  /** The influence-weighted share of the basis that meets the factor, 0…1. */
  value: number;
  /** Whole points; the points of all factors add up to the score exactly. */
  points: number;
  /** How many people of the basis meet it fully (covered, problem solver or better, supporter or mentor, fresh). */
  count: number;
  of: number;
};

export type StrengthExplanation = {
  /** 0–100. */
  score: number;
  /** Whose relationships count: the key players, or everyone when none is marked. */
  basis: 'key_players' | 'all_contacts';
  factors: StrengthContribution[];
};

const weights: Record<StrengthFactor, number> = { coverage: 30, level: 25, support: 25, freshness: 20 };

const influenceWeight: Record<InfluenceLevel, number> = { low: 1, medium: 2, high: 3 };
// NOTE: unknown influence counts as medium; unknown support a little above a non-supporter.
const unknownInfluenceWeight = 2;
const supportValue: Record<SupportLevel, number> = {
  enemy: 0,
  non_supporter: 0.25,
  neutral: 0.5,
  supporter: 0.75,
  mentor: 1,
};
const unknownSupportValue = 0.3;

/** Full marks for a contact within half the staleness window, none from twice the window on. */
export function freshnessValue(days: number | null, staleAfterDays: number): number {
  if (days === null) return 0;
  const full = staleAfterDays / 2;
  const none = staleAfterDays * 2;
  if (days <= full) return 1;
  if (days >= none) return 0;
  return (none - days) / (none - full);
}

function levelValue(level: RelationshipLevel | null): number {
  return level === null ? 0 : (levelRank(level) + 1) / 4;
}

/**
 * Relationship strength of an account, 0–100, factor by factor: coverage (30), level of the
 * relationships (25), support (25) and freshness (20), each an influence-weighted share over the
 * basis. Adding an owner, raising a level or holding a more recent interaction never lowers it.
 */
export function relationshipStrength(
  members: readonly StrengthMember[],
  options: { now: Date; staleAfterDays: number },
): StrengthExplanation {
  const keyPlayers = members.filter((member) => member.keyPlayer);
  const basis = keyPlayers.length > 0 ? keyPlayers : members;
  const weightOf = (member: StrengthMember) =>
    member.influence ? influenceWeight[member.influence] : unknownInfluenceWeight;
  const totalWeight = basis.reduce((sum, member) => sum + weightOf(member), 0);
  const measure = (share: (member: StrengthMember) => number, full: (member: StrengthMember) => boolean) => ({
    value:
      totalWeight === 0 ? 0 : basis.reduce((sum, member) => sum + weightOf(member) * share(member), 0) / totalWeight,
    count: basis.filter(full).length,
  });
  const freshness = (member: StrengthMember) =>
    freshnessValue(freshnessDays(member.lastHeldAt, options.now), options.staleAfterDays);
  const measured: Record<StrengthFactor, { value: number; count: number }> = {
    coverage: measure(
      (member) => (member.bestLevel === null ? 0 : 1),
      (member) => member.bestLevel !== null,
    ),
    level: measure(
      (member) => levelValue(member.bestLevel),
      (member) => member.bestLevel !== null && levelRank(member.bestLevel) >= levelRank('problem_solver'),
    ),
    support: measure(
      (member) => (member.support ? supportValue[member.support] : unknownSupportValue),
      (member) => member.support === 'supporter' || member.support === 'mentor',
    ),
    freshness: measure(freshness, (member) => freshness(member) === 1),
  };
  const exact = (Object.keys(weights) as StrengthFactor[]).map((factor) => weights[factor] * measured[factor].value);
  const points = apportion(exact);
  return {
    score: points.reduce((sum, value) => sum + value, 0),
    basis: keyPlayers.length > 0 ? 'key_players' : 'all_contacts',
    factors: (Object.keys(weights) as StrengthFactor[]).map((factor, index) => ({
      factor,
      weight: weights[factor],
      value: Math.round(measured[factor].value * 1000) / 1000,
      points: points[index] ?? 0,
      count: measured[factor].count,
      of: basis.length,
    })),
  };
}

/**
 * Whole numbers that add up to the rounded sum of `values`, each the floor or ceiling of its own
 * value (largest remainder first), so the explanation adds up to the score exactly.
 */
export function apportion(values: readonly number[]): number[] {
  const total = Math.round(values.reduce((sum, value) => sum + value, 0) * 1e9) / 1e9;
  const target = Math.round(total);
  const floors = values.map((value) => Math.floor(value + 1e-9));
  let missing = target - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = values
    .map((value, index) => ({ index, remainder: value - (floors[index] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors;
}
