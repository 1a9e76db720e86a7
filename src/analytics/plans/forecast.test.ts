import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastPlan, monthsBetween, spreadEvenly, weightedAmount } from './forecast';

const year = monthsBetween('2026-01-01', '2026-12-31');

describe('spreadEvenly', () => {
  it('splits a target into months that add up to it to the kopeck', () => {
    expect(spreadEvenly(1_000_000_01, 12).slice(4, 6)).toEqual([8_333_334, 8_333_333]);
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 24 }), (total, parts) => {
        const spread = spreadEvenly(total, parts);
        expect(spread.reduce((sum, part) => sum + part, 0)).toBe(total);
        expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('weightedAmount', () => {
  it('rounds amount × probability half away from zero', () => {
    expect(weightedAmount({ amountMinor: 1_01, probability: 50 })).toBe(51);
    expect(weightedAmount({ amountMinor: 9_999_999_999_999, probability: 33 })).toBe(3_300_000_000_000);
  });
});

describe('forecastPlan', () => {
  const input = {
    months: year,
    today: '2026-05-20',
    planMinor: 1_200_000_00,
    actuals: [
      { month: '2026-01', amountMinor: 90_000_00 },
      { month: '2026-02', amountMinor: 100_000_00 },
      { month: '2026-03', amountMinor: 110_000_00 },
      { month: '2026-04', amountMinor: 120_000_00 },
      { month: '2026-05', amountMinor: 20_000_00 },
    ],
    openPipeline: [
      { amountMinor: 300_000_00, probability: 50, expectedCloseOn: '2026-07-15' },
      { amountMinor: 10_000_00, probability: 10, expectedCloseOn: '2026-02-01' },
    ],
  };

  it('forecasts past months by actuals and later ones by run-rate plus weighted pipeline', () => {
    const result = forecastPlan(input);
    expect(result.runRateMinor).toBe(110_000_00);
    expect(result.months[0]).toMatchObject({
      planMinor: 100_000_00,
      forecastMinor: 90_000_00,
      varianceMinor: -10_000_00,
    });
    // May: run-rate (more than invoiced so far) plus the overdue opportunity, still open.
    expect(result.months[4]).toMatchObject({
      actualMinor: 20_000_00,
      weightedPipelineMinor: 1_000_00,
      forecastMinor: 111_000_00,
    });
    expect(result.months[6]).toMatchObject({ weightedPipelineMinor: 150_000_00, forecastMinor: 260_000_00 });
    expect(result.yearToDate).toEqual({
      planMinor: 500_000_00,
      actualMinor: 440_000_00,
      forecastMinor: 531_000_00,
      varianceMinor: -60_000_00,
    });
    expect(result.fullPeriod).toMatchObject({
      planMinor: 1_200_000_00,
      forecastMinor: 1_451_000_00,
      varianceMinor: 251_000_00,
    });
  });

  it('keeps every total exact whatever the amounts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 1e13 }),
        (monthly, plan) => {
          const result = forecastPlan({
            ...input,
            planMinor: plan,
            actuals: monthly.map((amountMinor, index) => ({ month: year[index] as string, amountMinor })),
          });
          expect(result.fullPeriod.planMinor).toBe(plan);
          expect(result.fullPeriod.actualMinor).toBe(monthly.reduce((sum, amount) => sum + amount, 0));
        },
      ),
    );
  });

  it('leaves renewals out of the forecast while the run-rate carries the revenue they renew', () => {
    const renewal = { amountMinor: 120_000_00, probability: 75, expectedCloseOn: '2026-09-30', renewal: true };
    const withRenewal = forecastPlan({ ...input, openPipeline: [...input.openPipeline, renewal] });
    const without = forecastPlan(input);
    expect(withRenewal.months[8]).toMatchObject({ renewalsMinor: 90_000_00, weightedPipelineMinor: 0 });
    expect(withRenewal.months[8]?.forecastMinor).toBe(without.months[8]?.forecastMinor);
    expect(withRenewal.fullPeriod).toEqual(without.fullPeriod);
  });

  it('counts renewals as pipeline when there is no run-rate to carry them', () => {
    const renewal = { amountMinor: 120_000_00, probability: 75, expectedCloseOn: '2026-09-30', renewal: true };
    const result = forecastPlan({ ...input, actuals: [], openPipeline: [renewal] });
    expect(result.runRateMinor).toBe(0);
    expect(result.months[8]).toMatchObject({
      renewalsMinor: 0,
      weightedPipelineMinor: 90_000_00,
      forecastMinor: 90_000_00,
    });
  });

  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
