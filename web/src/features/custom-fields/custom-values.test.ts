import { describe, expect, it } from 'vitest';
import type { CustomField } from './custom-fields-api';
import { formatCustomValue, missingRequiredFields, toCustomFormValues, toCustomInput } from './custom-values';

const definition = (key: string, type: CustomField['type'], required = false) => ({
  key,
  type,
  required,
  labelEn: key,
  labelRu: `${key} (ru)`,
  options: type === 'select' ? [{ value: 'north', labelEn: 'North', labelRu: 'Север' }] : [],
});

const definitions = [
  definition('budget', 'number', true),
  definition('signed', 'boolean'),
  definition('region', 'select'),
  definition('since', 'date'),
  definition('note', 'text'),
];

describe('custom values', () => {
  it('types what the inputs hold for the API and clears empty ones with null', () => {
    const values = { budget: '1 500,5', signed: 'true', region: null, since: '', note: '  hi ' };
    expect(toCustomInput(definitions, values)).toEqual({
      budget: 1500.5,
      signed: true,
      region: null,
      since: null,
      note: 'hi',
    });
    expect(toCustomInput(definitions, { ...values, budget: 'много' }).budget).toBe('много');
  });

  it('keeps "not set" apart from "no" for booleans', () => {
    expect(toCustomFormValues(definitions, { signed: false })).toMatchObject({
      signed: 'false',
      region: null,
      note: '',
    });
    expect(toCustomFormValues(definitions, {})).toMatchObject({ signed: null });
  });

  it('names the required fields left empty, labelled in the UI language', () => {
    const errors = missingRequiredFields(definitions, { budget: null }, (label) => `${label}!`, 'ru');
    expect(errors).toEqual({ 'custom.budget': 'budget (ru)!' });
  });

  it('shows option labels and yes/no in the UI language', () => {
    const words = { yes: 'Да', no: 'Нет', formatDate: (day: string) => day };
    expect(formatCustomValue(definition('region', 'select'), 'north', 'ru', words)).toBe('Север');
    expect(formatCustomValue(definition('signed', 'boolean'), false, 'ru', words)).toBe('Нет');
    expect(formatCustomValue(definition('note', 'text'), null, 'ru', words)).toBe('');
  });
});
