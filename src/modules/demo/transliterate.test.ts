import { describe, expect, it } from 'vitest';
import { slugify, transliterate } from './transliterate';

describe('transliterate', () => {
  it('spells Russian letters the way mailboxes and domains do', () => {
    expect(transliterate('Щукин')).toBe('shchukin');
    expect(transliterate('Пётр Ильич Чайковский')).toBe('petr ilich chaykovskiy');
    expect(transliterate('Юлия Хабибуллина')).toBe('yuliya khabibullina');
    expect(transliterate('Подъезд, Объём')).toBe('podezd, obem');
  });

  it('keeps what is not Cyrillic', () => {
    expect(transliterate('IT-директор 2026')).toBe('it-direktor 2026');
  });
});

describe('slugify', () => {
  it('leaves only Latin letters and digits, joined by the separator', () => {
    expect(slugify('ООО «Волгафарм-Урал»', '-')).toBe('ooo-volgafarm-ural');
    expect(slugify('Нева-Экспресс Групп')).toBe('nevaekspressgrupp');
    expect(slugify("O'Keefe & Sons", '_')).toBe('o_keefe_sons');
  });

  it('drops accents', () => {
    expect(slugify('Société Générale', '.')).toBe('societe.generale');
  });
});
