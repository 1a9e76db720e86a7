import { describe, expect, it } from 'vitest';
import { vocabularyFor } from '.';

/** Every string in a value, with the key it sits under. */
function* stringsOf(value: unknown, key = ''): Generator<{ key: string; text: string }> {
  if (typeof value === 'string') yield { key, text: value };
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item, key);
  else if (value && typeof value === 'object')
    for (const [name, item] of Object.entries(value)) yield* stringsOf(item, name);
}

describe('vocabulary', () => {
  it('has no Cyrillic in English, except the Russian labels of options', () => {
    const cyrillic = [...stringsOf(vocabularyFor('en'))].filter(
      ({ key, text }) => key !== 'labelRu' && /[а-яё]/i.test(text),
    );
    expect(cyrillic).toEqual([]);
  });

  it('has the words of every country its regions are in', () => {
    for (const locale of ['ru', 'en'] as const) {
      const vocabulary = vocabularyFor(locale);
      for (const region of vocabulary.regions) {
        const country = vocabulary.countries[region.country];
        expect(country, `${locale} ${region.key}`).toBeDefined();
        expect(region.taxCodes.length).toBeGreaterThan(0);
        expect(region.areaCodes.length).toBeGreaterThan(0);
        if (region.country !== 'US') expect(country?.mobilePrefixes.length).toBeGreaterThan(0);
      }
      expect(new Set(vocabulary.regions.map((region) => region.key)).size).toBe(vocabulary.regions.length);
    }
  });

  it('has no empty word lists and no blank words', () => {
    for (const locale of ['ru', 'en'] as const) {
      const blank = [...stringsOf(vocabularyFor(locale))].filter(({ text }) => text.trim() !== text || text === '');
      expect(blank).toEqual([]);
      for (const industry of vocabularyFor(locale).industries) {
        expect(industry.roots.length).toBeGreaterThan(3);
        expect(industry.segments.length).toBeGreaterThan(3);
      }
    }
  });
});
