import { describe, expect, it } from 'vitest';
import { totalWhitespace, type WhitespaceCell } from './whitespace';

const cell = (overrides: Partial<WhitespaceCell>): WhitespaceCell => ({
  buyingCentreId: 'north',
  offeringId: 'cloud',
  state: 'buying',
  currency: 'RUB',
  currentRevenueMinor: 0,
  potentialMinor: 0,
  ...overrides,
});

describe('totalWhitespace', () => {
  it('sums rows, columns and the whole matrix per currency without mixing them', () => {
    const totals = totalWhitespace(
      ['north', 'south'],
      ['cloud', 'support'],
      [
        cell({ currentRevenueMinor: 100_000_01, potentialMinor: 50_000_00 }),
        cell({ offeringId: 'support', state: 'whitespace', potentialMinor: 20_000_00 }),
        cell({ buyingCentreId: 'south', currency: 'USD', state: 'competitor', potentialMinor: 9_999_99 }),
        cell({ buyingCentreId: 'south', offeringId: 'support', state: 'not_applicable', potentialMinor: 1_00 }),
      ],
    );
    expect(totals.rows).toEqual([
      { id: 'north', currentRevenue: { RUB: 100_000_01 }, potential: { RUB: 70_000_00 } },
      { id: 'south', currentRevenue: { USD: 0 }, potential: { USD: 9_999_99 } },
    ]);
    expect(totals.columns).toEqual([
      { id: 'cloud', currentRevenue: { RUB: 100_000_01, USD: 0 }, potential: { RUB: 50_000_00, USD: 9_999_99 } },
      { id: 'support', currentRevenue: { RUB: 0 }, potential: { RUB: 20_000_00 } },
    ]);
    expect(totals.grand).toEqual({
      currentRevenue: { RUB: 100_000_01, USD: 0 },
      potential: { RUB: 70_000_00, USD: 9_999_99 },
    });
  });

  it('gives empty totals for rows and columns without cells', () => {
    expect(totalWhitespace(['north'], [], []).rows).toEqual([{ id: 'north', currentRevenue: {}, potential: {} }]);
  });
});
