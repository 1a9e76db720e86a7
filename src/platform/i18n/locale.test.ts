import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  it('takes the first supported language by quality', () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(negotiateLocale('de-DE, en;q=0.5, ru;q=0.7')).toBe('ru');
    expect(negotiateLocale('en-GB')).toBe('en');
  });

  it('falls back when nothing is supported or the header is missing', () => {
    expect(negotiateLocale('de, fr')).toBe('en');
    expect(negotiateLocale(undefined, 'ru')).toBe('ru');
    expect(negotiateLocale('ru;q=0')).toBe('en');
  });
});
