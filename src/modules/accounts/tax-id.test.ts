import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeInn, isValidInn } from './tax-id';
import { domainOf, normalizeWebsite } from './website';

describe('isValidInn', () => {
  it('accepts real company and personal INNs', () => {
    expect(isValidInn('7707083893')).toBe(true); // Sberbank
    expect(isValidInn('7736207543')).toBe(true); // Yandex
    expect(isValidInn('500100732259')).toBe(true);
  });

  it('rejects wrong check digits and wrong lengths', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('77070838')).toBe(false);
    expect(isValidInn('77070838931')).toBe(false);
    expect(isValidInn('77070838a3')).toBe(false);
  });

  it('completes any leading digits into a valid INN whose last digit is the only right one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$|^\d{10}$/), fc.integer({ min: 1, max: 9 }), (leading, shift) => {
        const inn = completeInn(leading);
        expect(isValidInn(inn)).toBe(true);
        const last = (Number(inn.at(-1)) + shift) % 10;
        expect(isValidInn(inn.slice(0, -1) + last)).toBe(false);
      }),
    );
  });
});

describe('website', () => {
  it('adds the scheme and finds the domain', () => {
    expect(normalizeWebsite('romashka.ru')).toBe('https://romashka.ru');
    expect(normalizeWebsite(' https://www.Romashka.ru/about ')).toBe('https://www.romashka.ru/about');
    expect(domainOf('https://www.romashka.ru/about')).toBe('romashka.ru');
    expect(domainOf(normalizeWebsite('пример.рф') ?? '')).toBe('xn--e1afmkfd.xn--p1ai');
  });

  it('rejects what is not a web address', () => {
    expect(normalizeWebsite('not a site')).toBeUndefined();
    expect(normalizeWebsite('ftp://files.example.com')).toBeUndefined();
    expect(normalizeWebsite('localhost')).toBeUndefined();
  });
});
