import { describe, expect, it } from 'vitest';
import { createContactInput } from '../contacts';
import {
  mailboxOf,
  mailboxPatterns,
  makePersonName,
  messengersOf,
  mobilePhone,
  officePhone,
  personalEmailOf,
  telegramHandleOf,
} from './people';
import { createRandomStreams } from './random';
import { vocabularyFor } from './vocabulary';

const cyrillic = /[а-яё]/i;

describe('people', () => {
  it('give Russians a patronymic and a family name that agree with their gender', async () => {
    const random = (await createRandomStreams(1, 'ru'))('people');
    const vocabulary = vocabularyFor('ru');
    for (let index = 0; index < 300; index += 1) {
      const name = makePersonName(random, vocabulary);
      expect(vocabulary.firstNames[name.gender]).toContain(name.firstName);
      if (name.gender === 'male') {
        expect(name.patronymic).toMatch(/ич$/);
        expect(name.lastName).toMatch(/(ов|ев|ин|ын|ий|ой|ый)$/);
      } else {
        expect(name.patronymic).toMatch(/на$/);
        expect(name.lastName).toMatch(/[ая]$/);
      }
    }
  });

  it('give English names no patronymic and no Cyrillic', async () => {
    const random = (await createRandomStreams(1, 'en'))('people');
    for (let index = 0; index < 200; index += 1) {
      const name = makePersonName(random, vocabularyFor('en'));
      expect(name.patronymic).toBeNull();
      expect(`${name.firstName} ${name.lastName}`).not.toMatch(cyrillic);
    }
  });

  it('spell mailboxes in Latin letters after the company pattern', () => {
    const name = { gender: 'male' as const, firstName: 'Пётр', lastName: 'Щукин', patronymic: 'Ильич' };
    expect(mailboxPatterns.map((pattern) => mailboxOf(name, pattern))).toEqual([
      'p.shchukin',
      'petr.shchukin',
      'shchukin.p',
      'pshchukin',
      'petr_shchukin',
    ]);
  });

  it('make contact details that pass the contact form’s validation', async () => {
    for (const locale of ['ru', 'en'] as const) {
      const random = (await createRandomStreams(5, locale))('details');
      const vocabulary = vocabularyFor(locale);
      for (const region of vocabulary.regions) {
        const country = vocabulary.countries[region.country];
        if (!country) throw new Error(`no words for ${region.country}`);
        for (let index = 0; index < 30; index += 1) {
          const name = makePersonName(random, vocabulary);
          const mobile = mobilePhone(random, region.country, country, region.areaCodes);
          const input = {
            accountId: '0190a000-0000-7000-8000-000000000000',
            firstName: name.firstName,
            lastName: name.lastName,
            patronymic: name.patronymic,
            emails: [`${mailboxOf(name, 'first.last')}@example.com`, personalEmailOf(random, name, vocabulary)],
            phones: [mobile, officePhone(random, region.country, region.areaCodes)],
            messengers: messengersOf(random, name, locale, mobile),
          };
          const parsed = createContactInput.safeParse(input);
          expect(parsed.success, JSON.stringify({ input, error: parsed.error?.issues })).toBe(true);
        }
      }
    }
  });

  it('write Russian mobiles as +7 (9xx) xxx-xx-xx', async () => {
    const random = (await createRandomStreams(2, 'ru'))('phones');
    const vocabulary = vocabularyFor('ru');
    const russia = vocabulary.countries.RU;
    if (!russia) throw new Error('no Russian words');
    for (let index = 0; index < 100; index += 1) {
      expect(mobilePhone(random, 'RU', russia, ['495'])).toMatch(/^\+7 \(9\d\d\) \d{3}-\d{2}-\d{2}$/);
    }
  });

  it('make Telegram handles Telegram accepts', async () => {
    const random = (await createRandomStreams(3, 'ru'))('telegram');
    const vocabulary = vocabularyFor('ru');
    for (let index = 0; index < 300; index += 1) {
      expect(telegramHandleOf(random, makePersonName(random, vocabulary))).toMatch(/^@[a-z0-9_]{5,32}$/);
    }
  });
});
