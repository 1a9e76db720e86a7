import { type Currency, totalsByCurrency } from '../money/money';

export const whitespaceStates = ['buying', 'opportunity', 'whitespace', 'competitor', 'not_applicable'] as const;
export type WhitespaceState = (typeof whitespaceStates)[number];

export type WhitespaceCell = {
  buyingCentreId: string;
  offeringId: string;
  state: WhitespaceState;
  currency: Currency;
  currentRevenueMinor: number;
  potentialMinor: number;
};

/** Money per currency, never converted: `{ RUB: 1200, USD: 300 }`. */
export type CurrencyTotals = Partial<Record<Currency, number>>;
export type WhitespaceLineTotal = { id: string; currentRevenue: CurrencyTotals; potential: CurrencyTotals };
export type WhitespaceTotals = {
  rows: WhitespaceLineTotal[];
  columns: WhitespaceLineTotal[];
  grand: { currentRevenue: CurrencyTotals; potential: CurrencyTotals };
};

function totalOf(id: string, cells: readonly WhitespaceCell[]): WhitespaceLineTotal {
  // NOTE: a cell marked not applicable has nothing to sell; its figures, if any, are left out.
  const counted = cells.filter((cell) => cell.state !== 'not_applicable');
  return {
    id,
    currentRevenue: totalsByCurrency(
      counted.map((cell) => ({ amountMinor: cell.currentRevenueMinor, currency: cell.currency })),
    ),
    potential: totalsByCurrency(counted.map((cell) => ({ amountMinor: cell.potentialMinor, currency: cell.currency }))),
  };
}

/** Totals of a whitespace matrix per row (buying centre), column (offering) and overall, per currency. */
export function totalWhitespace(
  rowIds: readonly string[],
  columnIds: readonly string[],
  cells: readonly WhitespaceCell[],
): WhitespaceTotals {
  const { id: _, ...grand } = totalOf('', cells);
  return {
    rows: rowIds.map((id) =>
      totalOf(
        id,
        cells.filter((cell) => cell.buyingCentreId === id),
      ),
    ),
    columns: columnIds.map((id) =>
      totalOf(
        id,
        cells.filter((cell) => cell.offeringId === id),
      ),
    ),
    grand,
  };
}
