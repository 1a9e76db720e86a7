import { describe, expect, it } from 'vitest';
import { accountHealth, defaultHealthWeights, type HealthInputs } from './health';

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
});
