// NOTE: the practical romanisation Russian companies use for domains and mailboxes (й → y,
// х → kh, ц → ts, щ → shch, ю → yu, я → ya, signs dropped), not a reversible scholarly one.
const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Russian letters in Latin ones, lower-case (`Щукин` → `shchukin`); other characters kept. */
export function transliterate(text: string): string {
  let result = '';
  for (const character of text.toLowerCase()) result += cyrillicToLatin[character] ?? character;
  return result;
}

const slugs = new Map<string, string>();

/** A name as a DNS label or mailbox part: Latin letters and digits, words joined by `separator`. */
export function slugify(text: string, separator = ''): string {
  const key = `${separator}\u0000${text}`;
  const known = slugs.get(key);
  if (known !== undefined) return known;
  const slug = transliterate(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(separator);
  // NOTE: the same few hundred names come up again and again; a demo run remembers their slugs.
  if (slugs.size < 100_000) slugs.set(key, slug);
  return slug;
}
