import { describe, expect, it } from 'vitest';
import { planPortfolio } from './portfolio';
import { createRandomStreams } from './random';
import { vocabularyFor } from './vocabulary';

async function plan(locale: 'ru' | 'en', total: number, seed = 1) {
  return planPortfolio((await createRandomStreams(seed, locale))('accounts'), vocabularyFor(locale), total);
}

describe('portfolio', () => {
  it('has the asked number of companies with unique names, domains and tax ids', async () => {
    const plans = await plan('ru', 1_000);
    expect(plans).toHaveLength(1_000);
    expect(new Set(plans.map((company) => company.name.toLowerCase())).size).toBe(1_000);
    expect(new Set(plans.map((company) => company.taxId)).size).toBe(1_000);
    const domains = plans.flatMap((company) => (company.domain ? [company.domain] : []));
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('has holdings whose parents come first and go at most three levels deep', async () => {
    const plans = await plan('ru', 1_000);
    const subsidiaries = plans.filter((company) => company.parentIndex !== null);
    expect(subsidiaries.length).toBeGreaterThan(50);
    for (const [index, company] of plans.entries()) {
      if (company.parentIndex === null) {
        expect(company.depth).toBe(0);
        continue;
      }
      expect(company.parentIndex).toBeLessThan(index);
      expect(company.depth).toBe((plans[company.parentIndex]?.depth ?? -1) + 1);
      expect(company.depth).toBeLessThanOrEqual(2);
    }
    expect(plans.some((company) => company.depth === 2)).toBe(true);
  });

  it('mixes statuses: few key accounts (the largest budgets), many active, some prospects', async () => {
    const plans = await plan('ru', 1_000);
    const count = (status: string) => plans.filter((company) => company.status === status).length;
    expect(count('key')).toBe(40);
    expect(count('active')).toBeGreaterThan(400);
    expect(count('prospect')).toBeGreaterThan(150);
    expect(count('at_risk')).toBeGreaterThan(50);
    expect(count('lost')).toBeGreaterThan(50);
    const smallestKey = Math.min(...plans.filter((c) => c.status === 'key').map((c) => c.budget));
    const largerActive = plans.filter((c) => c.status === 'active' && c.budget > smallestKey && !c.soleTrader);
    expect(largerActive).toEqual([]);
  });

  it('keeps key accounts under the default cap of 100', async () => {
    const plans = await plan('en', 5_000);
    expect(plans.filter((company) => company.status === 'key')).toHaveLength(100);
  });

  it('has a few Russian sole traders and none in English', async () => {
    expect((await plan('ru', 1_000)).filter((company) => company.soleTrader).length).toBeGreaterThan(5);
    expect((await plan('en', 1_000)).filter((company) => company.soleTrader)).toEqual([]);
  });

  it('is the same for the same seed and differs for another', async () => {
    const names = async (seed: number) => (await plan('en', 300, seed)).map((company) => company.legalName);
    expect(await names(1)).toEqual(await names(1));
    expect(await names(2)).not.toEqual(await names(1));
  });

  it('writes English portfolios without Cyrillic and bills them in dollars or euros', async () => {
    const plans = await plan('en', 1_000);
    for (const company of plans) {
      expect(`${company.name} ${company.legalName} ${company.domain} ${company.segment}`).not.toMatch(/[а-яё]/i);
      expect(['USD', 'EUR']).toContain(company.currency);
    }
  });
});
