import { describe, expect, it } from 'vitest';
import { isValidInn } from '../accounts';
import { domainFor, legalNameOf, makeBrand, makeTaxId, soleTraderNames } from './companies';
import { createRandomStreams } from './random';
import { vocabularyFor } from './vocabulary';

describe('companies', () => {
  it('get Russian tax ids with valid check digits: 10 digits, 12 for a sole trader', async () => {
    const random = (await createRandomStreams(1, 'ru'))('tax');
    for (const region of vocabularyFor('ru').regions) {
      for (let index = 0; index < 50; index += 1) {
        const company = makeTaxId(random, region, false);
        const soleTrader = makeTaxId(random, region, true);
        expect(company).toMatch(/^\d{10}$/);
        expect(soleTrader).toMatch(/^\d{12}$/);
        expect(isValidInn(company) && isValidInn(soleTrader)).toBe(true);
        expect(region.taxCodes).toContain(company.slice(0, 2));
      }
    }
  });

  it('get their country’s tax ids abroad, never one mistaken for an INN', async () => {
    const random = (await createRandomStreams(1, 'en'))('tax');
    const shapes = { US: /^\d{9}$/, GB: /^0\d{7}$/, DE: /^DE\d{9}$/, NL: /^NL\d{9}B01$/, RU: /^$/ };
    for (const region of vocabularyFor('en').regions) {
      const taxId = makeTaxId(random, region, false);
      expect(taxId).toMatch(shapes[region.country]);
    }
  });

  it('are registered under their legal form', () => {
    expect(legalNameOf('ru', 'ООО', 'Волгафарм')).toBe('ООО «Волгафарм»');
    expect(legalNameOf('en', 'Inc.', 'Summit Logistics')).toBe('Summit Logistics, Inc.');
    expect(legalNameOf('en', 'GmbH', 'Summit Logistics')).toBe('Summit Logistics GmbH');
    const person = { gender: 'male' as const, firstName: 'Алексей', lastName: 'Смирнов', patronymic: 'Петрович' };
    const words = vocabularyFor('ru').soleTrader;
    if (!words) throw new Error('Russian has sole traders');
    expect(soleTraderNames(words, person)).toEqual({
      name: 'ИП Смирнов А. П.',
      legalName: 'ИП Смирнов Алексей Петрович',
    });
  });

  it('have domains transliterated from their brand', () => {
    expect(domainFor('Волгафарм', 'ru')).toBe('volgafarm.ru');
    expect(domainFor('Нева-Экспресс-Урал', 'ru')).toBe('neva-ekspress-ural.ru');
    expect(domainFor('Сибагро Групп', 'ru')).toBe('sibagrogrupp.ru');
    expect(domainFor("O'Connor Foods UK", 'co.uk')).toBe('oconnorfoodsuk.co.uk');
  });

  it('have brands made of the industry’s words', async () => {
    const random = (await createRandomStreams(2, 'ru'))('brands');
    const vocabulary = vocabularyFor('ru');
    for (const industry of vocabulary.industries) {
      for (let index = 0; index < 20; index += 1) {
        const brand = makeBrand(random, vocabulary, industry).toLowerCase();
        expect(industry.roots.some((root) => brand.includes(root))).toBe(true);
      }
    }
  });
});
