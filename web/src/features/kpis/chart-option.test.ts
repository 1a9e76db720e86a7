import { describe, expect, it } from 'vitest';
import { targetLine } from './chart-option';
import type { Point, Target } from './kpis-api';

const point = (at: string, value: number): Point => ({ at, value, expectedLow: null, expectedHigh: null, score: null });
const target: Target = {
  id: 't',
  seriesId: 's',
  periodStart: '2025-01-01',
  periodEnd: '2025-01-31',
  value: 400,
  actual: null,
  variance: null,
  varianceRatio: null,
  version: 1,
};
const january = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27'].map((day) =>
  point(`${day}T00:00:00.000Z`, 100),
);

describe('target line', () => {
  it('spreads a summed target over the points of its period, as a step that ends with the period', () => {
    expect(targetLine([target], january, 'sum')).toEqual([
      ['2025-01-01T00:00:00.000Z', 100],
      ['2025-01-31T23:59:59.999Z', 100],
      ['2025-02-01T00:00:00.000Z', null],
    ]);
  });

  it('keeps an average or last target at its own level, and skips a summed one without points', () => {
    expect(targetLine([target], january, 'average')[0]).toEqual(['2025-01-01T00:00:00.000Z', 400]);
    expect(targetLine([target], [], 'sum')).toEqual([]);
  });
});
