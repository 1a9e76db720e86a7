import type { Locale } from './locale';

type Parameters = Record<string, string | number>;
type Template = string | ((parameters: Parameters) => string);

/** A user-facing text in every supported language. */
export type LocalizedText = Record<Locale, Template>;

/** A text with the values to put into its `{placeholders}`. */
export type Message = { text: LocalizedText; params?: Parameters };

export function message(text: LocalizedText, params?: Parameters): Message {
  return params ? { text, params } : { text };
}

/** Renders a message in the given language, filling `{name}` placeholders. */
export function translate(locale: Locale, { text, params = {} }: Message): string {
  const template = text[locale];
  const rendered = typeof template === 'function' ? template(params) : template;
  return rendered.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Russian plural form for a count: one (1, 21), few (2–4, 22–24), many (5–20, 25…). */
export function russianPlural(count: number, forms: { one: string; few: string; many: string }): string {
  const category = new Intl.PluralRules('ru').select(count);
  return category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
}
