import { type Currency, currencyDigits, divideRounded, toSafeInteger } from './money';

/** Exchange rates are kept as integers of 10^-8: `92.5034` units of the quote per unit of the base. */
export const rateScale = 100_000_000n;
const rateDigits = 8;

/** Reads a rate typed as decimal text (`92,5034`, `0.0108`) exactly; undefined if it is not a positive decimal of up to 8 places. */
export function parseRate(text: string): bigint | undefined {
  const match = /^(\d{1,9})(?:[.,](\d{1,8}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  const scaled = BigInt(whole) * rateScale + BigInt(fraction.padEnd(rateDigits, '0'));
  return scaled > 0n ? scaled : undefined;
}

/** The decimal text of a scaled rate, without trailing zeros: `92.5034`. */
export function formatRateDecimal(scaled: bigint): string {
  const whole = scaled / rateScale;
  const fraction = (scaled % rateScale).toString().padStart(rateDigits, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * Converts minor units of one currency into minor units of another at a scaled rate (units of
 * `to` per unit of `from`), rounded once, half away from zero, through BigInt.
 */
export function convertMinor(amountMinor: number, from: Currency, to: Currency, scaledRate: bigint): number {
  const shift = currencyDigits[to] - currencyDigits[from];
  const numerator = BigInt(amountMinor) * scaledRate * 10n ** BigInt(Math.max(0, shift));
  const denominator = rateScale * 10n ** BigInt(Math.max(0, -shift));
  return toSafeInteger(divideRounded(numerator, denominator));
}
