import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageingBucketOf, daysSalesOutstanding } from './ageing';
import { formatMoney, maxMinorUnits, minorToDecimal, parseMoney, sumMinor, totalsByCurrency } from './money';
import { formatQuantity, formatRate, invoiceTotals, lineAmounts, parseQuantity, parseVatRate } from './vat';

const amount = fc.integer({ min: -maxMinorUnits, max: maxMinorUnits });

describe('money', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    const sum = sumMinor([parseMoney('0.1', 'RUB') ?? Number.NaN, parseMoney('0,2', 'RUB') ?? Number.NaN]);
    expect(sum).toBe(30);
    expect(sum).toBe(parseMoney('0.3', 'RUB'));
    expect(minorToDecimal(sum, 'RUB')).toBe('0.30');
  });

  it('reads and prints 1 234 567,89 ₽', () => {
    expect(parseMoney('1 234 567,89', 'RUB')).toBe(123_456_789);
    expect(parseMoney('1\u00a0234\u00a0567,89', 'RUB')).toBe(123_456_789);
    expect(parseMoney('1,234,567.89', 'RUB')).toBe(123_456_789);
    expect(parseMoney('1.234.567,89', 'RUB')).toBe(123_456_789);
    expect(formatMoney(123_456_789, 'RUB', 'ru')).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(formatMoney(123_456_789, 'RUB', 'en')).toBe('₽1,234,567.89');
    expect(formatMoney(-5, 'USD', 'en')).toBe('−$0.05');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
  });

  it('refuses more decimals than the currency has, and text that is not an amount', () => {
    expect(parseMoney('1.234', 'JPY')).toBe(1234);
    expect(parseMoney('0.001', 'RUB')).toBeUndefined();
    expect(parseMoney('12,3456', 'RUB')).toBeUndefined();
    expect(parseMoney('abc', 'RUB')).toBeUndefined();
    expect(parseMoney('1e5', 'RUB')).toBeUndefined();
    expect(parseMoney('', 'RUB')).toBeUndefined();
  });

  it('round-trips every amount through its decimal text', () => {
    fc.assert(
      fc.property(amount, (minor) => {
        expect(parseMoney(minorToDecimal(minor, 'RUB'), 'RUB')).toBe(minor);
        expect(parseMoney(minorToDecimal(minor, 'JPY'), 'JPY')).toBe(minor);
      }),
    );
  });

  it('sums exactly, whatever the order, and never mixes currencies', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 200 }), (amounts) => {
        const reversed = [...amounts].reverse();
        expect(sumMinor(amounts)).toBe(sumMinor(reversed));
        expect(sumMinor(amounts)).toBe(Number(amounts.reduce((total, value) => total + BigInt(value), 0n)));
      }),
    );
    expect(
      totalsByCurrency([
        { amountMinor: 10, currency: 'RUB' },
        { amountMinor: 20, currency: 'USD' },
        { amountMinor: 20, currency: 'RUB' },
      ]),
    ).toEqual({ RUB: 30, USD: 20 });
  });
});

