import { divideRounded, toSafeInteger } from './money';

// NOTE: the VAT rounding convention (docs/decisions/0014-finance.md). VAT is computed per line,
// rounded to the minor unit half away from zero, and the invoice's totals are the sums of its
// lines — never recomputed from the total, so every printed line adds up to the printed total.
//  - Prices include VAT (Russian «в т.ч. НДС»): gross = the line amount; VAT = gross × r / (100 + r).
//  - Prices are net (international): net = the line amount; VAT = net × r / 100; gross = net + VAT.
// A rate is in hundredths of a percent (2000 = 20 %); `null` is «без НДС» (not subject to VAT),
// which prints differently from 0 % though both add nothing.

/** Quantities carry three decimals: 1.5 hours is 1500 thousandths. */
export const quantityScale = 1000;

export type VatMode = 'included' | 'excluded';

export type LineInput = {
  /** Thousandths of a unit. */
  quantityMilli: number;
  unitPriceMinor: number;
  /** Hundredths of a percent, or null for «без НДС». */
  vatRateBasisPoints: number | null;
  /** Hundredths of a percent off the line (estimates); none when absent. */
  discountBasisPoints?: number;
};

export type LineAmounts = { netMinor: number; vatMinor: number; grossMinor: number };

/**
 * The line amount before VAT logic: quantity × unit price less the discount, rounded once to the
 * minor unit (the discount is not rounded separately, so 3 × 33.33 at 10 % is 89.99, not 90.00).
 */
export function lineAmount(quantityMilli: number, unitPriceMinor: number, discountBasisPoints = 0): number {
  const numerator = BigInt(quantityMilli) * BigInt(unitPriceMinor) * (10_000n - BigInt(discountBasisPoints));
  return toSafeInteger(divideRounded(numerator, BigInt(quantityScale) * 10_000n));
}

/** Net, VAT and gross of one line under the invoice's VAT mode. */
export function lineAmounts(line: LineInput, mode: VatMode): LineAmounts {
  const amount = BigInt(lineAmount(line.quantityMilli, line.unitPriceMinor, line.discountBasisPoints));
  const rate = BigInt(line.vatRateBasisPoints ?? 0);
  if (mode === 'included') {
    const vat = divideRounded(amount * rate, 10_000n + rate);
    return { netMinor: toSafeInteger(amount - vat), vatMinor: toSafeInteger(vat), grossMinor: toSafeInteger(amount) };
  }
  const vat = divideRounded(amount * rate, 10_000n);
  return { netMinor: toSafeInteger(amount), vatMinor: toSafeInteger(vat), grossMinor: toSafeInteger(amount + vat) };
}

export type InvoiceTotals = LineAmounts & {
  /** VAT per rate, as the invoice prints it («НДС 20 %: …»); key `none` for «без НДС». */
  vatByRate: { rateBasisPoints: number | null; vatMinor: number; grossMinor: number }[];
};

/** Totals of an invoice: sums of its lines' rounded amounts, and VAT per rate. */
export function invoiceTotals(lines: readonly LineInput[], mode: VatMode): InvoiceTotals {
  let net = 0n;
  let vat = 0n;
  let gross = 0n;
  const byRate = new Map<number | null, { vat: bigint; gross: bigint }>();
  for (const line of lines) {
    const amounts = lineAmounts(line, mode);
    net += BigInt(amounts.netMinor);
    vat += BigInt(amounts.vatMinor);
    gross += BigInt(amounts.grossMinor);
    const rate = byRate.get(line.vatRateBasisPoints) ?? { vat: 0n, gross: 0n };
    rate.vat += BigInt(amounts.vatMinor);
    rate.gross += BigInt(amounts.grossMinor);
    byRate.set(line.vatRateBasisPoints, rate);
  }
  return {
    netMinor: toSafeInteger(net),
    vatMinor: toSafeInteger(vat),
    grossMinor: toSafeInteger(gross),
    vatByRate: [...byRate]
      .sort(([a], [b]) => (a ?? -1) - (b ?? -1))
      .map(([rateBasisPoints, sums]) => ({
        rateBasisPoints,
        vatMinor: toSafeInteger(sums.vat),
        grossMinor: toSafeInteger(sums.gross),
      })),
  };
}

/** Reads `1.5`, `2`, `0,25` as thousandths of a unit; undefined for more than three decimals. */
export function parseQuantity(text: string): number | undefined {
  const match = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * quantityScale + Number(fraction.padEnd(3, '0'));
}

/** The decimal text of a quantity in thousandths: 1500 → `1.5`. */
export function formatQuantity(quantityMilli: number): string {
  const whole = Math.trunc(quantityMilli / quantityScale);
  const fraction = (quantityMilli % quantityScale).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** A rate as printed: `20 %`, `22 %`, or null for «без НДС». */
export function formatRate(rateBasisPoints: number | null): string | null {
  if (rateBasisPoints === null) return null;
  const whole = Math.trunc(rateBasisPoints / 100);
  const fraction = (rateBasisPoints % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction} %` : `${whole} %`;
}

/** Reads a rate typed as a percent (`22`, `12,5`, `7.25 %`) as hundredths of a percent; undefined past two decimals or 100 %. */
export function parseVatRate(text: string): number | undefined {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  const rate = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return rate <= 10_000 ? rate : undefined;
}
