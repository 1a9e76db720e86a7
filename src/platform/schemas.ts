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
