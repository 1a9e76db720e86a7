// NOTE: pure rules of the loyalty programme (decision 0016, client care).

export type LoyaltyCriteria = {
  /** Full months since the account became a client. */
  minTenureMonths: number;
  /** Invoiced over the last twelve months, whole units of the workspace's base currency. */
  minRevenue12m: number;
  /** Projects done or under way for the account. */
  minProjects: number;
};
export type LoyaltyTierRule = LoyaltyCriteria & { id: string; rank: number };
export type LoyaltyFacts = { tenureMonths: number; revenue12m: number; projects: number };

/** Whether an account's facts meet every criterion of a tier. */
export function meetsTier(tier: LoyaltyCriteria, facts: LoyaltyFacts): boolean {
  return (
    facts.tenureMonths >= tier.minTenureMonths &&
    facts.revenue12m >= tier.minRevenue12m &&
    facts.projects >= tier.minProjects
  );
}

/** The highest-ranked tier whose criteria the account meets; null when it meets none. */
export function computeTier<T extends LoyaltyTierRule>(tiers: readonly T[], facts: LoyaltyFacts): T | null {
  let best: T | null = null;
  for (const tier of tiers) {
    if (meetsTier(tier, facts) && (best === null || tier.rank > best.rank)) best = tier;
  }
  return best;
}

/** Full calendar months from one ISO date to another (0 when the second is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [toYear, toMonth, toDay] = to.split('-').map(Number) as [number, number, number];
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) - (toDay < fromDay ? 1 : 0);
  return Math.max(0, months);
}
