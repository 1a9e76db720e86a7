import { describe, expect, it } from 'vitest';
import { convertMinor, formatRateDecimal, parseRate } from './exchange';

describe('exchange rates', () => {
  it('reads rates exactly and prints them back', () => {
    expect(parseRate('92,5034')).toBe(9_250_340_000n);
    expect(formatRateDecimal(parseRate('0.0108') as bigint)).toBe('0.0108');
    expect(parseRate('0')).toBeUndefined();
    expect(parseRate('1e3')).toBeUndefined();
    expect(parseRate('1.123456789')).toBeUndefined();
  });

  it('converts minor units once, half away from zero, across currencies of different digits', () => {
    const usdRub = parseRate('92.5034') as bigint;
    // $1 234.56 × 92.5034 = 114 200,997504 ₽, rounded once to 114 201,00 ₽.
    expect(convertMinor(123_456, 'USD', 'RUB', usdRub)).toBe(11_420_100);
    // ¥1000 (no minor digits) at 0.61 ₽ = 610,00 ₽.
    expect(convertMinor(1000, 'JPY', 'RUB', parseRate('0.61') as bigint)).toBe(61_000);
    // 0,10 ₽ + 0,20 ₽ in dollars at 0.0108: never a float.
    expect(convertMinor(30, 'RUB', 'USD', parseRate('0.0108') as bigint)).toBe(0);
    expect(convertMinor(-50, 'USD', 'RUB', parseRate('1.5') as bigint)).toBe(-75);
  });
});