describe('VAT', () => {
  it('extracts VAT included in the price, Russian style (в т.ч. НДС 20 %)', () => {
    // 1 200,00 ₽ including 20 % VAT: VAT 200,00, net 1 000,00.
    expect(lineAmounts({ quantityMilli: 1000, unitPriceMinor: 120_000, vatRateBasisPoints: 2000 }, 'included')).toEqual(
      { netMinor: 100_000, vatMinor: 20_000, grossMinor: 120_000 },
    );
    // 100,00 ₽ including 22 %: 100 × 22 / 122 = 18,0327… → 18,03.
    expect(lineAmounts({ quantityMilli: 1000, unitPriceMinor: 10_000, vatRateBasisPoints: 2200 }, 'included')).toEqual({
      netMinor: 8197,
      vatMinor: 1803,
      grossMinor: 10_000,
    });
  });

  it('adds VAT to net prices, international style, rounding half away from zero', () => {
    expect(lineAmounts({ quantityMilli: 1500, unitPriceMinor: 333, vatRateBasisPoints: 2000 }, 'excluded')).toEqual({
      netMinor: 500, // 1.5 × 3,33 = 4,995 → 5,00
      vatMinor: 100,
      grossMinor: 600,
    });
    expect(lineAmounts({ quantityMilli: 1000, unitPriceMinor: 1_234, vatRateBasisPoints: 1000 }, 'excluded')).toEqual({
      netMinor: 1_234,
      vatMinor: 123, // 123.4 → 123
      grossMinor: 1_357,
    });
    expect(
      lineAmounts({ quantityMilli: 1000, unitPriceMinor: 1_235, vatRateBasisPoints: 1000 }, 'excluded').vatMinor,
    ).toBe(
      124, // 123.5 → 124
    );
  });

  it('treats «без НДС» and 0 % as adding nothing', () => {
    for (const rate of [null, 0]) {
      expect(lineAmounts({ quantityMilli: 2000, unitPriceMinor: 999, vatRateBasisPoints: rate }, 'excluded')).toEqual({
        netMinor: 1998,
        vatMinor: 0,
        grossMinor: 1998,
      });
    }
  });

  it('keeps net + VAT = gross on every line, and totals = sums of the lines', () => {
    const line = fc.record({
      quantityMilli: fc.integer({ min: 1, max: 1_000_000 }),
      unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
      vatRateBasisPoints: fc.constantFrom(null, 0, 1000, 2000, 2200),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('included', 'excluded'),
        (lines, mode) => {
          const totals = invoiceTotals(lines, mode);
          const each = lines.map((item) => lineAmounts(item, mode));
          for (const amounts of each) expect(amounts.netMinor + amounts.vatMinor).toBe(amounts.grossMinor);
          expect(totals.grossMinor).toBe(sumMinor(each.map((amounts) => amounts.grossMinor)));
          expect(totals.vatMinor).toBe(sumMinor(totals.vatByRate.map((rate) => rate.vatMinor)));
          expect(totals.netMinor + totals.vatMinor).toBe(totals.grossMinor);
        },
      ),
    );
  });

  it('reads quantities with up to three decimals', () => {
    expect(parseQuantity('1.5')).toBe(1500);
    expect(parseQuantity('0,25')).toBe(250);
    expect(parseQuantity('1.2345')).toBeUndefined();
    expect(formatQuantity(1500)).toBe('1.5');
    expect(formatQuantity(2000)).toBe('2');
  });

  it('reads VAT rates typed as percents into hundredths of a percent, and prints them back', () => {
    expect(parseVatRate('22')).toBe(2200);
    expect(parseVatRate('12,5')).toBe(1250);
    expect(parseVatRate('7.25 %')).toBe(725);
    expect(parseVatRate('0')).toBe(0);
    expect(parseVatRate('12.345')).toBeUndefined();
    expect(parseVatRate('101')).toBeUndefined();
    expect(parseVatRate('ten')).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (rate) => {
        expect(parseVatRate(formatRate(rate) as string)).toBe(rate);
      }),
    );
  });
});

describe('ageing', () => {
  it('puts days past due into buckets', () => {
    expect([-3, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(ageingBucketOf)).toEqual([
      'current',
      'current',
      'days1to30',
      'days1to30',
      'days31to60',
      'days31to60',
      'days61to90',
      'days61to90',
      'over90',
      'over90',
    ]);
  });

  it('computes DSO in whole days, or nothing when nothing was invoiced', () => {
    expect(daysSalesOutstanding(50_000, 365_000, 365)).toBe(50);
    expect(daysSalesOutstanding(1, 3, 90)).toBe(30);
    expect(daysSalesOutstanding(100, 0, 365)).toBeNull();
  });
});
