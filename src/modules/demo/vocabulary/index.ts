import { englishVocabulary } from './en';
import { russianVocabulary } from './ru';
import type { Vocabulary } from './types';

export type * from './types';

export function vocabularyFor(locale: 'ru' | 'en'): Vocabulary {
  return locale === 'ru' ? russianVocabulary : englishVocabulary;
}
