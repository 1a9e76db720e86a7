import { z } from 'zod';
import { customFieldMessages } from './messages';

export const customFieldEntities = ['account', 'contact'] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];
export const customFieldTypes = ['text', 'number', 'date', 'boolean', 'select'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

const keyFormat = {
  en: 'Use lower-case Latin letters, digits and underscores, starting with a letter.',
  ru: 'Используйте строчные латинские буквы, цифры и подчёркивания; первым должен быть символ буквы.',
};
const duplicateOption = { en: 'Option values must be unique.', ru: 'Значения вариантов не должны повторяться.' };

const optionSchema = z.strictObject({
  value: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().min(1).max(200),
  labelRu: z.string().trim().min(1).max(200),
});

const definitionFields = {
  labelEn: z.string().trim().min(1).max(200),
  labelRu: z.string().trim().min(1).max(200),
  options: z.array(optionSchema).max(200).default([]),
  required: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(0),
};

function uniqueOptions(options: { value: string }[] | undefined) {
  return !options || new Set(options.map((option) => option.value)).size === options.length;
}

export const createCustomFieldInput = z
  .strictObject({
    entity: z.enum(customFieldEntities),
    key: z
      .string()
      .trim()
      .max(50)
      .refine((key) => /^[a-z][a-z0-9_]*$/.test(key), { params: { text: keyFormat } }),
    type: z.enum(customFieldTypes),
    ...definitionFields,
  })
  .refine((input) => input.type !== 'select' || input.options.length > 0, {
    path: ['options'],
    params: { text: customFieldMessages.optionsNeeded },
  })
  .refine((input) => uniqueOptions(input.options), { path: ['options'], params: { text: duplicateOption } });
export type CreateCustomFieldInput = z.input<typeof createCustomFieldInput>;

/** Key, entity and type are fixed once values exist; labels, options and order can change. */
export const updateCustomFieldInput = z
  .strictObject({
    labelEn: definitionFields.labelEn.optional(),
    labelRu: definitionFields.labelRu.optional(),
    options: z.array(optionSchema).max(200).optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((input) => uniqueOptions(input.options), { path: ['options'], params: { text: duplicateOption } });
export type UpdateCustomFieldInput = z.input<typeof updateCustomFieldInput>;

/** Values sent for custom fields: `null` clears one. Checked against the definitions on the server. */
export const customValuesInput = z.record(z.string().max(50), z.unknown());
