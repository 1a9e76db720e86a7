import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';

type Texts = { [key: string]: string | Texts };

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  const english = flatten(en);
  const russian = flatten(ru);

  it('have the same keys in Russian and English', () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('fill the same placeholders in both languages and leave nothing empty', () => {
    for (const [key, text] of english) {
      const translated = russian.get(key) ?? '';
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});
