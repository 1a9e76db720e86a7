import { describe, expect, it } from 'vitest';
import { computeTier, monthsBetween } from './loyalty-rules';

const tiers = [
  { id: 'silver', rank: 1, minTenureMonths: 6, minRevenue12m: 0, minProjects: 1 },
  { id: 'gold', rank: 2, minTenureMonths: 12, minRevenue12m: 1_000_000, minProjects: 2 },
  { id: 'platinum', rank: 3, minTenureMonths: 24, minRevenue12m: 5_000_000, minProjects: 5 },
];

describe('loyalty tiers', () => {
  it('gives the highest tier whose every criterion is met', () => {
    expect(computeTier(tiers, { tenureMonths: 30, revenue12m: 6_000_000, projects: 5 })?.id).toBe('platinum');
    expect(computeTier(tiers, { tenureMonths: 30, revenue12m: 6_000_000, projects: 4 })?.id).toBe('gold');
    expect(computeTier(tiers, { tenureMonths: 12, revenue12m: 999_999, projects: 9 })?.id).toBe('silver');
    expect(computeTier(tiers, { tenureMonths: 5, revenue12m: 9_000_000, projects: 9 })).toBeNull();
  });

  it('counts a boundary as met, and ranks by rank whatever the order of the list', () => {
    expect(computeTier([...tiers].reverse(), { tenureMonths: 12, revenue12m: 1_000_000, projects: 2 })?.id).toBe(
      'gold',
    );
    expect(computeTier([], { tenureMonths: 100, revenue12m: 1, projects: 1 })).toBeNull();
  });

  it('counts full calendar months of tenure', () => {
    expect(monthsBetween('2025-11-27', '2026-11-27')).toBe(12);
    expect(monthsBetween('2025-11-28', '2026-11-27')).toBe(11);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsBetween('2026-12-01', '2026-11-27')).toBe(0);
  });
});
