import { assertNever } from '../../platform/errors';
import type { MessengerKind } from '../contacts';
import type { DemoRandom } from './random';
import { slugify } from './transliterate';
import type { Country, CountryWords, Gender, Vocabulary } from './vocabulary';

export type Messenger = { kind: MessengerKind; handle: string };

export type PersonName = { gender: Gender; firstName: string; lastName: string; patronymic: string | null };

/** A person's name; in Russian the family name and patronymic agree with the gender. */
export function makePersonName(random: DemoRandom, vocabulary: Vocabulary): PersonName {
  const gender: Gender = random.chance(0.5) ? 'male' : 'female';
  return {
    gender,
    firstName: random.pick(vocabulary.firstNames[gender]),
    lastName: vocabulary.familyNames ? random.pick(vocabulary.familyNames) : random.faker.person.lastName(gender),
    patronymic: vocabulary.patronymics ? random.pick(vocabulary.patronymics[gender]) : null,
  };
}

export const mailboxPatterns = ['initial.last', 'first.last', 'last.initial', 'initiallast', 'first_last'] as const;
export type MailboxPattern = (typeof mailboxPatterns)[number];

/** The part of an address before `@`, the way a company spells all its people's mailboxes. */
export function mailboxOf(name: PersonName, pattern: MailboxPattern): string {
  const first = slugify(name.firstName);
  const last = slugify(name.lastName);
  const initial = first.slice(0, 1);
  switch (pattern) {
    case 'initial.last':
      return `${initial}.${last}`;
    case 'first.last':
      return `${first}.${last}`;
    case 'last.initial':
      return `${last}.${initial}`;
    case 'initiallast':
      return `${initial}${last}`;
    case 'first_last':
      return `${first}_${last}`;
    default:
      return assertNever(pattern);
  }
}

/** A private mailbox: the name with a number, as people pick them on free mail services. */
export function personalEmailOf(random: DemoRandom, name: PersonName, vocabulary: Vocabulary): string {
  const base = mailboxOf(name, random.pick(['first.last', 'initiallast', 'first_last'] as const));
  return `${base}${random.int(1, 99)}@${random.pick(vocabulary.personalEmailDomains)}`;
}

/** A mobile number in the country's usual written form. */
export function mobilePhone(random: DemoRandom, country: Country, words: CountryWords, areaCodes: readonly string[]) {
  switch (country) {
    case 'RU':
      return `+7 (${random.pick(words.mobilePrefixes)}) ${random.digits(3)}-${random.digits(2)}-${random.digits(2)}`;
    case 'US':
      // NOTE: 555-0100…0199 are the numbers set aside for fiction; they reach no one.
      return `+1 (${random.pick(areaCodes)}) 555-01${random.digits(2)}`;
    case 'GB':
      return `+44 ${random.pick(words.mobilePrefixes)}${random.digits(3)}`;
    case 'DE':
      return `+49 ${random.pick(words.mobilePrefixes)} ${random.digits(7)}`;
    case 'NL':
      return `+31 ${random.pick(words.mobilePrefixes)} ${random.digits(4)} ${random.digits(4)}`;
    default:
      return assertNever(country);
  }
}

/** An office number with an extension, in the region's area code. */
export function officePhone(random: DemoRandom, country: Country, areaCodes: readonly string[]): string {
  const area = random.pick(areaCodes);
  const extension = random.int(100, 899);
  switch (country) {
    case 'RU':
      return `+7 (${area}) ${random.digits(3)}-${random.digits(2)}-${random.digits(2)} доб. ${extension}`;
    case 'US':
      return `+1 (${area}) 555-01${random.digits(2)} ext. ${extension}`;
    case 'GB':
      return `+44 ${area}${random.digits(3)}`;
    case 'DE':
      return `+49 ${area} ${random.digits(4)} ${random.digits(3)}-${extension}`;
    case 'NL':
      return `+31 ${area} ${random.digits(3)} ${random.digits(4)}`;
    default:
      return assertNever(country);
  }
}

/** A Telegram user name made of the person's name: 5–32 of `a-z`, `0-9`, `_`. */
export function telegramHandleOf(random: DemoRandom, name: PersonName): string {
  const first = slugify(name.firstName);
  const last = slugify(name.lastName);
  const handle = random.pick([
    `${first}_${last}`,
    `${first.slice(0, 1)}${last}`,
    `${last}_${first.slice(0, 1)}`,
    `${first}${last}${random.int(70, 99)}`,
  ]);
  return `@${handle.length >= 5 ? handle.slice(0, 32) : `${handle}_${random.digits(3)}`}`;
}

/** Messenger accounts: Telegram is common in Russia, WhatsApp elsewhere. */
export function messengersOf(
  random: DemoRandom,
  name: PersonName,
  locale: 'ru' | 'en',
  mobile: string | undefined,
): Messenger[] {
  const messengers: Messenger[] = [];
  const telegram = locale === 'ru' ? 0.55 : 0.08;
  const whatsapp = locale === 'ru' ? 0.15 : 0.3;
  if (random.chance(telegram)) messengers.push({ kind: 'telegram', handle: telegramHandleOf(random, name) });
  if (mobile && random.chance(whatsapp)) messengers.push({ kind: 'whatsapp', handle: mobile });
  return messengers;
}
