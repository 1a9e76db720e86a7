import { assertNever } from '../../platform/errors';
import { completeInn } from '../accounts';
import type { PersonName } from './people';
import type { DemoRandom } from './random';
import { slugify } from './transliterate';
import type { IndustryWords, RegionWords, Vocabulary } from './vocabulary';

const vowels = /^[аеёиоуыэюяaeiou]/i;

function capitalize(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}

/**
 * A brand built from a place or brand word and an industry root: «Волгафарм», «Сибагро-Трейд»,
 * "Summit Logistics", "Kessler Foods Group".
 */
export function makeBrand(
  random: DemoRandom,
  vocabulary: Vocabulary,
  industry: IndustryWords,
  options: { ending: boolean } = { ending: true },
): string {
  const root = random.pick(industry.roots);
  const ending = options.ending && random.chance(0.3) ? random.pick(vocabulary.nameEndings) : undefined;
  if (vocabulary.locale === 'ru') {
    const prefix = random.pick(vocabulary.namePrefixes);
    const clash = vowels.test(root) && vowels.test(prefix.slice(-1));
    const base = clash
      ? `${prefix}-${capitalize(root)}`
      : random.chance(0.2)
        ? prefix + capitalize(root)
        : prefix + root;
    if (!ending) return base;
    return random.chance(0.5) ? `${base}-${ending}` : `${base} ${ending}`;
  }
  const familyNames = vocabulary.familyNames;
  const prefix = familyNames && random.chance(0.3) ? random.pick(familyNames) : random.pick(vocabulary.namePrefixes);
  return ending ? `${prefix} ${root} ${ending}` : `${prefix} ${root}`;
}

/** A subsidiary's brand: the group's with its region or its line of business. */
export function subsidiaryBrand(vocabulary: Vocabulary, parentBrand: string, suffix: string): string {
  return vocabulary.locale === 'ru' ? `${parentBrand}-${suffix}` : `${parentBrand} ${suffix}`;
}

/** The registered name: ООО «Волгафарм», "Summit Logistics, Inc.". */
export function legalNameOf(locale: 'ru' | 'en', form: string, brand: string): string {
  if (locale === 'ru') return `${form} «${brand}»`;
  return form === 'Inc.' ? `${brand}, ${form}` : `${brand} ${form}`;
}

/** A sole trader's display and registered names: «ИП Смирнов А. П.». */
export function soleTraderNames(
  words: NonNullable<Vocabulary['soleTrader']>,
  person: PersonName,
): { name: string; legalName: string } {
  const initials = [person.firstName, person.patronymic]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${part.slice(0, 1)}.`)
    .join(' ');
  const fullName = [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ');
  return { name: `${words.shortForm} ${person.lastName} ${initials}`, legalName: `${words.shortForm} ${fullName}` };
}

/** The website host of a brand: words run together, hyphens kept (`volgafarm-ural.ru`, `summitlogistics.com`). */
export function domainFor(brand: string, domainSuffix: string): string {
  const label = slugify(brand.replace(/[^\p{L}\p{N}-]+/gu, ''), '-');
  return `${label || 'company'}.${domainSuffix}`;
}

/**
 * A tax id of the region's country, as the accounts module stores it: a Russian INN with valid
 * check digits (10 digits, 12 for a sole trader), a US EIN, a UK company number, an EU VAT number.
 */
export function makeTaxId(random: DemoRandom, region: RegionWords, soleTrader: boolean): string {
  const code = random.pick(region.taxCodes);
  switch (region.country) {
    case 'RU': {
      const office = String(random.int(1, 46)).padStart(2, '0');
      return completeInn(`${code}${office}${random.digits(soleTrader ? 6 : 5)}`);
    }
    case 'US':
      return `${code}${random.digits(7)}`;
    case 'GB':
      return `${code}${random.digits(7)}`;
    case 'DE':
      return `${code}${random.digits(9)}`;
    case 'NL':
      return `${code}${random.digits(9)}B01`;
    default:
      return assertNever(region.country);
  }
}
