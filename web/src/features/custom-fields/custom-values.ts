import type { Locale } from '../../api/shared';
import type { CustomField, CustomFieldOption } from './custom-fields-api';

/** A custom value as a form input holds it: text, a number, or null for "not set". */
export type CustomFormValue = string | number | null;
export type CustomFormValues = Record<string, CustomFormValue>;

type Definition = Pick<CustomField, 'key' | 'type' | 'options' | 'required' | 'labelEn' | 'labelRu'>;

export function labelOf(item: Pick<CustomFieldOption, 'labelEn' | 'labelRu'>, language: Locale): string {
  return language === 'ru' ? item.labelRu : item.labelEn;
}

/** Stored values as the form's inputs hold them; booleans become 'true' / 'false' so "not set" stays possible. */
export function toCustomFormValues(
  definitions: readonly Definition[],
  stored: Record<string, unknown>,
): CustomFormValues {
  const values: CustomFormValues = {};
  for (const definition of definitions) {
    const value = stored[definition.key];
    if (value === undefined || value === null) values[definition.key] = definition.type === 'text' ? '' : null;
    else if (definition.type === 'boolean') values[definition.key] = value ? 'true' : 'false';
    else if (definition.type === 'number' && typeof value === 'number') values[definition.key] = value;
    else values[definition.key] = String(value);
  }
  return values;
}

/** `1 500,5` as 1500.5; text that is no number is sent as it is, for the server to name the field. */
function parseNumber(text: string): number | string {
  const parsed = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : text;
}

/** The `custom` object to send: every defined field, `null` for an empty one (which clears it). */
export function toCustomInput(definitions: readonly Definition[], values: CustomFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = values[definition.key];
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      input[definition.key] = null;
    } else if (definition.type === 'number') {
      input[definition.key] = typeof value === 'number' ? value : parseNumber(value);
    } else if (definition.type === 'boolean') {
      input[definition.key] = value === 'true';
    } else {
      input[definition.key] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return input;
}

/** The required fields left empty, keyed by their form path (`custom.<key>`), as the server would name them. */
export function missingRequiredFields(
  definitions: readonly Definition[],
  input: Record<string, unknown>,
  requiredMessage: (label: string) => string,
  language: Locale,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const definition of definitions) {
    if (definition.required && input[definition.key] === null) {
      errors[`custom.${definition.key}`] = requiredMessage(labelOf(definition, language));
    }
  }
  return errors;
}

/** A stored value as text for reading: option labels, yes/no, dates in the UI language. */
export function formatCustomValue(
  definition: Definition,
  value: unknown,
  language: Locale,
  words: { yes: string; no: string; formatDate: (day: string) => string },
): string {
  if (value === undefined || value === null || value === '') return '';
  switch (definition.type) {
    case 'boolean':
      return value ? words.yes : words.no;
    case 'select': {
      const option = definition.options.find((candidate) => candidate.value === value);
      return option ? labelOf(option, language) : String(value);
    }
    case 'date':
      return typeof value === 'string' ? words.formatDate(value) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString(language) : String(value);
    default:
      return String(value);
  }
}
