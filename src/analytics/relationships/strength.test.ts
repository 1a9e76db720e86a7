import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, freshnessValue, relationshipStrength, type StrengthMember } from './strength';
import { influenceLevels, relationshipLevels, supportLevels } from './terms';

const now = new Date('2026-11-26T09:00:00Z');
const options = { now, staleAfterDays: 60 };
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const memberArbitrary = fc.record({
  keyPlayer: fc.boolean(),
  influence: fc.option(fc.constantFrom(...influenceLevels), { nil: null }),
  support: fc.option(fc.constantFrom(...supportLevels), { nil: null }),
  bestLevel: fc.option(fc.constantFrom(...relationshipLevels), { nil: null }),
  lastHeldAt: fc.option(
    fc.integer({ min: 0, max: 800 }).map((days) => daysAgo(days)),
    { nil: null },
  ),
});
const membersArbitrary = fc.array(memberArbitrary, { maxLength: 30 });
const staleArbitrary = fc.integer({ min: 1, max: 365 });

const best: StrengthMember = {
  keyPlayer: true,
  influence: 'high',
  support: 'mentor',
  bestLevel: 'trusted_advisor',
  lastHeldAt: daysAgo(1),
};

describe('relationship strength', () => {
  it('is 100 when every key player is a mentor, a trusted advisor of ours and freshly met', () => {
    const result = relationshipStrength([best, { ...best, influence: 'low' }], options);
    expect(result.score).toBe(100);
    expect(result.basis).toBe('key_players');
    expect(result.factors).toEqual([
      { factor: 'coverage', weight: 30, value: 1, points: 30, count: 2, of: 2 },
      { factor: 'level', weight: 25, value: 1, points: 25, count: 2, of: 2 },
      { factor: 'support', weight: 25, value: 1, points: 25, count: 2, of: 2 },
      { factor: 'freshness', weight: 20, value: 1, points: 20, count: 2, of: 2 },
    ]);
  });

  it('is 0 for an account nobody knows', () => {
    expect(relationshipStrength([], options)).toMatchObject({ score: 0, basis: 'all_contacts' });
  });

  it('counts only key players when some are marked, everyone otherwise', () => {
    const bystander: StrengthMember = {
      ...best,
      keyPlayer: false,
      bestLevel: null,
      support: 'enemy',
      lastHeldAt: null,
    };
    expect(relationshipStrength([best, bystander], options).score).toBe(100);
    const noKeys = relationshipStrength(
      [
        { ...best, keyPlayer: false },
        { ...bystander, influence: 'high' },
      ],
      options,
    );
    expect(noKeys.basis).toBe('all_contacts');
    expect(noKeys.factors.find((factor) => factor.factor === 'coverage')).toMatchObject({ value: 0.5, points: 15 });
  });

  it('weighs people by influence', () => {
    const strong: StrengthMember = { ...best, influence: 'high' };
    const weak: StrengthMember = { ...best, influence: 'low', bestLevel: null };
    const coverage = relationshipStrength([strong, weak], options).factors[0];
    expect(coverage).toMatchObject({ factor: 'coverage', value: 0.75, count: 1, of: 2 });
  });

  it('gives full freshness within half the window, none from twice the window', () => {
    expect(freshnessValue(30, 60)).toBe(1);
    expect(freshnessValue(75, 60)).toBeCloseTo(0.5);
    expect(freshnessValue(120, 60)).toBe(0);
    expect(freshnessValue(null, 60)).toBe(0);
  });

  it('stays within 0–100 and its factors add up to it exactly', () => {
    fc.assert(
      fc.property(membersArbitrary, staleArbitrary, (members, staleAfterDays) => {
        const result = relationshipStrength(members, { now, staleAfterDays });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.factors.reduce((sum, factor) => sum + factor.points, 0)).toBe(result.score);
        for (const factor of result.factors) {
          expect(factor.points).toBeGreaterThanOrEqual(0);
          expect(factor.points).toBeLessThanOrEqual(factor.weight);
        }
      }),
    );
  });

  it('never drops when someone gets an owner or a higher level', () => {
    fc.assert(
      fc.property(
        membersArbitrary.filter((members) => members.length > 0),
        fc.nat(),
        fc.constantFrom(...relationshipLevels),
        staleArbitrary,
        (members, pick, level, staleAfterDays) => {
          const index = pick % members.length;
          const member = members[index] as StrengthMember;
          const raised =
            member.bestLevel === null ||
            relationshipLevels.indexOf(level) > relationshipLevels.indexOf(member.bestLevel)
              ? level
              : member.bestLevel;
          const after = members.map((other, position) =>
            position === index ? { ...other, bestLevel: raised } : other,
          );
          const settings = { now, staleAfterDays };
          expect(relationshipStrength(after, settings).score).toBeGreaterThanOrEqual(
            relationshipStrength(members, settings).score,
          );
        },
      ),
    );
  });

  it('never drops when a more recent interaction is held', () => {
    fc.assert(
      fc.property(
        membersArbitrary.filter((members) => members.length > 0),
        fc.nat(),
        fc.integer({ min: 0, max: 800 }),
        staleArbitrary,
        (members, pick, days, staleAfterDays) => {
          const index = pick % members.length;
          const member = members[index] as StrengthMember;
          const held = daysAgo(days);
          const latest = member.lastHeldAt && member.lastHeldAt > held ? member.lastHeldAt : held;
          const after = members.map((other, position) =>
            position === index ? { ...other, lastHeldAt: latest } : other,
          );
          const settings = { now, staleAfterDays };
          expect(relationshipStrength(after, settings).score).toBeGreaterThanOrEqual(
            relationshipStrength(members, settings).score,
          );
        },
      ),
    );
  });
});

describe('apportion', () => {
  it('rounds parts so that they add up to the rounded whole', () => {
    expect(apportion([10.4, 10.4, 10.2])).toEqual([11, 10, 10]);
    expect(apportion([0.5, 0.5])).toEqual([1, 0]);
    expect(apportion([30, 25, 25, 20])).toEqual([30, 25, 25, 20]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 6 }), (values) => {
        const parts = apportion(values);
        const total = values.reduce((sum, value) => sum + value, 0);
        expect(parts.reduce((sum, value) => sum + value, 0)).toBe(Math.round(total));
        parts.forEach((part, index) => {
          expect(Math.abs(part - (values[index] ?? 0))).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});
