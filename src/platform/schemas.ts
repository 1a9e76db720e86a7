import { z } from 'zod';
import type { LocalizedText } from './i18n/text';

const currencies = new Set(Intl.supportedValuesOf('currency'));
const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

const unknownCurrency: LocalizedText = {
  en: 'Must be an ISO 4217 currency code such as RUB, USD or EUR.',
  ru: 'Укажите код валюты ISO 4217, например RUB, USD или EUR.',
};
const unknownTimeZone: LocalizedText = {
  en: 'Must be an IANA time zone such as Europe/Moscow.',
  ru: 'Укажите часовой пояс IANA, например Europe/Moscow.',
};

const firstYear = 1900;
const lastYear = 2200;
const dateOutOfRange: LocalizedText = {
  en: 'Must be a date between the years {from} and {to}.',
  ru: 'Укажите дату между {from} и {to} годами.',
};
// NOTE: text that is no date at all gets only the format's message.
const withinYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return Number.isNaN(year) || (year >= firstYear && year <= lastYear);
};
const yearsRange = { params: { text: dateOutOfRange, params: { from: firstYear, to: lastYear } } };

/** A calendar date, `YYYY-MM-DD`, in a year PostgreSQL and people can both mean (1900–2200). */
export const isoDateSchema = z.iso.date().refine(withinYears, yearsRange);

/** An instant with its offset (`2026-11-27T10:00:00+03:00`), in the same years. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true }).refine(withinYears, yearsRange);

/** An ISO 4217 currency code, upper-cased. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => currencies.has(code), { params: { text: unknownCurrency } });

/** An IANA time zone name. */
export const timeZoneSchema = z.string().refine((zone) => timeZones.has(zone), { params: { text: unknownTimeZone } });

/** Optional free text: blank becomes null, so clearing a field in a form clears it in the database. */
export function optionalText(maximum: number) {
  return z
    .string()
    .trim()
    .max(maximum)
    .nullish()
    .transform((value) => (value ? value : null));
}
