import type { LocalizedText } from '../../platform/i18n/text';

export const customFieldMessages = {
  customField: { en: 'custom field', ru: 'дополнительное поле' },
  keyTaken: { en: 'This key is already used for this entity.', ru: 'Такой ключ уже используется для этого объекта.' },
  unknownField: { en: 'There is no custom field "{key}".', ru: 'Дополнительного поля «{key}» нет.' },
  required: { en: '"{label}" is required.', ru: 'Поле «{label}» обязательно.' },
  mustBeText: { en: 'Must be text of at most 2000 characters.', ru: 'Должно быть текстом не длиннее 2000 символов.' },
  mustBeNumber: { en: 'Must be a number.', ru: 'Должно быть числом.' },
  mustBeDate: { en: 'Must be a date (YYYY-MM-DD).', ru: 'Должно быть датой (ГГГГ-ММ-ДД).' },
  mustBeBoolean: { en: 'Must be true or false.', ru: 'Должно быть «да» или «нет».' },
  optionsNeeded: {
    en: 'A select field needs at least one option.',
    ru: 'Для поля-списка нужен хотя бы один вариант.',
  },
  mustBeOption: { en: 'Must be one of: {options}.', ru: 'Допустимые значения: {options}.' },
} satisfies Record<string, LocalizedText>;
