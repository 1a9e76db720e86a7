// NOTE: money is an integer count of the currency's minor units (kopecks, cents) plus its ISO 4217
// code. JavaScript numbers hold integers exactly up to 2^53 − 1; amounts are capped far below that
// (`maxMinorUnits`), and every multiplication or division goes through BigInt, so no value in the
// path is ever a binary fraction. See docs/decisions/0014-finance.md.

/** Currencies Accord accepts, with the number of digits of their minor unit. */
export const currencyDigits = {
  RUB: 2,
  USD: 2,
  EUR: 2,
  CNY: 2,
  KZT: 2,
  BYN: 2,
  GBP: 2,
  CHF: 2,
  AED: 2,
  TRY: 2,
  JPY: 0,
} as const;
export type Currency = keyof typeof currencyDigits;
export const currencies = Object.keys(currencyDigits) as [Currency, ...Currency[]];

/** 10^13 minor units: 100 billion roubles; sums of many such amounts stay exact. */
export const maxMinorUnits = 10_000_000_000_000;

/** An amount in one currency. */
export type Money = { amountMinor: number; currency: Currency };

/** Rounds `numerator / denominator` to the nearest integer, halves away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** The same as a safe JavaScript integer; throws beyond 2^53 − 1 rather than lose a kopeck. */
export function toSafeInteger(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`Amount out of range: ${value}`);
  return result;
}

/** Sums amounts of one currency exactly. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return toSafeInteger(total);
}

/** Totals per currency, never mixed: `{ RUB: 1200, USD: 300 }`. */
export function totalsByCurrency(items: readonly Money[]): Partial<Record<Currency, number>> {
  const totals = new Map<Currency, bigint>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0n) + BigInt(item.amountMinor));
  return Object.fromEntries([...totals].map(([currency, total]) => [currency, toSafeInteger(total)]));
}

/**
 * Reads a decimal amount typed by a person into minor units, without floating point:
 * `1 234 567,89`, `1234567.89`, `1,234.50`. Spaces, no-break spaces and apostrophes group
 * digits; with both `.` and `,` the last is the decimal separator; a lone separator after one to three digits
 * (no leading zero) and before exactly three groups thousands (`1,234`; `0.001` is refused).
 * Returns undefined for anything else, or for more decimals than the currency has.
 */
export function parseMoney(text: string, currency: Currency): number | undefined {
  const digits = currencyDigits[currency];
  let compact = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  const commas = compact.split(',').length - 1;
  const dots = compact.split('.').length - 1;
  if (commas > 0 && dots > 0) {
    const decimal = compact.lastIndexOf(',') > compact.lastIndexOf('.') ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    if (compact.split(decimal).length - 1 > 1) return undefined;
    compact = compact.replaceAll(grouping, '').replace(decimal, '.');
  } else if (commas + dots > 1) {
    compact = compact.replace(/[.,]/g, '');
  } else if (commas + dots === 1) {
    const groupsThousands = digits < 3 && /^-?[1-9]\d{0,2}[.,]\d{3}$/.test(compact);
    compact = groupsThousands ? compact.replace(/[.,]/, '') : compact.replace(',', '.');
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(compact);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return undefined;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(maxMinorUnits)) return undefined;
  return Number(sign === '-' ? -minor : minor);
}

/** The decimal text of an amount, `-1234567.89`, for CSV and machine reading. */
export function minorToDecimal(amountMinor: number, currency: Currency): string {
  const digits = currencyDigits[currency];
  const negative = amountMinor < 0;
  const text = Math.abs(amountMinor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const symbols: Partial<Record<Currency, string>> = { RUB: '₽', USD: '$', EUR: '€', GBP: '£', CNY: '¥', JPY: '¥' };

/**
 * An amount as people read it: `1 234 567,89 ₽` in Russian, `₽1,234,567.89` in English. Grouping
 * comes from Intl on a BigInt, the fraction from the digits themselves: no floating point.
 */
export function formatMoney(amountMinor: number, currency: Currency, locale: 'ru' | 'en'): string {
  const digits = currencyDigits[currency];
  const absolute = BigInt(Math.abs(amountMinor));
  const scale = 10n ** BigInt(digits);
  const whole = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US').format(absolute / scale);
  const fraction =
    digits === 0 ? '' : `${locale === 'ru' ? ',' : '.'}${(absolute % scale).toString().padStart(digits, '0')}`;
  const sign = amountMinor < 0 ? '−' : '';
  const symbol = symbols[currency];
  // NOTE: Intl's ru-RU groups with a no-break space; we keep it so amounts never wrap.
  if (locale === 'ru') return `${sign}${whole}${fraction}\u00a0${symbol ?? currency}`;
  return symbol ? `${sign}${symbol}${whole}${fraction}` : `${sign}${whole}${fraction} ${currency}`;
}
