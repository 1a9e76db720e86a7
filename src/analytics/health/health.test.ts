import { describe, expect, it } from 'vitest';
import { accountHealth, defaultHealthWeights, type HealthInputs, reweighHealth } from './health';

const neutral: HealthInputs = {
  kpiTrends: [{ metricKey: 'leads', recent: 100, before: 100, higherIsBetter: true }],
  openFindings: 0,
  hasKpis: true,
  relationshipStrength: 60,
  nps: 40,
};

describe('account health', () => {
  it('stays within 0–100 with weights summing to one over the factors present', () => {
    const health = accountHealth(neutral);
    expect(health.score).toBeGreaterThanOrEqual(0);
    expect(health.score).toBeLessThanOrEqual(100);
    expect(health.factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 10);
    expect(health.score).toBeCloseTo(
      health.factors.reduce((sum, factor) => sum + factor.points, 0),
      1,
    );
  });

  it('reweighs a stored health exactly as if computed under the new weights', () => {
    const inputs = { ...neutral, openFindings: 2, overdueInvoices: 1 };
    const weights = { ...defaultHealthWeights, relationship: 0, anomalies: 40 };
    const stored = accountHealth(inputs, defaultHealthWeights);
    expect(reweighHealth(stored.factors, weights)).toEqual(accountHealth(inputs, weights));
    expect(reweighHealth(stored.factors, defaultHealthWeights)).toEqual(stored);
  });

  it('rises when a KPI improves in its good direction and falls when a cost rises', () => {
    const better = accountHealth({
      ...neutral,
      kpiTrends: [{ metricKey: 'leads', recent: 120, before: 100, higherIsBetter: true }],
    });
    const costlier = accountHealth({
      ...neutral,
      kpiTrends: [{ metricKey: 'cpc', recent: 120, before: 100, higherIsBetter: false }],
    });
    const base = accountHealth(neutral).score as number;
    expect(better.score).toBeGreaterThan(base);
    expect(costlier.score).toBeLessThan(base);
  });

  it('falls with every open finding and never rises with more of them', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let findings = 0; findings <= 6; findings += 1) {
      const score = accountHealth({ ...neutral, openFindings: findings }).score as number;
      expect(score).toBeLessThanOrEqual(previous);
      previous = score;
    }
    expect(accountHealth({ ...neutral, openFindings: 1 }).score).toBeLessThan(accountHealth(neutral).score as number);
  });

  it('leaves out factors without data, and has no score with none', () => {
    const onlyRelationship = accountHealth({
      kpiTrends: [],
      openFindings: 0,
      hasKpis: false,
      relationshipStrength: 80,
      nps: null,
    });
    expect(onlyRelationship.score).toBe(80);
    expect(onlyRelationship.grade).toBe('good');
    expect(onlyRelationship.factors.find((factor) => factor.key === 'relationship')?.weight).toBe(1);
    const nothing = accountHealth({
      kpiTrends: [],
      openFindings: 0,
      hasKpis: false,
      relationshipStrength: null,
      nps: null,
    });
    expect(nothing).toMatchObject({ score: null, grade: null });
  });

  it('follows the weights: a factor weighted zero does not count', () => {
    const weights = { ...defaultHealthWeights, relationship: 0 };
    const low = accountHealth({ ...neutral, relationshipStrength: 0 }, weights);
    const high = accountHealth({ ...neutral, relationshipStrength: 100 }, weights);
    expect(low.score).toBe(high.score);
  });

  it('grades by thresholds', () => {
    const grade = (strength: number) =>
      accountHealth({ kpiTrends: [], openFindings: 0, hasKpis: false, relationshipStrength: strength, nps: null })
        .grade;
    expect([grade(90), grade(60), grade(40), grade(10)]).toEqual(['good', 'fair', 'poor', 'critical']);
  });

  it('counts overdue tasks, overdue invoices and open complaints: none is 100, each one lowers it', () => {
    const only = (inputs: Partial<HealthInputs>) =>
      accountHealth({
        kpiTrends: [],
        openFindings: 0,
        hasKpis: false,
        relationshipStrength: null,
        nps: null,
        ...inputs,
      });
    expect(only({ overdueTasks: 0 }).score).toBe(100);
    expect(only({ overdueTasks: 2 }).score).toBe(60);
    expect(only({ overdueInvoices: 1 }).score).toBe(75);
    expect(only({ openComplaints: 1 }).score).toBe(66);
    expect(only({ openComplaints: 5 }).score).toBe(0);
    for (const key of ['overdueTasks', 'overdueInvoices', 'openComplaints'] as const) {
      let previous = Number.POSITIVE_INFINITY;
      for (let count = 0; count <= 6; count += 1) {
        const score = only({ [key]: count }).score as number;
        expect(score).toBeLessThanOrEqual(previous);
        previous = score;
      }
    }
  });

  it('skips a module’s factor when it has no data on the account and renormalises the others', () => {
    const withComplaints = accountHealth({ ...neutral, openComplaints: 0 });
    const without = accountHealth({ ...neutral, openComplaints: null });
    const complaints = (health: typeof without) => health.factors.find((factor) => factor.key === 'complaints');
    expect(complaints(without)).toMatchObject({ value: null, weight: 0, points: 0, input: null });
    expect(complaints(withComplaints)?.weight).toBeGreaterThan(0);
    for (const health of [withComplaints, without]) {
      expect(health.factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 10);
    }
    const present = without.factors.filter((factor) => factor.value !== null);
    const total = present.reduce((sum, factor) => sum + defaultHealthWeights[factor.key], 0);
    for (const factor of present) expect(factor.weight).toBeCloseTo(defaultHealthWeights[factor.key] / total, 10);
  });

  it('keeps the score within 0–100 and equal to the sum of the points for any mix of data', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const pick = (salt: number, most: number) => ((seed * 7919 + salt * 104729) % (most + 2)) - 1;
      const maybe = (value: number) => (value < 0 ? null : value);
      const health = accountHealth({
        kpiTrends: [{ metricKey: 'leads', recent: 50 + pick(1, 100), before: 100, higherIsBetter: true }],
        openFindings: Math.max(0, pick(2, 6)),
        hasKpis: pick(3, 1) > 0,
        relationshipStrength: maybe(pick(4, 100)),
        nps: maybe(pick(5, 200)) === null ? null : pick(5, 200) - 100,
        overdueTasks: maybe(pick(6, 8)),
        overdueInvoices: maybe(pick(7, 8)),
        openComplaints: maybe(pick(8, 8)),
      });
      expect(health.score).not.toBeNull();
      expect(health.score).toBeGreaterThanOrEqual(0);
      expect(health.score).toBeLessThanOrEqual(100);
      expect(health.score).toBeCloseTo(
        health.factors.reduce((sum, factor) => sum + factor.points, 0),
        0,
      );
    }
  });
});
